import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import type { PostDto, PostInput } from "../../ipc";
import * as ipc from "../../ipc";
import { counterOf, EDITOR_CHANNELS, fakeMeasure, openEditor } from "../../test/editorFixtures";
import { HASH_A, media, mockMediaIpc } from "../../test/mediaFixtures";
import { renderWithProviders } from "../../test/renderWithProviders";
import { EditorDialog } from "./EditorDialog";

vi.mock("../../ipc", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../ipc")>();
  return {
    ...actual,
    ...(await import("../../test/mediaFixtures")).mediaIpcMocks(),
    listChannels: vi.fn(),
    listLabels: vi.fn(),
    measureText: vi.fn(),
    saveAutosave: vi.fn(),
    clearAutosave: vi.fn(),
    createPost: vi.fn(),
    getPost: vi.fn(),
  };
});

const mocked = vi.mocked(ipc);

beforeEach(() => {
  vi.clearAllMocks();
  mocked.listChannels.mockResolvedValue(EDITOR_CHANNELS);
  mocked.listLabels.mockResolvedValue([]);
  mocked.measureText.mockImplementation(fakeMeasure());
  mocked.saveAutosave.mockResolvedValue(null);
  mocked.clearAutosave.mockResolvedValue(null);
});

describe("the editor's counters", () => {
  it("counts each chosen channel by its own rule, debounced", async () => {
    const user = userEvent.setup();
    openEditor();
    const chips = await screen.findAllByTestId("editor-channel");
    await user.click(chips[0]!);
    await user.type(screen.getByTestId("editor-text"), "Roti tawar");

    await waitFor(() => expect(counterOf(1)).toHaveTextContent("10 / 300 graphemes"));
    // One request for the settled text, not one per keystroke.
    const calls = mocked.measureText.mock.calls.map(([input]) => input.text);
    expect(calls.filter((text) => text.length > 0 && text.length < 10)).toEqual([]);
  });

  it("turns red, warns and blocks scheduling when the text is over the limit", async () => {
    const user = userEvent.setup();
    openEditor();
    const chips = await screen.findAllByTestId("editor-channel");
    await user.click(chips[0]!);
    await user.click(chips[1]!);
    fireEvent.change(screen.getByTestId("editor-text"), { target: { value: "a".repeat(301) } });

    await waitFor(() => expect(counterOf(1)).toHaveAttribute("data-over", "true"));
    expect(counterOf(1)).toHaveClass("counter--over");
    expect(counterOf(1)).toHaveTextContent("301 / 300 graphemes");
    expect(counterOf(1)).toHaveTextContent("1 too many");
    expect(counterOf(2)).toHaveAttribute("data-over", "false");
    expect(counterOf(2)).toHaveTextContent("301 / 2,200 characters");

    expect(screen.getByTestId("schedule")).toBeDisabled();
    expect(screen.getByTestId("schedule-reasons")).toHaveTextContent("shorten the text for Toko Bluesky");
    // A draft may be too long: it is not going anywhere yet.
    expect(screen.getByTestId("save-draft")).toBeEnabled();
  });

  it("counts a channel's own text instead of the main text", async () => {
    const user = userEvent.setup();
    openEditor();
    const chips = await screen.findAllByTestId("editor-channel");
    await user.click(chips[0]!);
    fireEvent.change(screen.getByTestId("editor-text"), { target: { value: "a".repeat(400) } });
    await waitFor(() => expect(counterOf(1)).toHaveAttribute("data-over", "true"));

    const variant = screen.getAllByTestId("editor-variant").find((el) => el.dataset.channelId === "1");
    fireEvent.change(variant!, { target: { value: "Short for Bluesky" } });
    await waitFor(() => expect(counterOf(1)).toHaveTextContent("17 / 300 graphemes"));
    expect(screen.getByTestId("schedule")).toBeEnabled();
  });

  it("says why Schedule is disabled", async () => {
    renderWithProviders(
      <EditorDialog
        request={{ postId: null }}
        timeZone="Asia/Jakarta"
        onClose={() => undefined}
        onOpenChannels={() => undefined}
        onOpenPost={() => undefined}
      />,
    );
    await screen.findAllByTestId("editor-channel");
    const reasons = screen.getByTestId("schedule-reasons");
    expect(reasons).toHaveTextContent("write something first");
    expect(reasons).toHaveTextContent("pick at least one channel");
    expect(reasons).toHaveTextContent("pick a date");
    expect(screen.getByTestId("schedule")).toBeDisabled();
  });
});

describe("the editor's autosave", () => {
  it("keeps a copy of what is being written, once typing pauses", async () => {
    const user = userEvent.setup();
    openEditor();
    await screen.findAllByTestId("editor-channel");
    await user.type(screen.getByTestId("editor-text"), "Kue lapis");

    await waitFor(() => expect(mocked.saveAutosave).toHaveBeenCalled());
    const [slot, body] = mocked.saveAutosave.mock.calls.at(-1)!;
    expect(slot).toBe("editor");
    expect(JSON.parse(body).draft).toMatchObject({ postId: null, text: "Kue lapis", date: "2026-12-01", time: "09:00" });
    // Debounced: far fewer writes than keystrokes.
    expect(mocked.saveAutosave.mock.calls.length).toBeLessThan(3);
  });

  it("asks before throwing away unsaved work", async () => {
    const onClose = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(
      <EditorDialog
        request={{ postId: null }}
        timeZone="Asia/Jakarta"
        onClose={onClose}
        onOpenChannels={() => undefined}
        onOpenPost={() => undefined}
      />,
    );
    await user.type(screen.getByTestId("editor-text"), "Halo");
    await user.click(screen.getByTestId("cancel"));
    const confirm = await screen.findByTestId("confirm-dialog");
    expect(onClose).not.toHaveBeenCalled();
    await user.click(within(confirm).getByTestId("confirm-yes"));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(mocked.clearAutosave).toHaveBeenCalledWith("editor");
  });

  it("closes at once with Esc when nothing was written", async () => {
    const onClose = vi.fn();
    renderWithProviders(
      <EditorDialog
        request={{ postId: null }}
        timeZone="Asia/Jakarta"
        onClose={onClose}
        onOpenChannels={() => undefined}
        onOpenPost={() => undefined}
      />,
    );
    await act(async () => {
      fireEvent.keyDown(document.activeElement ?? document.body, { key: "Escape" });
    });
    expect(onClose).toHaveBeenCalled();
  });
});

describe("pictures on a new post", () => {
  const saved = (input: PostInput): PostDto => ({
    id: 55,
    text: input.text,
    status: input.status,
    schedule: null,
    targets: input.targets,
    labelIds: input.labelIds,
    editable: true,
    createdAt: "2026-11-23T00:00:00Z",
    updatedAt: "2026-11-23T00:00:00Z",
    onServer: [],
  });

  it("saves the post as a draft first and keeps the editor open on it", async () => {
    const user = userEvent.setup();
    mockMediaIpc(mocked);
    mocked.createPost.mockImplementation(async (input) => {
      mocked.getPost.mockResolvedValue(saved(input));
      return { post: saved(input), adjustment: null };
    });
    mocked.setPostMedia.mockResolvedValue([]);
    mocked.chooseAndImportMedia.mockResolvedValue([
      { file: "/home/sari/roti.jpg", media: media({ hash: HASH_A }), alreadyInLibrary: false, error: null },
    ]);
    openEditor();
    expect(await screen.findByTestId("media-add-files")).toBeDisabled();
    await user.type(screen.getByTestId("editor-text"), "Roti baru");
    await user.click(screen.getByTestId("media-add-files"));

    await waitFor(() => expect(mocked.setPostMedia).toHaveBeenCalledWith(55, [{ hash: HASH_A, alt: "", focalX: 0.5, focalY: 0.5 }]));
    expect(mocked.createPost).toHaveBeenCalledTimes(1);
    expect(mocked.createPost).toHaveBeenCalledWith(expect.objectContaining({ text: "Roti baru", status: "draft" }));
    expect(screen.getByRole("heading", { name: "Edit post" })).toBeInTheDocument();
    // It is a saved post now: it can be published from here.
    await waitFor(() => expect(mocked.getPost).toHaveBeenCalledWith(55));
    expect(await screen.findByTestId("publish-now")).toBeInTheDocument();
    // The saved draft is the editor's new starting point: closing asks nothing.
    await user.click(screen.getByTestId("cancel"));
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
  });
});
