// One typed function per Tauri command. Argument keys are camelCase: Tauri
// turns them into the Rust handler's snake_case parameters.
import type { AccountDto } from "./bindings/AccountDto";
import type { AppStateDto } from "./bindings/AppStateDto";
import type { AttachmentDto } from "./bindings/AttachmentDto";
import type { AttachmentInput } from "./bindings/AttachmentInput";
import type { AttemptDto } from "./bindings/AttemptDto";
import type { AutoReportSettings } from "./bindings/AutoReportSettings";
import type { AutoReportsDto } from "./bindings/AutoReportsDto";
import type { AutosaveDto } from "./bindings/AutosaveDto";
import type { CampaignDto } from "./bindings/CampaignDto";
import type { CampaignCsvMappingInput } from "./bindings/CampaignCsvMappingInput";
import type { CampaignCsvPlanDto } from "./bindings/CampaignCsvPlanDto";
import type { CampaignCsvPreviewDto } from "./bindings/CampaignCsvPreviewDto";
import type { CampaignInput } from "./bindings/CampaignInput";
import type { CollaborationDto } from "./bindings/CollaborationDto";
import type { CollaborationInput } from "./bindings/CollaborationInput";
import type { PaidDto } from "./bindings/PaidDto";
import type { PartnerDto } from "./bindings/PartnerDto";
import type { PartnerInput } from "./bindings/PartnerInput";
import type { ChannelDto } from "./bindings/ChannelDto";
import type { ChannelInput } from "./bindings/ChannelInput";
import type { ConnectBlueskyInput } from "./bindings/ConnectBlueskyInput";
import type { CropDto } from "./bindings/CropDto";
import type { NetworkPresetsDto } from "./bindings/NetworkPresetsDto";
import type { FinishMastodonSignInInput } from "./bindings/FinishMastodonSignInInput";
import type { MastodonCodeSignInDto } from "./bindings/MastodonCodeSignInDto";

import type { ConnectMastodonInput } from "./bindings/ConnectMastodonInput";
import type { ConnectTelegramInput } from "./bindings/ConnectTelegramInput";
import type { ConnectWebhookInput } from "./bindings/ConnectWebhookInput";
import type { HeldPostsDto } from "./bindings/HeldPostsDto";
import type { BestTimes } from "./bindings/BestTimes";
import type { Insights } from "./bindings/Insights";
import type { Language } from "./bindings/Language";
import type { ReportFormat } from "./bindings/ReportFormat";
import type { ImportResultDto } from "./bindings/ImportResultDto";
import type { LabelDto } from "./bindings/LabelDto";
import type { LabelInput } from "./bindings/LabelInput";
import type { MeasureInput } from "./bindings/MeasureInput";
import type { MediaDto } from "./bindings/MediaDto";
import type { MediaFixDto } from "./bindings/MediaFixDto";
import type { MediaFixOutcomeDto } from "./bindings/MediaFixOutcomeDto";
import type { MediaProblemDto } from "./bindings/MediaProblemDto";
import type { PostDto } from "./bindings/PostDto";
import type { PostInput } from "./bindings/PostInput";
import type { PostSummaryDto } from "./bindings/PostSummaryDto";
import type { PublishResultDto } from "./bindings/PublishResultDto";
import type { PublishingStatusDto } from "./bindings/PublishingStatusDto";
import type { SaveOutcomeDto } from "./bindings/SaveOutcomeDto";
import type { SettingsInput } from "./bindings/SettingsInput";
import type { TextMeasureDto } from "./bindings/TextMeasureDto";
import type { ThreadPreviewDto } from "./bindings/ThreadPreviewDto";
import type { ThumbnailDto } from "./bindings/ThumbnailDto";
import type { GoalDto } from "./bindings/GoalDto";
import type { GoalInput } from "./bindings/GoalInput";
import type { PersonaDto } from "./bindings/PersonaDto";
import type { PersonaInput } from "./bindings/PersonaInput";
import type { PillarDto } from "./bindings/PillarDto";
import type { PillarInput } from "./bindings/PillarInput";
import type { PlanGapsDto } from "./bindings/PlanGapsDto";
import type { RhythmDto } from "./bindings/RhythmDto";
import type { RhythmInput } from "./bindings/RhythmInput";
import type { StrategyDto } from "./bindings/StrategyDto";
import type { SwotItemDto } from "./bindings/SwotItemDto";
import type { SwotItemInput } from "./bindings/SwotItemInput";
import type { CsvImportDto } from "./bindings/CsvImportDto";
import type { CsvMappingInput } from "./bindings/CsvMappingInput";
import type { CsvPreviewDto } from "./bindings/CsvPreviewDto";
import type { MetricSampleDto } from "./bindings/MetricSampleDto";
import type { MetricsRefreshDto } from "./bindings/MetricsRefreshDto";
import type { RecordMetricInput } from "./bindings/RecordMetricInput";
import type { TargetMetricsDto } from "./bindings/TargetMetricsDto";
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

/** The parts each thread target's text goes out as, split by the Bluesky adapter's own rule. */
export const previewThreads = (input: MeasureInput) =>
  call<ThreadPreviewDto[]>("preview_threads", { input });

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
 * `reason` is "missed" (the computer was off or asleep when they were due),
 * "assisted" (the automatic channels are done; the rest needs a hand) or
 * "unsure" (sent, but no answer came back; the person checks whether it arrived).
 */
export const needsDecision = () => call<HeldPostsDto>("needs_decision");

/** How many posts past their time wait for the internet, and since when. */
export const publishingStatus = () => call<PublishingStatusDto>("publishing_status");

/** Publishes a held post now; one result per channel, like `publishNow`. */
export const publishHeldNow = (id: number) => call<PublishResultDto[]>("publish_held_now", { id });

/** Does not publish a held post: it becomes a draft, keeping its date. */
export const skipPost = (id: number) => call<null>("skip_post", { id });

/** Opens a web address (a published post) in the system's browser; only http(s) is accepted. */
export const openLink = (url: string) => call<null>("open_link", { url });

// --- media ---

/**
 * Adds files (paths from a drop) to the library: one result per file, in the
 * same order; a bad file is one result with `error`, the rest go on. Rust
 * sends "media-import-progress" as each file finishes.
 */
export const importMedia = (paths: string[]) => call<ImportResultDto[]>("import_media", { paths });

/** Opens the system's file picker (titled `title`) and imports what was chosen; [] when cancelled. */
export const chooseAndImportMedia = (title: string) =>
  call<ImportResultDto[]>("choose_and_import_media", { title });

/** The library, newest first; `query` searches file names and alt text. */
export const mediaLibrary = (query: string | null) => call<MediaDto[]>("media_library", { query });

/** Library pictures as small `data:` URLs (at most 400 px), for the ones on screen. */
export const mediaThumbnails = (hashes: string[]) => call<ThumbnailDto[]>("media_thumbnails", { hashes });

/** The first picture of each post that has one, as a small `data:` URL (one call per page). */
export const postThumbnails = (postIds: number[]) => call<ThumbnailDto[]>("post_thumbnails", { postIds });

/** Where each preset cuts a picture around a focal point (fractions 0–1); nothing is rendered. */
export const mediaCrops = (hash: string, focalX: number, focalY: number) =>
  call<CropDto[]>("media_crops", { hash, focalX, focalY });

/** The renditions each network gets (jadwal-media's picture rules): what the editor previews. */
export const networkPresets = () => call<NetworkPresetsDto[]>("network_presets");

/** A saved post's pictures, in order. */
export const postMedia = (postId: number) => call<AttachmentDto[]>("post_media", { postId });

/** Replaces a post's pictures (order, alt text, focal points). */
export const setPostMedia = (postId: number, items: AttachmentInput[]) =>
  call<AttachmentDto[]>("set_post_media", { postId, items });

/** Changes one picture's alt text and focal point. */
export const updatePostMedia = (postId: number, item: AttachmentInput) =>
  call<AttachmentDto[]>("update_post_media", { postId, item });

/** What the post's networks would refuse (`error`) or show differently (`warning`). */
export const postMediaChecks = (postId: number) => call<MediaProblemDto[]>("post_media_checks", { postId });

/** Applies a problem's one-click fix; `hash` is null for a post-wide fix. */
export const applyMediaFix = (postId: number, hash: string | null, fix: MediaFixDto) =>
  call<MediaFixOutcomeDto>("apply_media_fix", { postId, hash, fix });

// --- Mastodon, Telegram and webhook accounts; the person's word on held posts ---

/**
 * Asks Telegram whether the bot exists and can see the chat, then keeps the
 * bot token in the OS keychain. Answers with the verified chat.
 */
export const connectMastodon = (input: ConnectMastodonInput) =>
  call<AccountDto>("connect_mastodon", { input });

/**
 * The fallback sign-in: the server shows a code instead of sending the
 * browser back to Jadwal. Opens its sign-in page (when it can) and answers
 * with the page's address, to open on any device.
 */
export const startMastodonCodeSignIn = (input: ConnectMastodonInput) =>
  call<MastodonCodeSignInDto>("start_mastodon_code_sign_in", { input });

/** Trades the pasted code for the account (the key goes to the OS keychain). */
export const finishMastodonCodeSignIn = (input: FinishMastodonSignInInput) =>
  call<AccountDto>("finish_mastodon_code_sign_in", { input });

export const cancelMastodonCodeSignIn = (channelId: number) =>
  call<null>("cancel_mastodon_code_sign_in", { channelId });

export const connectTelegram = (input: ConnectTelegramInput) =>
  call<AccountDto>("connect_telegram", { input });

/**
 * Keeps a webhook's address and signing secret in the OS keychain. Nothing
 * is sent to the receiver; the account's handle is the address's host.
 */
export const connectWebhook = (input: ConnectWebhookInput) =>
  call<AccountDto>("connect_webhook", { input });

/**
 * The person published the post by hand on an assisted channel, optionally
 * with its web address (`https://` or `http://`, else `not_a_web_address`).
 * Releases the hold and finishes the post's other channels.
 */
export const markPosted = (id: number, channelId: number, url: string | null) =>
  call<PublishResultDto[]>("mark_posted", { id, channelId, url });

/**
 * Cuts the post's pictures for each of its networks into a folder and opens
 * it in the file manager; how many were written (0: the post has none).
 */
export const showPicturesForPosting = (id: number) => call<number>("show_pictures_for_posting", { id });

/**
 * The person's answer for a post held as "unsure": `arrived` records it as
 * published; otherwise Jadwal sends it again.
 */
export const confirmOutcome = (id: number, arrived: boolean) =>
  call<PublishResultDto[]>("confirm_outcome", { id, arrived });

// --- autosave ---

export const saveAutosave = (slot: string, body: string) =>
  call<null>("save_autosave", { slot, body });

export const loadAutosave = (slot: string) => call<AutosaveDto | null>("load_autosave", { slot });

export const clearAutosave = (slot: string) => call<null>("clear_autosave", { slot });

// --- dashboard and reports ---

/** Goals, trends, best and weakest posts, pillar mix and best times for the days first..last (both included). */
export const insights = (first: string, last: string) => call<Insights>("insights", { first, last });

/** The weekday × hour slots the workspace's own posts of the last year did best in. */
export const bestTimes = () => call<BestTimes>("best_times");

/**
 * Asks where to save (the system's save dialog, run by Rust) and writes the
 * report for first..last there; the file's path, or null when the person
 * cancelled.
 */
export const saveReport = (first: string, last: string, language: Language, format: ReportFormat, title: string) =>
  call<string | null>("save_report", { first, last, language, format, title });

/** The workspace's automatic reports: the choices and how the last run went. */
export const autoReports = () => call<AutoReportsDto>("auto_reports");

/** Saves the choices; Rust refuses "on" without a folder that is there. */
export const setAutoReports = (settings: AutoReportSettings) =>
  call<AutoReportsDto>("set_auto_reports", { settings });

/** The system's folder picker (run by Rust); the folder's path, or null when closed. */
export const chooseReportFolder = (title: string) => call<string | null>("choose_report_folder", { title });

/** Shows the chosen report folder in the file manager. */
export const openReportFolder = () => call<null>("open_report_folder");
// --- the workspace's plan (Strategy) ---

/** SWOT board, goals, personas, pillars and rhythm, in one answer. */
export const getStrategy = () => call<StrategyDto>("strategy");

/** Where the local days `[from, to)` fall short of the plan. */
export const planGaps = (from: string, to: string) => call<PlanGapsDto>("plan_gaps", { from, to });

export const addSwotItem = (input: SwotItemInput) => call<SwotItemDto>("add_swot_item", { input });

export const updateSwotItem = (id: number, text: string) => call<SwotItemDto>("update_swot_item", { id, text });

/** Moves an item to `index` within its list (0 = first). */
export const moveSwotItem = (id: number, index: number) => call<null>("move_swot_item", { id, index });

export const deleteSwotItem = (id: number) => call<null>("delete_swot_item", { id });

export const createGoal = (input: GoalInput) => call<GoalDto>("create_goal", { input });

export const updateGoal = (id: number, input: GoalInput) => call<GoalDto>("update_goal", { id, input });

export const deleteGoal = (id: number) => call<null>("delete_goal", { id });

export const createPersona = (input: PersonaInput) => call<PersonaDto>("create_persona", { input });

export const updatePersona = (id: number, input: PersonaInput) => call<PersonaDto>("update_persona", { id, input });

export const deletePersona = (id: number) => call<null>("delete_persona", { id });

/** A label of that name becomes a pillar, or a new label is made. */
export const addPillar = (input: PillarInput) => call<PillarDto>("add_pillar", { input });

export const updatePillar = (labelId: number, input: PillarInput) =>
  call<PillarDto>("update_pillar", { id: labelId, input });

/** The label stops being a pillar; it stays on its posts. */
export const removePillar = (labelId: number) => call<null>("remove_pillar", { id: labelId });

/** Posts a week for a channel; 0 removes its rhythm. */
export const setRhythm = (input: RhythmInput) => call<RhythmDto[]>("set_rhythm", { input });
// --- metrics: figures typed in, imported from a CSV export, fetched ---

/** The system's file picker for a network's CSV export; null when cancelled. */
export const chooseMetricsCsv = (title: string) => call<string | null>("choose_metrics_csv", { title });

/** The first rows of a CSV export, how it reads, and a suggested column mapping. */
export const previewMetricsCsv = (path: string, channelId: number | null) =>
  call<CsvPreviewDto>("preview_metrics_csv", { path, channelId });

/**
 * Imports a CSV export with the mapping the person confirmed. With bad rows
 * and `skipBadRows` off, nothing is imported and `problems` lists each row.
 */
export const importMetricsCsv = (path: string, mapping: CsvMappingInput) =>
  call<CsvImportDto>("import_metrics_csv", { path, mapping });

/** A figure typed in for a post on a channel, or for the account. */
export const recordMetric = (input: RecordMetricInput) => call<MetricSampleDto>("record_metric", { input });

/** Fetches the figures Bluesky and Mastodon give, now; one outcome per channel. */
export const refreshMetrics = () => call<MetricsRefreshDto>("refresh_metrics");

/** A post's figures on a channel: the newest of each and the history. */
export const targetMetrics = (postId: number, channelId: number) =>
  call<TargetMetricsDto>("target_metrics", { postId, channelId });

/** The Bluesky AppView that counts likes and followers (Bluesky's own unless changed). */
export const blueskyAppview = () => call<string>("bluesky_appview");

/** Sets the Bluesky AppView; null for Bluesky's own. */
export const setBlueskyAppview = (url: string | null) => call<null>("set_bluesky_appview", { url });

// --- paid boosts, ads and influencer partners ---

/** Campaigns (with CPC, CPM, ROAS), partners and collaborations, in one answer. */
export const getPaid = () => call<PaidDto>("paid");

/** The campaigns that ran on any day of first..last (`YYYY-MM-DD`, both included). */
export const campaignsInRange = (first: string, last: string) =>
  call<CampaignDto[]>("campaigns_in_range", { first, last });

export const createCampaign = (input: CampaignInput) => call<CampaignDto>("create_campaign", { input });

export const updateCampaign = (id: number, input: CampaignInput) => call<CampaignDto>("update_campaign", { id, input });

/** Removes the campaign and its collaborations. */
export const deleteCampaign = (id: number) => call<null>("delete_campaign", { id });

/** An ad manager's CSV export: its first rows, a suggested mapping, and what importing would do. */
export const previewCampaignCsv = (path: string) => call<CampaignCsvPreviewDto>("preview_campaign_csv", { path });

/** What importing with a changed mapping would do; nothing is written. */
export const checkCampaignCsv = (path: string, mapping: CampaignCsvMappingInput) =>
  call<CampaignCsvPlanDto>("check_campaign_csv", { path, mapping });

/**
 * Imports campaign results in one transaction. With bad rows and
 * `skipBadRows` off, nothing is written (`applied` is false).
 */
export const importCampaignCsv = (path: string, mapping: CampaignCsvMappingInput) =>
  call<CampaignCsvPlanDto>("import_campaign_csv", { path, mapping });

export const createPartner = (input: PartnerInput) => call<PartnerDto>("create_partner", { input });

export const updatePartner = (id: number, input: PartnerInput) => call<PartnerDto>("update_partner", { id, input });

/** Removes the partner and their collaborations. */
export const deletePartner = (id: number) => call<null>("delete_partner", { id });

export const createCollaboration = (input: CollaborationInput) =>
  call<CollaborationDto>("create_collaboration", { input });

export const updateCollaboration = (id: number, input: CollaborationInput) =>
  call<CollaborationDto>("update_collaboration", { id, input });

export const deleteCollaboration = (id: number) => call<null>("delete_collaboration", { id });
