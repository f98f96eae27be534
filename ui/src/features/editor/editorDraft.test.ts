import type { ChannelDto, PostDto, TextMeasureDto } from "../../ipc";
import {
  draftBlockers,
  draftFromPost,
  draftReducer,
  draftToInput,
  emptyDraft,
  parseDraft,
  publishBlockers,
  publishSaveStatus,
  sameDraft,
  scheduleBlockers,
  serializeDraft,
  type EditorDraft,
} from "./editorDraft";

const post: PostDto = {
  id: 9,
  text: "Roti tawar baru keluar dari oven!",
  status: "scheduled",
  schedule: { local: "2026-11-23T09:30", utc: "2026-11-23T02:30:00Z", timeZone: "Asia/Jakarta" },
  targets: [
    { channelId: 1, variantText: null, asThread: true },
    { channelId: 2, variantText: "Fresh bread!", asThread: false },
  ],
  labelIds: [5],
  editable: true,
  createdAt: "2026-11-20T10:00:00Z",
  updatedAt: "2026-11-20T10:00:00Z",
  onServer: [],
};

describe("editor draft", () => {
  it("opens a post as it is saved", () => {
    expect(draftFromPost(post)).toEqual({
      postId: 9,
      text: "Roti tawar baru keluar dari oven!",
      channelIds: [1, 2],
      variants: { "2": "Fresh bread!" },
      threads: [1],
      labelIds: [5],
      date: "2026-11-23",
      time: "09:30",
    });
  });

  it("saves what it opened unchanged", () => {
    const input = draftToInput(draftFromPost(post), "scheduled");
    expect(input).toEqual({
      text: post.text,
      status: "scheduled",
      at: "2026-11-23T09:30",
      targets: post.targets,
      labelIds: [5],
    });
  });

  it("sends a blank channel text as 'use the main text' and skips switched-off channels", () => {
    let draft = draftFromPost(post);
    draft = draftReducer(draft, { type: "variant", channelId: 1, text: "   " });
    draft = draftReducer(draft, { type: "toggleChannel", channelId: 2 });
    expect(draftToInput(draft, "draft").targets).toEqual([{ channelId: 1, variantText: null, asThread: true }]);
    // Switching it back on brings its own text back.
    draft = draftReducer(draft, { type: "toggleChannel", channelId: 2 });
    expect(draftToInput(draft, "draft").targets[1]).toEqual({ channelId: 2, variantText: "Fresh bread!", asThread: false });
  });

  it("turns a channel's thread choice on and off, and counts it as a change", () => {
    const opened = draftFromPost(post);
    const off = draftReducer(opened, { type: "thread", channelId: 1, on: false });
    expect(draftToInput(off, "draft").targets[0]).toEqual({ channelId: 1, variantText: null, asThread: false });
    expect(sameDraft(off, opened)).toBe(false);
    const on = draftReducer(off, { type: "thread", channelId: 2, on: true });
    expect(on.threads).toEqual([2]);
    // Turning it on twice keeps one entry.
    expect(draftReducer(on, { type: "thread", channelId: 2, on: true }).threads).toEqual([2]);
  });

  it("reads an autosave written before threads existed", () => {
    const { threads: _threads, ...older } = draftFromPost(post);
    expect(parseDraft(JSON.stringify({ version: 1, draft: older }))?.threads).toEqual([]);
    expect(parseDraft(JSON.stringify({ version: 1, draft: { ...older, threads: ["1"] } }))).toBeNull();
  });

  it("puts a post without a date on the tray", () => {
    const draft = draftReducer(draftFromPost(post), { type: "clearDate" });
    expect(draftToInput(draft, "draft").at).toBeNull();
  });

  it("fills in 09:00 when a day is picked without a time", () => {
    const draft = draftReducer(emptyDraft(), { type: "date", date: "2026-12-01" });
    expect(draft.time).toBe("09:00");
    expect(emptyDraft({ date: "2026-12-01" }).time).toBe("09:00");
    expect(emptyDraft({ date: "2026-12-01", time: "14:00" }).time).toBe("14:00");
  });

  it("starts a draft from a plan gap with its channels and pillar", () => {
    const draft = emptyDraft({ date: "2026-11-25", time: "10:00", channelIds: [2], labelIds: [7] });
    expect([draft.date, draft.time, draft.channelIds, draft.labelIds]).toEqual(["2026-11-25", "10:00", [2], [7]]);
    expect(emptyDraft().channelIds).toEqual([]);
  });

  it("survives the autosave round trip", () => {
    const draft = draftFromPost(post);
    expect(parseDraft(serializeDraft(draft))).toEqual(draft);
  });

  it("ignores autosaves it did not write", () => {
    expect(parseDraft("not json")).toBeNull();
    expect(parseDraft("null")).toBeNull();
    expect(parseDraft(JSON.stringify({ version: 99, draft: draftFromPost(post) }))).toBeNull();
    expect(parseDraft(JSON.stringify({ version: 1, draft: { ...draftFromPost(post), channelIds: ["1"] } }))).toBeNull();
  });

  it("tells a changed draft from an unchanged one", () => {
    const draft = draftFromPost(post);
    expect(sameDraft(draft, draftFromPost(post))).toBe(true);
    expect(sameDraft(draft, draftReducer(draft, { type: "text", text: "Other" }))).toBe(false);
  });
});

describe("what stops scheduling", () => {
  const channels = new Map<number, ChannelDto>([
    [1, { id: 1, name: "Toko Bluesky", network: "bluesky", color: "#3d7fd9", automatic: true }],
  ]);
  const over: TextMeasureDto = { channelId: 1, network: "bluesky", used: 301, limit: 300, unit: "graphemes", over: true, parts: 1, threadable: true };
  const fine: TextMeasureDto = { ...over, used: 120, over: false };
  const ready: EditorDraft = { ...emptyDraft({ date: "2026-12-01" }), text: "Hi", channelIds: [1] };

  it("lets a complete post through", () => {
    expect(scheduleBlockers(ready, new Map([[1, fine]]), channels)).toEqual([]);
  });

  it("names the channels a text is too long for", () => {
    expect(scheduleBlockers(ready, new Map([[1, over]]), channels)).toEqual([
      { kind: "over_limit", channels: ["Toko Bluesky"] },
    ]);
  });

  it("needs text, a channel, a date and a time", () => {
    expect(scheduleBlockers(emptyDraft(), new Map(), channels).map((b) => b.kind)).toEqual([
      "no_text",
      "no_channel",
      "no_date",
    ]);
    expect(scheduleBlockers({ ...ready, time: "" }, new Map(), channels).map((b) => b.kind)).toEqual(["no_time"]);
  });

  it("keeps a draft with text only, but not with a date and no time", () => {
    expect(draftBlockers({ ...emptyDraft(), text: "Hi" })).toEqual([]);
    expect(draftBlockers({ ...ready, time: "" }).map((b) => b.kind)).toEqual(["no_time"]);
  });
});

describe("publish now", () => {
  it("saves a scheduled post as scheduled, anything else as a draft", () => {
    expect(publishSaveStatus("scheduled")).toBe("scheduled");
    expect(publishSaveStatus("draft")).toBe("draft");
    expect(publishSaveStatus("failed")).toBe("draft");
  });

  it("needs text and a channel, and whatever the save needs", () => {
    const empty = emptyDraft();
    expect(publishBlockers(empty, []).map((b) => b.kind)).toEqual(["no_text", "no_channel"]);
    expect(publishBlockers(empty, [{ kind: "no_text" }]).map((b) => b.kind)).toEqual(["no_text", "no_channel"]);
    const ready = { ...empty, text: "Halo", channelIds: [1] };
    expect(publishBlockers(ready, [])).toEqual([]);
    expect(publishBlockers(ready, [{ kind: "no_time" }])).toEqual([{ kind: "no_time" }]);
  });
});
