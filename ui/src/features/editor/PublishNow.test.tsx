import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import type { ChannelDto, PostDto, PublishResultDto } from "../../ipc";
import * as ipc from "../../ipc";
import { renderWithProviders } from "../../test/renderWithProviders";
import { EditorDialog } from "./EditorDialog";

vi.mock("../../ipc", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../ipc")>();
  return {
    ...actual,
    listChannels: vi.fn(),
    listLabels: vi.fn(),
    listAccounts: vi.fn(),
    measureText: vi.fn(),
    saveAutosave: vi.fn(),
    clearAutosave: vi.fn(),
    getPost: vi.fn(),
    updatePost: vi.fn(),
    publishNow: vi.fn(),
    publishLog: vi.fn(),
    openLink: vi.fn(),
  };
});

const mocked = vi.mocked(ipc);

const CHANNELS: ChannelDto[] = [
  { id: 1, name: "Toko Bluesky", network: "bluesky", color: "#1185fe", automatic: true },
  { id: 2, name: "Toko Bluesky Dua", network: "bluesky", color: "#3d7fd9", automatic: true },
];

const POST: PostDto = {
  id: 7,
  text: "Roti tawar baru keluar dari oven!",
  status: "draft",
  schedule: null,
  targets: [
    { channelId: 1, variantText: null, asThread: false },
    { channelId: 2, variantText: null, asThread: false },
  ],
  labelIds: [],
  editable: true,
  createdAt: "2026-11-20T10:00:00Z",
  updatedAt: "2026-11-20T10:00:00Z",
  onServer: [],
};

const URL = "https://bsky.app/profile/tokoroti.bsky.social/post/3kabc";

const MIXED: PublishResultDto[] = [
  { channelId: 1, channelName: "Toko Bluesky", published: true, url: URL, code: null, message: null },
  {
    channelId: 2,
    channelName: "Toko Bluesky Dua",
    published: false,
    url: null,
    code: "login_needed",
    message: "The login for Toko Bluesky Dua stopped working; connect the account again",
  },
];

function openPost() {
  return renderWithProviders(
    <EditorDialog
      request={{ postId: POST.id }}
      timeZone="Asia/Jakarta"
      onClose={() => undefined}
      onOpenChannels={() => undefined}
      onOpenPost={() => undefined}
    />,
  );
}

const rowOf = (channelId: number) =>
  screen.getAllByTestId("publish-result").find((el) => el.dataset.channelId === String(channelId))!;

beforeEach(() => {
  vi.clearAllMocks();
  mocked.listChannels.mockResolvedValue(CHANNELS);
  mocked.listLabels.mockResolvedValue([]);
  mocked.listAccounts.mockResolvedValue([]);
  mocked.measureText.mockResolvedValue([]);
  mocked.saveAutosave.mockResolvedValue(null);
  mocked.clearAutosave.mockResolvedValue(null);
  mocked.getPost.mockResolvedValue(POST);
  mocked.publishLog.mockResolvedValue([]);
  mocked.openLink.mockResolvedValue(null);
});

describe("publish now", () => {
  it("shows each channel's outcome: one published with its link, one refused with its reason", async () => {
    const user = userEvent.setup();
    let answer: (results: PublishResultDto[]) => void = () => undefined;
    mocked.publishNow.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    openPost();

    const button = await screen.findByTestId("publish-now");
    await user.click(button);
    expect(mocked.publishNow).toHaveBeenCalledWith(7);
    // Nothing unsaved: nothing is saved.
    expect(mocked.updatePost).not.toHaveBeenCalled();
    expect(screen.getByTestId("publish-now")).toBeDisabled();
    expect(screen.getByTestId("publish-now")).toHaveTextContent("Publishing…");
    expect(screen.getByTestId("publish-progress")).toBeInTheDocument();

    answer(MIXED);
    const panel = await screen.findByTestId("publish-results");
    expect(within(panel).getByTestId("publish-summary")).toHaveTextContent("Published on 1 of 2 channels");
    expect(within(panel).getByTestId("publish-summary")).toHaveAttribute("data-outcome", "some");

    const published = rowOf(1);
    expect(published).toHaveAttribute("data-published", "true");
    expect(published).toHaveTextContent("Toko Bluesky");
    expect(published).toHaveTextContent("Published");
    const link = within(published).getByTestId("published-link");
    expect(link.tagName).toBe("A");
    expect(link).toHaveTextContent(URL);
    expect(link).toHaveAttribute("href", URL);
    expect(link).toHaveAttribute("rel", "noreferrer");
    expect(link).toHaveAttribute("target", "_blank");
    // A click never takes the app window to the page: the system's browser opens it.
    expect(fireEvent.click(link)).toBe(false);
    expect(mocked.openLink).toHaveBeenCalledWith(URL);

    const refused = rowOf(2);
    expect(refused).toHaveAttribute("data-published", "false");
    expect(refused).toHaveTextContent("Not published");
    expect(refused).toHaveTextContent(
      "The login for Toko Bluesky Dua stopped working. Connect the account again under Channels & labels.",
    );
    expect(within(refused).queryByTestId("published-link")).toBeNull();
    expect(screen.getByTestId("publish-now")).toBeEnabled();
  });

  it("saves unsaved changes first, keeping the post a draft", async () => {
    const user = userEvent.setup();
    mocked.updatePost.mockImplementation(async (id, input) => ({
      post: { ...POST, id, text: input.text },
      adjustment: null,
    }));
    mocked.publishNow.mockResolvedValue(MIXED);
    openPost();
    await screen.findByTestId("publish-now");
    await user.type(screen.getByTestId("editor-text"), " Ayo!");
    await user.click(screen.getByTestId("publish-now"));

    await screen.findByTestId("publish-results");
    expect(mocked.updatePost).toHaveBeenCalledWith(7, expect.objectContaining({ status: "draft", text: `${POST.text} Ayo!` }));
    expect(mocked.updatePost.mock.invocationCallOrder[0]!).toBeLessThan(mocked.publishNow.mock.invocationCallOrder[0]!);
  });

  it("does not publish when the save is refused", async () => {
    const user = userEvent.setup();
    mocked.getPost.mockResolvedValue({ ...POST, status: "scheduled", schedule: { local: "2026-11-23T09:30", utc: "2026-11-23T02:30:00Z", timeZone: "Asia/Jakarta" } });
    mocked.updatePost.mockRejectedValue(new ipc.IpcFailure({ code: "schedule_in_past", message: "passed", params: {} }));
    openPost();
    await screen.findByTestId("publish-now");
    await user.type(screen.getByTestId("editor-text"), "!");
    await user.click(screen.getByTestId("publish-now"));

    expect(await screen.findByTestId("editor-error")).toHaveTextContent("That time has already passed.");
    expect(mocked.updatePost).toHaveBeenCalledWith(7, expect.objectContaining({ status: "scheduled" }));
    expect(mocked.publishNow).not.toHaveBeenCalled();
  });

  it("is not offered for a published post, which opens read-only", async () => {
    mocked.getPost.mockResolvedValue({ ...POST, status: "published", editable: false });
    openPost();
    await screen.findByTestId("editor-close");
    expect(screen.queryByTestId("publish-now")).toBeNull();
    await waitFor(() => expect(screen.getByTestId("editor-text")).toHaveAttribute("readonly"));
  });

  it("offers a failed post as a retry, with a hint, under the same button", async () => {
    const user = userEvent.setup();
    mocked.getPost.mockResolvedValue({ ...POST, status: "failed" });
    mocked.publishNow.mockResolvedValue(MIXED);
    openPost();
    const button = await screen.findByTestId("publish-now");
    expect(button).toHaveTextContent("Try again");
    expect(screen.getByTestId("failed-hint")).toHaveTextContent("It did not go out; see why below.");
    expect(button.getAttribute("aria-describedby")).toContain("editor-failed-hint");

    await user.click(button);
    expect(mocked.publishNow).toHaveBeenCalledWith(7);
    expect(await screen.findByTestId("publish-results")).toBeInTheDocument();
  });

  it("says Publish now, without the hint, for a post that has not failed", async () => {
    openPost();
    expect(await screen.findByTestId("publish-now")).toHaveTextContent("Publish now");
    expect(screen.queryByTestId("failed-hint")).toBeNull();
  });
});
