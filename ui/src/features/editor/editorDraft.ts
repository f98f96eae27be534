/**
 * The editor's state as plain data: what the person is writing, for which
 * channels, when. Pure functions only, so the rules (what is sent, what the
 * autosave holds, why Schedule is disabled) are tested without React.
 */
import type { ChannelDto, MeasureInput, PostDto, PostInput, PostStatus, TargetDto, TextMeasureDto } from "../../ipc";
import { joinWallTime, splitWallTime } from "../../lib/wallTime";

export interface EditorDraft {
  /** The post being edited; null for a new one. */
  postId: number | null;
  text: string;
  /** Selected channels, in the order they were picked. */
  channelIds: number[];
  /** Own text per channel id; kept when a channel is switched off, so switching it back on restores it. */
  variants: Record<string, string>;
  /** Channels whose text, if too long for one post, goes out as a thread (Rust keeps it only where the network has threads). */
  threads: number[];
  labelIds: number[];
  /** `YYYY-MM-DD` or "" (the post waits on the tray). */
  date: string;
  /** `HH:MM` or "". */
  time: string;
}

/** The time a post gets when a day is picked without one. */
export const DEFAULT_TIME = "09:00";

/** What a new post can start with: a day and time, and (from a plan gap) its channels and labels. */
export interface DraftPrefill {
  date?: string;
  time?: string;
  channelIds?: number[];
  labelIds?: number[];
}

export function emptyDraft(prefill?: DraftPrefill): EditorDraft {
  const date = prefill?.date ?? "";
  return {
    postId: null,
    text: "",
    channelIds: prefill?.channelIds ?? [],
    variants: {},
    threads: [],
    labelIds: prefill?.labelIds ?? [],
    date,
    time: prefill?.time ?? (date ? DEFAULT_TIME : ""),
  };
}

export function draftFromPost(post: PostDto): EditorDraft {
  const variants: Record<string, string> = {};
  for (const target of post.targets) {
    if (target.variantText !== null) variants[String(target.channelId)] = target.variantText;
  }
  const when = post.schedule ? splitWallTime(post.schedule.local) : { date: "", time: "" };
  return {
    postId: post.id,
    text: post.text,
    channelIds: post.targets.map((target) => target.channelId),
    variants,
    threads: post.targets.filter((target) => target.asThread).map((target) => target.channelId),
    labelIds: [...post.labelIds],
    date: when.date,
    time: when.time,
  };
}

export type DraftAction =
  | { type: "replace"; draft: EditorDraft }
  /** A new post was saved (and the editor stays open): it has an id now. */
  | { type: "saved"; postId: number }
  | { type: "text"; text: string }
  | { type: "toggleChannel"; channelId: number }
  | { type: "variant"; channelId: number; text: string }
  | { type: "thread"; channelId: number; on: boolean }
  | { type: "toggleLabel"; labelId: number }
  | { type: "date"; date: string }
  | { type: "time"; time: string }
  | { type: "clearDate" };

function toggle(list: number[], id: number): number[] {
  return list.includes(id) ? list.filter((other) => other !== id) : [...list, id];
}

export function draftReducer(draft: EditorDraft, action: DraftAction): EditorDraft {
  switch (action.type) {
    case "replace":
      return action.draft;
    case "saved":
      return { ...draft, postId: action.postId };
    case "text":
      return { ...draft, text: action.text };
    case "toggleChannel":
      return { ...draft, channelIds: toggle(draft.channelIds, action.channelId) };
    case "variant":
      return { ...draft, variants: { ...draft.variants, [String(action.channelId)]: action.text } };
    case "thread": {
      const others = draft.threads.filter((id) => id !== action.channelId);
      return { ...draft, threads: action.on ? [...others, action.channelId] : others };
    }
    case "toggleLabel":
      return { ...draft, labelIds: toggle(draft.labelIds, action.labelId) };
    case "date":
      // Picking a day fills in a sensible time, so one field is enough to plan.
      return { ...draft, date: action.date, time: action.date && !draft.time ? DEFAULT_TIME : draft.time };
    case "time":
      return { ...draft, time: action.time };
    case "clearDate":
      return { ...draft, date: "", time: "" };
  }
}

/** A channel's own text, or null when it uses the main text (blank counts as "use the main text"). */
function variantOf(draft: EditorDraft, channelId: number): string | null {
  const text = draft.variants[String(channelId)];
  return text !== undefined && text.trim() !== "" ? text : null;
}

function targetsOf(draft: EditorDraft): TargetDto[] {
  return draft.channelIds.map((channelId) => ({
    channelId,
    variantText: variantOf(draft, channelId),
    asThread: draft.threads.includes(channelId),
  }));
}

/** The wall time to save, or null for the tray. */
export function draftWallTime(draft: EditorDraft): string | null {
  return joinWallTime(draft.date, draft.time);
}

export function draftToInput(draft: EditorDraft, status: Extract<PostStatus, "draft" | "scheduled">): PostInput {
  return {
    text: draft.text,
    status,
    at: draftWallTime(draft),
    targets: targetsOf(draft),
    labelIds: [...draft.labelIds],
  };
}

/**
 * What a save sends, leaving out channels that no longer exist (a restored
 * autosave may name channels deleted since; Rust would refuse them).
 * `knownChannels` is null while the channels load.
 */
export function savableInput(
  draft: EditorDraft,
  knownChannels: ReadonlyMap<number, unknown> | null,
  status: Extract<PostStatus, "draft" | "scheduled">,
): PostInput {
  const channelIds = knownChannels ? draft.channelIds.filter((id) => knownChannels.has(id)) : draft.channelIds;
  return draftToInput({ ...draft, channelIds }, status);
}

export function draftToMeasureInput(draft: EditorDraft): MeasureInput {
  return { text: draft.text, targets: targetsOf(draft) };
}

// --- autosave ---

const AUTOSAVE_VERSION = 1;

export function serializeDraft(draft: EditorDraft): string {
  return JSON.stringify({ version: AUTOSAVE_VERSION, draft });
}

const isIdList = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((id) => Number.isInteger(id));

/** The draft an autosave holds, or null if it is not one this window wrote. */
export function parseDraft(body: string): EditorDraft | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const { version, draft } = parsed as { version?: unknown; draft?: unknown };
  if (version !== AUTOSAVE_VERSION || typeof draft !== "object" || draft === null) return null;
  const d = draft as Record<string, unknown>;
  const variants = d.variants;
  const variantsOk =
    typeof variants === "object" &&
    variants !== null &&
    Object.values(variants).every((text) => typeof text === "string");
  if (
    !(d.postId === null || Number.isInteger(d.postId)) ||
    typeof d.text !== "string" ||
    !isIdList(d.channelIds) ||
    !isIdList(d.labelIds) ||
    !variantsOk ||
    typeof d.date !== "string" ||
    typeof d.time !== "string" ||
    !(d.threads === undefined || isIdList(d.threads))
  ) {
    return null;
  }
  return {
    postId: d.postId as number | null,
    text: d.text,
    channelIds: d.channelIds,
    variants: variants as Record<string, string>,
    // Absent in an autosave written before threads existed.
    threads: (d.threads as number[] | undefined) ?? [],
    labelIds: d.labelIds,
    date: d.date,
    time: d.time,
  };
}

/** Whether two drafts would save the same post (unused variants of switched-off channels do not count). */
export function sameDraft(a: EditorDraft, b: EditorDraft): boolean {
  return (
    a.postId === b.postId &&
    a.date === b.date &&
    a.time === b.time &&
    JSON.stringify(draftToInput(a, "draft")) === JSON.stringify(draftToInput(b, "draft"))
  );
}

// --- what stops a save ---

export type Blocker =
  | { kind: "no_text" }
  | { kind: "no_channel" }
  | { kind: "over_limit"; channels: string[] }
  | { kind: "no_date" }
  | { kind: "no_time" };

/** Why the post cannot be scheduled yet, in the order a person would fix it. */
export function scheduleBlockers(
  draft: EditorDraft,
  measures: ReadonlyMap<number, TextMeasureDto>,
  channels: ReadonlyMap<number, ChannelDto>,
): Blocker[] {
  const blockers: Blocker[] = [];
  if (draft.text.trim() === "") blockers.push({ kind: "no_text" });
  if (draft.channelIds.length === 0) blockers.push({ kind: "no_channel" });
  const over = draft.channelIds.filter((id) => measures.get(id)?.over === true);
  if (over.length > 0) {
    blockers.push({ kind: "over_limit", channels: over.map((id) => channels.get(id)?.name ?? String(id)) });
  }
  if (draft.date === "") blockers.push({ kind: "no_date" });
  else if (draftWallTime(draft) === null) blockers.push({ kind: "no_time" });
  return blockers;
}

/** Why the post cannot be kept as a draft: only text, and a date without a time. */
export function draftBlockers(draft: EditorDraft): Blocker[] {
  const blockers: Blocker[] = [];
  if (draft.text.trim() === "") blockers.push({ kind: "no_text" });
  if (draft.date !== "" && draftWallTime(draft) === null) blockers.push({ kind: "no_time" });
  return blockers;
}

// --- publish now ---

/**
 * The status unsaved changes are saved with before publishing: a scheduled
 * post stays scheduled, anything else is kept as a draft (as "Save as draft"
 * would), so a refusal never leaves the post in a state nobody chose.
 */
export function publishSaveStatus(status: PostStatus | undefined): Extract<PostStatus, "draft" | "scheduled"> {
  return status === "scheduled" ? "scheduled" : "draft";
}

/**
 * Why "Publish now" is not available: publishing needs text and a channel,
 * and unsaved changes must first pass the save they get (`saveBlockers`).
 */
export function publishBlockers(draft: EditorDraft, saveBlockers: readonly Blocker[]): Blocker[] {
  const blockers = [...saveBlockers];
  const has = (kind: Blocker["kind"]) => blockers.some((b) => b.kind === kind);
  if (draft.text.trim() === "" && !has("no_text")) blockers.unshift({ kind: "no_text" });
  if (draft.channelIds.length === 0 && !has("no_channel")) blockers.push({ kind: "no_channel" });
  return blockers;
}
