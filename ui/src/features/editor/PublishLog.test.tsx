import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import type { AttemptDto, ChannelDto, PostDto } from "../../ipc";
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
    publishNow: vi.fn(),
    publishLog: vi.fn(),
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
  status: "failed",
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

/** Oldest first, as Rust sends it: a try cut short, then one that went out on one channel only. */
const LOG: AttemptDto[] = [
  {
    channelId: 1,
    channelName: "Toko Bluesky",
    startedAt: "2026-11-23T02:00:00Z",
    finishedAt: null,
    outcome: "unknown",
    url: null,
    code: null,
    message: null,
  },
  {
    channelId: 1,
    channelName: "Toko Bluesky",
    startedAt: "2026-11-23T02:30:00Z",
    finishedAt: "2026-11-23T02:30:02Z",
    outcome: "published",
    url: URL,
    code: null,
    message: null,
  },
  {
    channelId: 2,
    channelName: "Toko Bluesky Dua",
    startedAt: "2026-11-23T02:30:03Z",
    finishedAt: "2026-11-23T02:30:04Z",
    outcome: "failed",
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

beforeEach(() => {
  vi.clearAllMocks();
  mocked.listChannels.mockResolvedValue(CHANNELS);
  mocked.listLabels.mockResolvedValue([]);
  mocked.listAccounts.mockResolvedValue([]);
  mocked.measureText.mockResolvedValue([]);
  mocked.saveAutosave.mockResolvedValue(null);
  mocked.clearAutosave.mockResolvedValue(null);
  mocked.getPost.mockResolvedValue(POST);
  mocked.publishLog.mockResolvedValue(LOG);
});

describe("publishing history", () => {
  it("opens expanded for a failed post, newest first, with the reason and the link", async () => {
    openPost();
    const section = await screen.findByTestId("publish-log");
    expect(section).toHaveAttribute("open");
    expect(within(section).getByText("Publishing history")).toBeInTheDocument();

    await waitFor(() => expect(within(section).getAllByTestId("publish-log-row")).toHaveLength(3));
    expect(mocked.publishLog).toHaveBeenCalledWith(7);
    const rows = within(section).getAllByTestId("publish-log-row");
    expect(rows.map((row) => row.dataset.outcome)).toEqual(["failed", "published", "unknown"]);

    const [failed, published, stopped] = rows as [HTMLElement, HTMLElement, HTMLElement];
    expect(failed).toBeVisible();
    expect(failed).toHaveTextContent("Toko Bluesky Dua");
    expect(failed).toHaveTextContent("Not published");
    // The translated reason, not Rust's English message.
    expect(failed).toHaveTextContent(
      "The login for Toko Bluesky Dua stopped working. Connect the account again under Channels & labels.",
    );
    // 02:30 UTC is 09:30 in Jakarta, the workspace's zone.
    expect(failed).toHaveTextContent("9:30 AM");

    expect(published).toHaveTextContent("Published");
    expect(within(published).getByTestId("published-link")).toHaveTextContent(URL);

    expect(stopped).toHaveTextContent("Stopped midway");
    expect(within(stopped).queryByTestId("published-link")).toBeNull();
  });

  it("stays folded for a post that has not failed, and says when nothing was sent", async () => {
    const user = userEvent.setup();
    mocked.getPost.mockResolvedValue({ ...POST, status: "draft" });
    mocked.publishLog.mockResolvedValue([]);
    openPost();
    const section = await screen.findByTestId("publish-log");
    expect(section).not.toHaveAttribute("open");
    expect(mocked.publishLog).not.toHaveBeenCalled();

    await user.click(within(section).getByText("Publishing history"));
    expect(await within(section).findByTestId("publish-log-empty")).toHaveTextContent("Not sent yet.");
  });

  it("refreshes when Try again finishes", async () => {
    const user = userEvent.setup();
    mocked.publishNow.mockResolvedValue([]);
    openPost();
    await waitFor(() => expect(screen.getAllByTestId("publish-log-row")).toHaveLength(3));
    const later: AttemptDto = { ...LOG[2]!, startedAt: "2026-11-23T03:00:00Z", outcome: "published", url: URL, code: null };
    mocked.publishLog.mockResolvedValue([...LOG, later]);
    await user.click(screen.getByTestId("publish-now"));
    await waitFor(() => expect(screen.getAllByTestId("publish-log-row")).toHaveLength(4));
    expect(screen.getAllByTestId("publish-log-row")[0]).toHaveAttribute("data-outcome", "published");
  });
});
