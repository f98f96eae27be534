// One typed function per Tauri command. Argument keys are camelCase: Tauri
// turns them into the Rust handler's snake_case parameters.
import type { AccountDto } from "./bindings/AccountDto";
import type { AppStateDto } from "./bindings/AppStateDto";
import type { AttemptDto } from "./bindings/AttemptDto";
import type { AutosaveDto } from "./bindings/AutosaveDto";
import type { ChannelDto } from "./bindings/ChannelDto";
import type { ChannelInput } from "./bindings/ChannelInput";
import type { ConnectBlueskyInput } from "./bindings/ConnectBlueskyInput";
import type { HeldPostDto } from "./bindings/HeldPostDto";
import type { LabelDto } from "./bindings/LabelDto";
import type { LabelInput } from "./bindings/LabelInput";
import type { MeasureInput } from "./bindings/MeasureInput";
import type { PostDto } from "./bindings/PostDto";
import type { PostInput } from "./bindings/PostInput";
import type { PostSummaryDto } from "./bindings/PostSummaryDto";
import type { PublishResultDto } from "./bindings/PublishResultDto";
import type { SaveOutcomeDto } from "./bindings/SaveOutcomeDto";
import type { SettingsInput } from "./bindings/SettingsInput";
import type { TextMeasureDto } from "./bindings/TextMeasureDto";
import { call } from "./transport";

// --- workspace and settings ---

export const appState = () => call<AppStateDto>("app_state");

export const updateSettings = (input: SettingsInput) =>
  call<AppStateDto>("update_settings", { input });

export const listTimeZones = () => call<string[]>("list_time_zones");

/** Whether the operating system starts Jadwal when the person logs in. */
export const startAtLogin = () => call<boolean>("start_at_login");

/** Turns starting at login on or off; answers the state the OS now reports. */
export const setStartAtLogin = (enabled: boolean) => call<boolean>("set_start_at_login", { enabled });

// --- posts ---

/** Posts between two local dates (`YYYY-MM-DD`) in the workspace's zone; `to` is exclusive. */
export const calendarPosts = (from: string, to: string) =>
  call<PostSummaryDto[]>("calendar_posts", { from, to });

/** Posts without a date. */
export const trayPosts = () => call<PostSummaryDto[]>("tray_posts");

export const getPost = (id: number) => call<PostDto>("get_post", { id });

export const createPost = (input: PostInput) => call<SaveOutcomeDto>("create_post", { input });

export const updatePost = (id: number, input: PostInput) =>
  call<SaveOutcomeDto>("update_post", { id, input });

/** Moves a post to a wall time (`YYYY-MM-DDTHH:MM`) in the workspace's zone. */
export const reschedulePost = (id: number, at: string) =>
  call<SaveOutcomeDto>("reschedule_post", { id, at });

/** Takes the date off a post: it goes back to the tray. */
export const unschedulePost = (id: number) => call<SaveOutcomeDto>("unschedule_post", { id });

/** A draft copy without a date, on the tray. */
export const duplicatePost = (id: number) => call<PostDto>("duplicate_post", { id });

export const deletePost = (id: number) => call<null>("delete_post", { id });

/** Undoes a delete. */
export const restorePost = (id: number) => call<null>("restore_post", { id });

export const measureText = (input: MeasureInput) =>
  call<TextMeasureDto[]>("measure_text", { input });

// --- channels and labels ---

export const listChannels = () => call<ChannelDto[]>("list_channels");

export const createChannel = (input: ChannelInput) =>
  call<ChannelDto>("create_channel", { input });

/** Renames or recolours a channel (its network never changes). */
export const updateChannel = (id: number, input: LabelInput) =>
  call<ChannelDto>("update_channel", { id, input });

export const deleteChannel = (id: number) => call<null>("delete_channel", { id });

export const listLabels = () => call<LabelDto[]>("list_labels");

export const createLabel = (input: LabelInput) => call<LabelDto>("create_label", { input });

export const updateLabel = (id: number, input: LabelInput) =>
  call<LabelDto>("update_label", { id, input });

export const deleteLabel = (id: number) => call<null>("delete_label", { id });

// --- accounts and publishing ---

/** The accounts connected to channels. No secret ever comes back. */
export const listAccounts = () => call<AccountDto[]>("list_accounts");

/**
 * Logs in to Bluesky (a few seconds: it is a real network call) and keeps the
 * app password in the OS keychain. Answers with the verified account.
 */
export const connectBluesky = (input: ConnectBlueskyInput) =>
  call<AccountDto>("connect_bluesky", { input });

/** Forgets a channel's account and removes its password from the keychain. */
export const disconnectAccount = (channelId: number) => call<null>("disconnect_account", { channelId });

/**
 * Publishes a saved post to each of its channels now. Rejects only when the
 * post as a whole cannot go (not editable, no text, no channel); a channel
 * that refuses is one result with `published: false`.
 */
export const publishNow = (id: number) => call<PublishResultDto[]>("publish_now", { id });

/**
 * Every try to publish a post, oldest first: one entry per channel per try.
 * `outcome` "unknown" means the app stopped in the middle of that try.
 */
export const publishLog = (id: number) => call<AttemptDto[]>("publish_log", { id });

// --- posts the scheduler holds for the person ---

/**
 * Scheduled posts that did not go out on time and wait for a decision:
 * `reason` is "missed" (the computer was off or asleep when they were due) or
 * "assisted" (the automatic channels are done; the rest needs a hand).
 */
export const needsDecision = () => call<HeldPostDto[]>("needs_decision");

/** Publishes a held post now; one result per channel, like `publishNow`. */
export const publishHeldNow = (id: number) => call<PublishResultDto[]>("publish_held_now", { id });

/** Does not publish a held post: it becomes a draft, keeping its date. */
export const skipPost = (id: number) => call<null>("skip_post", { id });

// --- autosave ---

export const saveAutosave = (slot: string, body: string) =>
  call<null>("save_autosave", { slot, body });

export const loadAutosave = (slot: string) => call<AutosaveDto | null>("load_autosave", { slot });

export const clearAutosave = (slot: string) => call<null>("clear_autosave", { slot });
