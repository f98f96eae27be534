import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { queryKeys } from "../../data/queryKeys";
import type { HeldPostDto, PostDto, PublishResultDto } from "../../ipc";
import * as ipc from "../../ipc";
import { renderWithProviders } from "../../test/renderWithProviders";
import { NeedsDecision } from "./NeedsDecision";

vi.mock("../../ipc", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../ipc")>();
  return {
    ...actual,
    needsDecision: vi.fn(),
    publishHeldNow: vi.fn(),
    skipPost: vi.fn(),
    reschedulePost: vi.fn(),
  };
});

const mocked = vi.mocked(ipc);

const MISSED: HeldPostDto = {
  post: {
    id: 11,
    status: "scheduled",
    start: "2026-11-23T07:00",
    excerpt: "Roti sobek hangat, pesan sebelum jam 8!",
    channelIds: [1],
    labelIds: [],
  },
  reason: "missed",
};

const ASSISTED: HeldPostDto = {
  post: {
    id: 12,
    status: "scheduled",
    start: "2026-11-23T12:30",
    excerpt: "Behind the scenes: <b>shaping</b> the croissants",
    channelIds: [1, 2],
    labelIds: [],
  },
  reason: "assisted",
};

const RESULTS: PublishResultDto[] = [
  { channelId: 1, channelName: "Toko Bluesky", published: true, url: "https://bsky.app/profile/toko/post/3kx", code: null, message: null },
  {
    channelId: 2,
    channelName: "Toko Bluesky Dua",
    published: false,
    url: null,
    code: "login_needed",
    message: "The login for Toko Bluesky Dua stopped working",
  },
];

const onOpenPost = vi.fn();

function renderPanel() {
  return renderWithProviders(<NeedsDecision now="2026-11-24T09:10" timeZone="Asia/Jakarta" onOpenPost={onOpenPost} />);
}

const itemOf = (postId: number) =>
  screen.getAllByTestId("held-post").find((el) => el.dataset.postId === String(postId))!;

beforeEach(() => {
  vi.clearAllMocks();
  mocked.needsDecision.mockResolvedValue([MISSED, ASSISTED]);
  mocked.skipPost.mockResolvedValue(null);
});

describe("needs your decision", () => {
  it("is not shown when nothing waits", async () => {
    mocked.needsDecision.mockResolvedValue([]);
    const { queryClient } = renderPanel();
    // Look once the answer has arrived, not while it loads.
    await waitFor(() => expect(queryClient.getQueryState(queryKeys.held)?.status).toBe("success"));
    expect(mocked.needsDecision).toHaveBeenCalled();
    expect(screen.queryByTestId("needs-decision")).toBeNull();
  });

  it("lists a missed and an assisted post with their time and reason, as text", async () => {
    renderPanel();
    const panel = await screen.findByTestId("needs-decision");
    expect(within(panel).getByRole("heading", { name: /Needs your decision/ })).toBeInTheDocument();
    expect(within(panel).getByTestId("needs-decision-count")).toHaveTextContent("2");
    expect(screen.getAllByTestId("held-post")).toHaveLength(2);

    const missed = itemOf(11);
    expect(missed).toHaveAttribute("data-reason", "missed");
    expect(within(missed).getByTestId("held-open")).toHaveTextContent(MISSED.post.excerpt);
    expect(within(missed).getByTestId("held-when")).toHaveTextContent("Planned for Mon, Nov 23, 7:00 AM");
    expect(within(missed).getByTestId("held-reason")).toHaveTextContent(/computer was off or asleep/);

    const assisted = itemOf(12);
    expect(within(assisted).getByTestId("held-reason")).toHaveTextContent(/automatic channels are done.*by hand/);
    // The excerpt is shown as typed, never as markup.
    expect(within(assisted).getByTestId("held-open")).toHaveTextContent("<b>shaping</b>");
    expect(assisted.querySelector("b")).toBeNull();
  });

  it("opens the post in the editor from its excerpt", async () => {
    const user = userEvent.setup();
    renderPanel();
    await screen.findByTestId("needs-decision");
    await user.click(within(itemOf(12)).getByTestId("held-open"));
    expect(onOpenPost).toHaveBeenCalledWith(12);
  });

  it("asks before not publishing, then skips the post", async () => {
    const user = userEvent.setup();
    renderPanel();
    await screen.findByTestId("needs-decision");
    await user.click(within(itemOf(11)).getByTestId("held-skip"));

    const dialog = screen.getByTestId("confirm-dialog");
    expect(dialog).toHaveTextContent("Don't publish this post?");
    expect(mocked.skipPost).not.toHaveBeenCalled();

    // Keeping it waiting changes nothing.
    await user.click(within(dialog).getByTestId("confirm-no"));
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
    expect(mocked.skipPost).not.toHaveBeenCalled();

    await user.click(within(itemOf(11)).getByTestId("held-skip"));
    await user.click(within(screen.getByTestId("confirm-dialog")).getByTestId("confirm-yes"));
    await waitFor(() => expect(mocked.skipPost).toHaveBeenCalledWith(11));
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).toBeNull());
    // The list is asked again (the post left it).
    await waitFor(() => expect(mocked.needsDecision).toHaveBeenCalledTimes(2));
  });

  it("moves a post to the wall time picked, starting an hour from now", async () => {
    const user = userEvent.setup();
    mocked.reschedulePost.mockImplementation(async (id, at) => ({
      post: {
        id,
        text: MISSED.post.excerpt,
        status: "scheduled",
        schedule: { local: at, utc: "2026-11-25T07:45:00Z", timeZone: "Asia/Jakarta" },
        targets: [],
        labelIds: [],
        editable: true,
        createdAt: "2026-11-20T10:00:00Z",
        updatedAt: "2026-11-20T10:00:00Z",
      } satisfies PostDto,
      adjustment: null,
    }));
    renderPanel();
    await screen.findByTestId("needs-decision");
    const item = itemOf(11);
    await user.click(within(item).getByTestId("held-move"));

    const date = within(item).getByTestId("held-move-date");
    const time = within(item).getByTestId("held-move-time");
    expect(date).toHaveValue("2026-11-24");
    expect(time).toHaveValue("10:10");

    fireEvent.change(date, { target: { value: "2026-11-25" } });
    fireEvent.change(time, { target: { value: "14:45" } });
    await user.click(within(item).getByTestId("held-move-confirm"));

    await waitFor(() => expect(mocked.reschedulePost).toHaveBeenCalledWith(11, "2026-11-25T14:45"));
    expect(mocked.publishHeldNow).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByTestId("held-move-picker")).toBeNull());
  });

  it("does not confirm a move without a time", async () => {
    const user = userEvent.setup();
    renderPanel();
    await screen.findByTestId("needs-decision");
    const item = itemOf(11);
    await user.click(within(item).getByTestId("held-move"));
    fireEvent.change(within(item).getByTestId("held-move-time"), { target: { value: "" } });
    expect(within(item).getByTestId("held-move-confirm")).toBeDisabled();
  });

  it("publishes now and shows each channel's outcome, even after the post leaves the list", async () => {
    const user = userEvent.setup();
    let answer: (results: PublishResultDto[]) => void = () => undefined;
    mocked.publishHeldNow.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    renderPanel();
    await screen.findByTestId("needs-decision");
    await user.click(within(itemOf(11)).getByTestId("held-publish"));

    expect(mocked.publishHeldNow).toHaveBeenCalledWith(11);
    expect(within(itemOf(11)).getByTestId("held-publish")).toBeDisabled();
    expect(within(itemOf(11)).getByTestId("held-publish")).toHaveTextContent("Publishing…");

    // Once published it no longer waits.
    mocked.needsDecision.mockResolvedValue([ASSISTED]);
    answer(RESULTS);

    const results = await screen.findByTestId("held-results");
    expect(results).toHaveTextContent(`Result for: ${MISSED.post.excerpt}`);
    expect(within(results).getByTestId("publish-summary")).toHaveTextContent("Published on 1 of 2 channels");
    const rows = within(results).getAllByTestId("publish-result");
    expect(rows[0]).toHaveAttribute("data-published", "true");
    expect(rows[1]).toHaveAttribute("data-published", "false");
    expect(rows[1]).toHaveTextContent(
      "The login for Toko Bluesky Dua stopped working. Connect the account again under Channels & labels.",
    );

    await waitFor(() => expect(screen.getAllByTestId("held-post")).toHaveLength(1));
    expect(screen.getByTestId("needs-decision-count")).toHaveTextContent("1");
    expect(screen.getByTestId("held-results")).toBeInTheDocument();

    await user.click(screen.getByTestId("held-results-dismiss"));
    expect(screen.queryByTestId("held-results")).toBeNull();
  });

  it("explains a refused publish in the reader's words", async () => {
    const user = userEvent.setup();
    mocked.publishHeldNow.mockRejectedValue(new ipc.IpcFailure({ code: "not_found", message: "no such post", params: {} }));
    renderPanel();
    await screen.findByTestId("needs-decision");
    await user.click(within(itemOf(12)).getByTestId("held-publish"));
    expect(await within(itemOf(12)).findByTestId("held-error")).toHaveTextContent("This item no longer exists.");
    expect(screen.queryByTestId("held-results")).toBeNull();
  });
});
