import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { queryKeys } from "../../data/queryKeys";
import type { AttemptDto, ChannelDto, HeldPostDto, HeldPostsDto, PublishResultDto } from "../../ipc";
import * as ipc from "../../ipc";
import { pendingCall, postDto, refusal } from "../../test/ipcFixtures";
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
    confirmOutcome: vi.fn(),
    markPosted: vi.fn(),
    showPicturesForPosting: vi.fn(),
    openLink: vi.fn(),
    getPost: vi.fn(),
    listChannels: vi.fn(),
    publishLog: vi.fn(),
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

const CHANNELS: ChannelDto[] = [
  { id: 1, name: "Toko Bluesky", network: "bluesky", color: "#1185fe", automatic: true },
  { id: 2, name: "Toko Insta", network: "instagram", color: "#c0569b", automatic: false },
  { id: 3, name: "Toko Telegram", network: "telegram", color: "#2aabee", automatic: true },
  { id: 4, name: "Toko Facebook", network: "facebook", color: "#1877f2", automatic: false },
];

const UNSURE: HeldPostDto = {
  post: {
    id: 13,
    status: "scheduled",
    start: "2026-11-23T16:00",
    excerpt: "Promo 12.12: semua roti diskon 20%",
    channelIds: [1, 3],
    labelIds: [],
  },
  reason: "unsure",
};

/** The whole post behind ASSISTED, as the editor would load it. */
const ASSISTED_POST = postDto({
  id: 12,
  text: "Behind the scenes: <b>shaping</b> the croissants\n#croissant #tokoroti",
  targets: [
    { channelId: 1, variantText: null, asThread: false },
    { channelId: 2, variantText: null, asThread: false },
  ],
});

const attempt = (channelId: number, channelName: string, outcome: string): AttemptDto => ({
  channelId,
  channelName,
  startedAt: "2026-11-23T09:00:00Z",
  finishedAt: outcome === "unknown" ? null : "2026-11-23T09:00:02Z",
  outcome,
  url: null,
  code: null,
  message: null,
});

const MARKED: PublishResultDto[] = [
  { channelId: 1, channelName: "Toko Bluesky", published: true, url: "https://bsky.app/profile/toko/post/3kx", code: null, message: null },
  { channelId: 2, channelName: "Toko Insta", published: true, url: "https://www.instagram.com/p/abc/", code: null, message: null },
];

/** What the command answers: the page of held posts and how many wait in all. */
const held = (posts: HeldPostDto[], total = posts.length): HeldPostsDto => ({ posts, total });

beforeEach(() => {
  vi.clearAllMocks();
  mocked.needsDecision.mockResolvedValue(held([MISSED, ASSISTED]));
  mocked.skipPost.mockResolvedValue(null);
  mocked.listChannels.mockResolvedValue(CHANNELS);
  mocked.getPost.mockResolvedValue(ASSISTED_POST);
  mocked.publishLog.mockResolvedValue([]);
});

describe("needs your decision", () => {
  it("is not shown when nothing waits", async () => {
    mocked.needsDecision.mockResolvedValue(held([]));
    const { queryClient } = renderPanel();
    // Look once the answer has arrived, not while it loads.
    await waitFor(() => expect(queryClient.getQueryState(queryKeys.held)?.status).toBe("success"));
    expect(mocked.needsDecision).toHaveBeenCalled();
    expect(screen.queryByTestId("needs-decision")).toBeNull();
  });

  it("counts every post that waits and says when only the oldest are listed", async () => {
    mocked.needsDecision.mockResolvedValue(held([MISSED, ASSISTED], 340));
    renderPanel();
    expect(await screen.findByTestId("needs-decision-count")).toHaveTextContent("340");
    expect(screen.getByTestId("needs-decision-more")).toHaveTextContent("Showing the oldest 2 of 340.");
    expect(screen.getAllByTestId("held-post")).toHaveLength(2);
  });

  it("says nothing of more when the whole list is shown", async () => {
    renderPanel();
    expect(await screen.findByTestId("needs-decision-count")).toHaveTextContent("2");
    expect(screen.queryByTestId("needs-decision-more")).toBeNull();
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
      post: postDto({
        id,
        text: MISSED.post.excerpt,
        schedule: { local: at, utc: "2026-11-25T07:45:00Z", timeZone: "Asia/Jakarta" },
      }),
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
    mocked.needsDecision.mockResolvedValue(held([ASSISTED]));
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
    await user.click(within(itemOf(11)).getByTestId("held-publish"));
    expect(await within(itemOf(11)).findByTestId("held-error")).toHaveTextContent("This item no longer exists.");
    expect(screen.queryByTestId("held-results")).toBeNull();
  });
});

describe("a post Jadwal is unsure went out", () => {
  beforeEach(() => {
    mocked.needsDecision.mockResolvedValue(held([UNSURE]));
    mocked.publishLog.mockResolvedValue([attempt(1, "Toko Bluesky", "published"), attempt(3, "Toko Telegram", "unknown")]);
  });

  it("asks whether it arrived on the channel that never answered, and offers no Publish now or Move", async () => {
    renderPanel();
    const item = await screen.findByTestId("held-post");
    expect(item).toHaveAttribute("data-reason", "unsure");
    expect(within(item).getByTestId("held-reason")).toHaveTextContent("could post it twice");
    expect(await within(item).findByTestId("held-unsure-question")).toHaveTextContent(
      "Jadwal sent this post to Toko Telegram but never heard back. Check the channel: did it arrive?",
    );
    expect(mocked.publishLog).toHaveBeenCalledWith(13);
    expect(within(item).getByTestId("held-arrived")).toHaveTextContent("It arrived");
    expect(within(item).getByTestId("held-resend")).toHaveTextContent("It did not arrive — send again");
    expect(within(item).queryByTestId("held-publish")).toBeNull();
    expect(within(item).queryByTestId("held-move")).toBeNull();
    expect(within(item).getByTestId("held-skip")).toBeInTheDocument();
  });

  it("asks in general words while the log names no channel", async () => {
    mocked.publishLog.mockResolvedValue([]);
    renderPanel();
    const item = await screen.findByTestId("held-post");
    expect(within(item).getByTestId("held-unsure-question")).toHaveTextContent(
      "Jadwal sent this post but never heard back. Check the channel: did it arrive?",
    );
  });

  it("records 'it arrived' and shows each channel's outcome", async () => {
    const user = userEvent.setup();
    mocked.confirmOutcome.mockResolvedValue([
      { channelId: 1, channelName: "Toko Bluesky", published: true, url: "https://bsky.app/profile/toko/post/1", code: null, message: null },
      { channelId: 3, channelName: "Toko Telegram", published: true, url: "", code: null, message: null },
    ]);
    renderPanel();
    await user.click(await screen.findByTestId("held-arrived"));
    expect(mocked.confirmOutcome).toHaveBeenCalledWith(13, true);
    expect(mocked.publishHeldNow).not.toHaveBeenCalled();
    const results = await screen.findByTestId("held-results");
    expect(within(results).getByTestId("publish-summary")).toHaveTextContent("Published on every channel of this post.");
  });

  it("sends it again when it did not arrive, and says so while it sends", async () => {
    const user = userEvent.setup();
    const call = pendingCall<PublishResultDto[]>();
    mocked.confirmOutcome.mockReturnValue(call.promise);
    renderPanel();
    await user.click(await screen.findByTestId("held-resend"));
    expect(mocked.confirmOutcome).toHaveBeenCalledWith(13, false);
    expect(screen.getByTestId("held-resend")).toHaveTextContent("Sending…");
    expect(screen.getByTestId("held-arrived")).toBeDisabled();
    call.resolve([{ channelId: 3, channelName: "Toko Telegram", published: false, url: null, code: "timeout", message: "t" }]);
    const results = await screen.findByTestId("held-results");
    expect(within(results).getAllByTestId("publish-result")[0]).toHaveAttribute("data-published", "false");
  });

  it("explains a refusal of the answer in words", async () => {
    const user = userEvent.setup();
    mocked.confirmOutcome.mockRejectedValue(refusal("not_found", "no such post"));
    renderPanel();
    await user.click(await screen.findByTestId("held-arrived"));
    expect(await screen.findByTestId("held-error")).toHaveTextContent("This item no longer exists.");
  });
});

describe("a post to publish by hand", () => {
  beforeEach(() => {
    mocked.needsDecision.mockResolvedValue(held([ASSISTED]));
  });

  it("shows the whole text as typed, lists only the channels that need a hand, and offers no Publish now", async () => {
    renderPanel();
    const item = await screen.findByTestId("held-post");
    const text = await within(item).findByTestId("held-copy-text");
    expect(text).toHaveValue(ASSISTED_POST.text);
    expect(text).toHaveAttribute("readonly");
    expect(item.querySelector("b")).toBeNull();
    expect(mocked.getPost).toHaveBeenCalledWith(12);
    const channels = await within(item).findAllByTestId("held-assisted-channel");
    expect(channels.map((el) => el.dataset.channelId)).toEqual(["2"]);
    expect(channels[0]).toHaveTextContent("Toko Insta");
    expect(within(item).queryByTestId("held-publish")).toBeNull();
    expect(within(item).getByTestId("held-move")).toBeInTheDocument();
  });

  it("copies the text and says so", async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, "writeText");
    renderPanel();
    await screen.findByTestId("held-copy-text");
    await user.click(screen.getByTestId("held-copy-button"));
    expect(writeText).toHaveBeenCalledWith(ASSISTED_POST.text);
    expect(screen.getByTestId("held-copy-button")).toHaveTextContent("Copied");
    expect(screen.getByTestId("held-copy-status")).toHaveTextContent("Copied");
  });

  it("shows the pictures cut for posting by hand, or says there are none", async () => {
    const user = userEvent.setup();
    mocked.showPicturesForPosting.mockResolvedValueOnce(2).mockResolvedValueOnce(0);
    renderPanel();
    await user.click(await screen.findByTestId("held-show-pictures"));
    expect(mocked.showPicturesForPosting).toHaveBeenCalledWith(ASSISTED.post.id);
    expect(await screen.findByTestId("held-pictures-shown")).toHaveTextContent("2 pictures are ready");
    await user.click(screen.getByTestId("held-show-pictures"));
    expect(await screen.findByTestId("held-no-pictures")).toHaveTextContent("This post has no pictures.");
  });

  it("opens the network's own page to post on", async () => {
    const user = userEvent.setup();
    mocked.openLink.mockResolvedValue(null);
    renderPanel();
    const open = await screen.findByTestId("held-open-network");
    expect(open).toHaveTextContent("Open Instagram");
    await user.click(open);
    expect(mocked.openLink).toHaveBeenCalledWith("https://www.instagram.com/");
  });

  it("selects the text for Ctrl+C when the clipboard is refused", async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new DOMException("denied", "NotAllowedError"));
    renderPanel();
    const text = (await screen.findByTestId("held-copy-text")) as HTMLTextAreaElement;
    await user.click(screen.getByTestId("held-copy-button"));
    await waitFor(() => expect(screen.getByTestId("held-copy-status")).toHaveTextContent("press Ctrl+C"));
    expect(text).toHaveFocus();
    expect(text.selectionStart).toBe(0);
    expect(text.selectionEnd).toBe(ASSISTED_POST.text.length);
    expect(screen.getByTestId("held-copy-button")).toHaveTextContent("Copy text");
  });

  it("offers one text per channel that has its own", async () => {
    mocked.needsDecision.mockResolvedValue(held([{ ...ASSISTED, post: { ...ASSISTED.post, channelIds: [1, 2, 4] } }]));
    mocked.getPost.mockResolvedValue({
      ...ASSISTED_POST,
      targets: [...ASSISTED_POST.targets, { channelId: 4, variantText: "Untuk Facebook: croissant hangat!", asThread: false }],
    });
    renderPanel();
    await waitFor(() => expect(screen.getAllByTestId("held-copy")).toHaveLength(2));
    const [insta, facebook] = screen.getAllByTestId("held-copy");
    expect(insta).toHaveTextContent("Text for Toko Insta");
    expect(within(insta!).getByTestId("held-copy-text")).toHaveValue(ASSISTED_POST.text);
    expect(facebook).toHaveTextContent("Text for Toko Facebook");
    expect(within(facebook!).getByTestId("held-copy-text")).toHaveValue("Untuk Facebook: croissant hangat!");
  });

  it("marks it posted without a link", async () => {
    const user = userEvent.setup();
    mocked.markPosted.mockResolvedValue(MARKED);
    renderPanel();
    await user.click(await screen.findByTestId("held-mark-posted"));
    expect(mocked.markPosted).toHaveBeenCalledWith(12, 2, null);
    const results = await screen.findByTestId("held-results");
    expect(within(results).getByTestId("publish-summary")).toHaveTextContent("Published on every channel of this post.");
  });

  it("marks it posted with the link given, trimmed, and shows progress meanwhile", async () => {
    const user = userEvent.setup();
    const call = pendingCall<PublishResultDto[]>();
    mocked.markPosted.mockReturnValue(call.promise);
    renderPanel();
    await user.type(await screen.findByTestId("held-post-link"), "  https://www.instagram.com/p/abc/ ");
    await user.click(screen.getByTestId("held-mark-posted"));
    expect(mocked.markPosted).toHaveBeenCalledWith(12, 2, "https://www.instagram.com/p/abc/");
    expect(screen.getByTestId("held-mark-posted")).toHaveTextContent("Saving…");
    expect(screen.getByTestId("held-mark-posted")).toBeDisabled();
    call.resolve(MARKED);
    expect(await screen.findByTestId("held-results")).toBeInTheDocument();
  });

  it("explains a link that is not a web address under its channel, keeping what was typed", async () => {
    const user = userEvent.setup();
    mocked.markPosted.mockRejectedValue(
      refusal("not_a_web_address", "instagram.com/p/abc is not a web address", { value: "instagram.com/p/abc" }),
    );
    renderPanel();
    await user.type(await screen.findByTestId("held-post-link"), "instagram.com/p/abc");
    await user.click(screen.getByTestId("held-mark-posted"));
    const row = screen.getByTestId("held-assisted-channel");
    expect(await within(row).findByTestId("held-mark-error")).toHaveTextContent(
      "“instagram.com/p/abc” is not a web address. A link to a post starts with https://.",
    );
    expect(within(row).getByTestId("held-post-link")).toHaveValue("instagram.com/p/abc");
    expect(screen.queryByTestId("held-results")).toBeNull();
  });

  it("shows a channel the log says is posted as done", async () => {
    mocked.needsDecision.mockResolvedValue(held([{ ...ASSISTED, post: { ...ASSISTED.post, channelIds: [1, 2, 4] } }]));
    mocked.publishLog.mockResolvedValue([attempt(2, "Toko Insta", "published")]);
    renderPanel();
    await waitFor(() => expect(screen.getAllByTestId("held-assisted-channel")).toHaveLength(2));
    const [insta, facebook] = screen.getAllByTestId("held-assisted-channel");
    await waitFor(() => expect(within(insta!).getByTestId("held-posted")).toHaveTextContent("Posted"));
    expect(within(insta!).queryByTestId("held-mark-posted")).toBeNull();
    expect(within(facebook!).getByTestId("held-mark-posted")).toBeInTheDocument();
  });
});
