import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import type { MeasureInput, PostDto, ThreadPreviewDto } from "../../ipc";
import * as ipc from "../../ipc";
import { counterOf, EDITOR_CHANNELS, fakeMeasure, openEditor } from "../../test/editorFixtures";
import { attachment, HASH_A, HASH_B, mockMediaIpc } from "../../test/mediaFixtures";

vi.mock("../../ipc", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../ipc")>();
  return {
    ...actual,
    ...(await import("../../test/mediaFixtures")).mediaIpcMocks(),
    listChannels: vi.fn(),
    listLabels: vi.fn(),
    measureText: vi.fn(),
    previewThreads: vi.fn(),
    saveAutosave: vi.fn(),
    clearAutosave: vi.fn(),
    createPost: vi.fn(),
    updatePost: vi.fn(),
    getPost: vi.fn(),
    publishLog: vi.fn(),
  };
});

const mocked = vi.mocked(ipc);

/** Rust's answer for a thread, as the Bluesky splitter would give it: here, sentences. */
const PARTS = [
  "Batik tulis dibuat dengan tangan. ".repeat(8).trim(),
  "Setiap motif punya makna. ".repeat(8).trim(),
  "Kunjungi toko kami di Pekalongan!",
];
const LONG_TEXT = PARTS.join(" ");

async function fakePreview(input: MeasureInput): Promise<ThreadPreviewDto[]> {
  return input.targets
    .filter((t) => t.channelId === 1 && t.asThread)
    .map((t) => ({
      channelId: t.channelId,
      parts: (input.text.length > 300 ? PARTS : [input.text]).map((text) => ({
        text,
        used: [...text].length,
        limit: 300,
        unit: "graphemes" as const,
        over: false,
      })),
    }));
}

const threadBoxOf = (channelId: number) =>
  screen.queryAllByTestId("editor-thread").find((el) => el.dataset.channelId === String(channelId));

beforeEach(() => {
  vi.clearAllMocks();
  mockMediaIpc(mocked);
  mocked.listChannels.mockResolvedValue(EDITOR_CHANNELS);
  mocked.listLabels.mockResolvedValue([]);
  mocked.measureText.mockImplementation(fakeMeasure(PARTS.length));
  mocked.previewThreads.mockImplementation(fakePreview);
  mocked.saveAutosave.mockResolvedValue(null);
  mocked.clearAutosave.mockResolvedValue(null);
  mocked.publishLog.mockResolvedValue([]);
});

describe("a Bluesky text too long for one post", () => {
  it("offers a thread only once the text is over, and only where the network has threads", async () => {
    const user = userEvent.setup();
    openEditor();
    const chips = await screen.findAllByTestId("editor-channel");
    await user.click(chips[0]!);
    await user.click(chips[1]!);
    fireEvent.change(screen.getByTestId("editor-text"), { target: { value: "Roti tawar" } });
    await waitFor(() => expect(counterOf(1)).toHaveTextContent("10 / 300"));
    expect(threadBoxOf(1)).toBeUndefined();

    fireEvent.change(screen.getByTestId("editor-text"), { target: { value: LONG_TEXT } });
    await waitFor(() => expect(counterOf(1)).toHaveAttribute("data-over", "true"));
    expect(threadBoxOf(1)).not.toBeChecked();
    expect(threadBoxOf(2)).toBeUndefined();
    expect(screen.getByTestId("schedule")).toBeDisabled();
    // Nothing is split until the person asks for it.
    expect(mocked.previewThreads).not.toHaveBeenCalled();
  });

  it("shows the parts Rust splits it into, numbered and counted, and lets it be scheduled", async () => {
    const user = userEvent.setup();
    mocked.createPost.mockImplementation(async (input) => ({
      post: {
        id: 9,
        text: input.text,
        status: input.status,
        schedule: null,
        targets: input.targets,
        labelIds: [],
        editable: true,
        createdAt: "2026-11-23T00:00:00Z",
        updatedAt: "2026-11-23T00:00:00Z",
        onServer: [],
      },
      adjustment: null,
    }));
    openEditor();
    const chips = await screen.findAllByTestId("editor-channel");
    await user.click(chips[0]!);
    fireEvent.change(screen.getByTestId("editor-text"), { target: { value: LONG_TEXT } });
    await waitFor(() => expect(threadBoxOf(1)).toBeDefined());
    await user.click(threadBoxOf(1)!);

    const preview = await screen.findByTestId("thread-preview");
    const parts = within(preview).getAllByTestId("thread-part");
    expect(parts).toHaveLength(3);
    expect(parts[0]).toHaveTextContent("Post 1 of 3");
    expect(parts[2]).toHaveTextContent("Post 3 of 3");
    PARTS.forEach((text, i) => {
      expect(within(parts[i]!).getByText(text)).toBeInTheDocument();
      expect(within(parts[i]!).getByTestId("thread-part-count")).toHaveTextContent(`${[...text].length} / 300 graphemes`);
    });
    // Asked of Rust with the choice on, for the Bluesky channel only.
    expect(mocked.previewThreads).toHaveBeenLastCalledWith({
      text: LONG_TEXT,
      targets: [{ channelId: 1, variantText: null, asThread: true }],
    });

    await waitFor(() => expect(counterOf(1)).toHaveAttribute("data-over", "false"));
    expect(counterOf(1)).toHaveTextContent("a thread of 3 posts");
    expect(screen.getByTestId("schedule")).toBeEnabled();
    await user.click(screen.getByTestId("schedule"));
    await waitFor(() => expect(mocked.createPost).toHaveBeenCalled());
    expect(mocked.createPost.mock.calls[0]![0].targets).toEqual([{ channelId: 1, variantText: null, asThread: true }]);
  });

  it("taking the choice back hides the parts and blocks scheduling again", async () => {
    const user = userEvent.setup();
    openEditor();
    const chips = await screen.findAllByTestId("editor-channel");
    await user.click(chips[0]!);
    fireEvent.change(screen.getByTestId("editor-text"), { target: { value: LONG_TEXT } });
    await waitFor(() => expect(threadBoxOf(1)).toBeDefined());
    await user.click(threadBoxOf(1)!);
    await screen.findByTestId("thread-preview");
    await user.click(threadBoxOf(1)!);
    await waitFor(() => expect(screen.queryByTestId("thread-preview")).toBeNull());
    await waitFor(() => expect(counterOf(1)).toHaveAttribute("data-over", "true"));
    expect(screen.getByTestId("schedule")).toBeDisabled();
  });
});

describe("a saved thread with pictures", () => {
  const post: PostDto = {
    id: 7,
    text: LONG_TEXT,
    status: "draft",
    schedule: null,
    targets: [{ channelId: 1, variantText: null, asThread: true }],
    labelIds: [],
    editable: true,
    createdAt: "2026-11-23T00:00:00Z",
    updatedAt: "2026-11-23T00:00:00Z",
    onServer: [],
  };

  it("opens with the choice on and the pictures on the first part only", async () => {
    mocked.getPost.mockResolvedValue(post);
    mocked.postMedia.mockResolvedValue([attachment({ hash: HASH_A }), attachment({ hash: HASH_B, position: 1 })]);
    openEditor({ postId: 7 });
    const preview = await screen.findByTestId("thread-preview");
    expect(threadBoxOf(1)).toBeChecked();
    const parts = within(preview).getAllByTestId("thread-part");
    await waitFor(() => expect(within(parts[0]!).getByTestId("thread-part-pictures")).toHaveTextContent("2 pictures go with this post"));
    expect(within(parts[1]!).queryByTestId("thread-part-pictures")).toBeNull();
    expect(within(parts[2]!).queryByTestId("thread-part-pictures")).toBeNull();
  });

  it("says so when the text fits in one post after all", async () => {
    mocked.getPost.mockResolvedValue({ ...post, text: "Roti tawar" });
    openEditor({ postId: 7 });
    expect(await screen.findByTestId("thread-fits")).toHaveTextContent("It fits in one post now");
    expect(threadBoxOf(1)).toBeChecked();
  });
});
