/**
 * DEVELOPMENT ONLY: an in-memory stand-in for the Rust side, so the web view
 * can be opened in a plain browser (dev.html) to look at it. It lives under
 * src/ipc/ because it talks to @tauri-apps/api's mocks; nothing in the
 * production entry imports it, so it never ships.
 */
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";

import type { AccountDto } from "../bindings/AccountDto";
import type { AppStateDto } from "../bindings/AppStateDto";
import type { AttemptDto } from "../bindings/AttemptDto";
import type { AutoReportSettings } from "../bindings/AutoReportSettings";
import type { AutoReportsDto } from "../bindings/AutoReportsDto";
import type { ChannelDto } from "../bindings/ChannelDto";
import type { ChannelInput } from "../bindings/ChannelInput";
import type { ConnectBlueskyInput } from "../bindings/ConnectBlueskyInput";
import type { ConnectMastodonInput } from "../bindings/ConnectMastodonInput";
import type { ConnectTelegramInput } from "../bindings/ConnectTelegramInput";
import type { ConnectWebhookInput } from "../bindings/ConnectWebhookInput";
import type { GracePeriod } from "../bindings/GracePeriod";
import type { HeldPostDto } from "../bindings/HeldPostDto";
import type { HeldPostsDto } from "../bindings/HeldPostsDto";
import type { CountUnit } from "../bindings/CountUnit";
import type { IpcError } from "../bindings/IpcError";
import type { LabelDto } from "../bindings/LabelDto";
import type { LabelInput } from "../bindings/LabelInput";
import type { MeasureInput } from "../bindings/MeasureInput";
import type { Network } from "../bindings/Network";
import type { PostDto } from "../bindings/PostDto";
import type { PostInput } from "../bindings/PostInput";
import type { PostSummaryDto } from "../bindings/PostSummaryDto";
import type { PublishResultDto } from "../bindings/PublishResultDto";
import type { ThreadPreviewDto } from "../bindings/ThreadPreviewDto";
import type { SettingsInput } from "../bindings/SettingsInput";
import type { StoreChangedDto } from "../bindings/StoreChangedDto";
import type { TextMeasureDto } from "../bindings/TextMeasureDto";
import { mediaHandlers } from "./mockMedia";

const NETWORK_COLORS: Record<Network, string> = {
  bluesky: "#1185fe",
  mastodon: "#6364ff",
  telegram: "#26a5e4",
  instagram: "#c13584",
  facebook: "#1877f2",
  linkedin: "#0a66c2",
  x: "#14171a",
  tiktok: "#111111",
  pinterest: "#e60023",
  threads: "#333333",
  google_business: "#34a853",
  webhook: "#7a6a58",
};

const LIMITS: Partial<Record<Network, [number, CountUnit]>> = {
  bluesky: [300, "graphemes"],
  mastodon: [500, "graphemes"],
  threads: [500, "characters"],
  x: [280, "weighted_characters"],
  linkedin: [3000, "characters"],
  instagram: [2200, "characters"],
  facebook: [63206, "characters"],
  tiktok: [2200, "characters"],
  pinterest: [500, "characters"],
  google_business: [1500, "characters"],
  telegram: [4096, "utf16_units"],
};

const ASSISTED: Network[] = ["instagram", "tiktok", "pinterest", "threads", "google_business", "linkedin", "facebook"];

interface StoredPost {
  id: number;
  text: string;
  status: PostDto["status"];
  at: string | null;
  targets: PostDto["targets"];
  labelIds: number[];
  deleted: boolean;
}

function fail(code: string, message: string, params: Record<string, string> = {}): never {
  const error: IpcError = { code, message, params };
  throw error;
}

function nowIn(timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date());
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function count(text: string, unit: CountUnit): number {
  switch (unit) {
    case "graphemes":
      return [...new Intl.Segmenter().segment(text)].length;
    case "utf16_units":
      return text.length;
    case "weighted_characters":
      return [...text].reduce((sum, ch) => sum + ((ch.codePointAt(0) ?? 0) > 0x10ff ? 2 : 1), 0);
    case "characters":
      return [...text].length;
  }
}

export interface MockOptions {
  /** Make app_state fail with this code, to look at the startup error screen. */
  startupError?: string;
  language?: "en" | "id";
  /** Start with no channels, labels or posts. */
  empty?: boolean;
}

export function installMockBackend(options: MockOptions = {}) {
  const settings = {
    language: options.language ?? ("en" as "en" | "id"),
    timeZone: "Asia/Jakarta",
    keepRunning: true,
    gracePeriod: "1h" as GracePeriod,
  };
  let startAtLogin = false;
  let autoReports: AutoReportsDto = {
    settings: { enabled: false, folder: null, weekly: true, monthly: true, language: "en", formats: ["pdf"] },
    lastOutcome: null,
  };
  const today = nowIn(settings.timeZone).slice(0, 10);
  const monthStart = `${today.slice(0, 8)}01`;

  let nextId = 100;
  const channels: ChannelDto[] = options.empty
    ? []
    : [
        { id: 1, name: "Roti Sari Instagram", network: "instagram", color: "#c0569b", automatic: false },
        { id: 2, name: "Roti Sari Facebook", network: "facebook", color: "#3d7fd9", automatic: false },
        { id: 3, name: "Bluesky", network: "bluesky", color: "#2a9d8f", automatic: true },
        { id: 4, name: "Roti Sari Telegram", network: "telegram", color: "#26a5e4", automatic: true },
      ];
  const labels: LabelDto[] = options.empty
    ? []
    : [
        { id: 1, name: "Promo", color: "#d9534f" },
        { id: 2, name: "New menu", color: "#d4a72c" },
        { id: 3, name: "Behind the scenes", color: "#7b61d1" },
      ];
  const posts: StoredPost[] = [];
  const addPost = (text: string, status: StoredPost["status"], at: string | null, channelIds: number[], labelIds: number[] = []) =>
    posts.push({
      id: nextId++,
      text,
      status,
      at,
      targets: channelIds.map((channelId) => ({ channelId, variantText: null, asThread: false })),
      labelIds,
      deleted: false,
    });
  if (!options.empty) {
    addPost("Fresh sourdough out of the oven at 7! Come early, it goes fast.", "published", `${shiftDate(monthStart, 2)}T07:00`, [1, 2]);
    addPost("Weekend promo: buy 2 croissants, get 1 free 🥐", "scheduled", `${shiftDate(today, 1)}T09:30`, [1, 2, 3], [1]);
    addPost("Meet Bu Sari, who has been shaping our bread for 20 years.", "scheduled", `${shiftDate(today, 3)}T12:00`, [1], [3]);
    addPost('<img src=x onerror=alert(1)> this text must show as typed', "draft", `${shiftDate(today, 3)}T15:00`, [3]);
    addPost("New: pandan chiffon cake, every Friday.", "scheduled", `${shiftDate(today, 6)}T10:00`, [2], [2]);
    addPost("Our oven broke down; posting failed.", "failed", `${shiftDate(monthStart, 4)}T08:00`, [3]);
    addPost("Kue lapis legit for the holidays — order list opens soon", "draft", null, [1], [2]);
    addPost("Ramadan opening hours (to be confirmed)", "draft", null, []);
  }
  // Posts the scheduler holds for a decision (needs_decision), by id.
  const held = new Map<number, string>();
  if (!options.empty) {
    // Due yesterday while the computer was off: waits under "Needs your decision".
    addPost("Good morning! Warm milk bread is ready, pre-order before 8.", "scheduled", `${shiftDate(today, -1)}T07:00`, [3, 1], [1]);
    held.set(nextId - 1, "missed");
    // Bluesky has it; Instagram waits for the person's hand.
    addPost("Roti sobek pandan is back! Link in bio.", "scheduled", `${shiftDate(today, -1)}T11:00`, [3, 1], [2]);
    held.set(nextId - 1, "assisted");
    // Sent to Telegram, and the answer never came.
    addPost("Closed on Sunday for a family wedding. See you Monday!", "scheduled", `${shiftDate(today, -1)}T17:00`, [4]);
    held.set(nextId - 1, "unsure");
  }
  // Bluesky channel 3 starts connected. To see the errors when connecting:
  // app password "wrong" (refused), handle "nokeychain" (no keychain), "offline" (no internet).
  const accounts = new Map<number, AccountDto>();
  if (!options.empty) {
    accounts.set(3, {
      channelId: 3,
      network: "bluesky",
      handle: "rotisari.bsky.social",
      displayName: "Roti Sari",
      avatarUrl: null,
      status: "connected",
      verifiedAt: "2026-11-01T00:00:00Z",
    });
  }
  const autosaves = new Map<string, { body: string; savedAt: string }>();
  /** Each post's tries to publish, oldest first. */
  const publishLogs = new Map<number, AttemptDto[]>();
  for (const [postId, reason] of held) {
    const post = posts.find((p) => p.id === postId);
    const channel = channels.find((c) => c.id === post?.targets[0]?.channelId);
    if (!post || !channel || reason === "missed") continue;
    const at = new Date(Date.now() - 86_400_000).toISOString();
    publishLogs.set(post.id, [
      {
        channelId: channel.id,
        channelName: channel.name,
        startedAt: at,
        finishedAt: reason === "unsure" ? null : at,
        outcome: reason === "unsure" ? "unknown" : "published",
        url: reason === "unsure" ? null : "https://bsky.app/profile/rotisari.bsky.social/post/3kx",
        code: null,
        message: null,
      },
    ]);
  }
  const stored = sessionStorage.getItem("jadwal-mock-autosave");
  if (stored) autosaves.set("editor", JSON.parse(stored) as { body: string; savedAt: string });

  const changed = (change: StoreChangedDto) => {
    setTimeout(() => void emit("store-changed", change), 10);
  };

  const summary = (post: StoredPost): PostSummaryDto => ({
    id: post.id,
    status: post.status,
    start: post.at,
    excerpt: post.text.length > 80 ? `${post.text.slice(0, 79)}…` : post.text,
    channelIds: post.targets.map((t) => t.channelId),
    labelIds: post.labelIds,
  });

  const dto = (post: StoredPost): PostDto => ({
    id: post.id,
    text: post.text,
    status: post.status,
    schedule: post.at ? { local: post.at, utc: `${post.at}:00Z`, timeZone: settings.timeZone } : null,
    targets: post.targets,
    labelIds: post.labelIds,
    editable: post.status !== "published",
    createdAt: "2026-11-01T00:00:00Z",
    updatedAt: "2026-11-01T00:00:00Z",
    onServer: [],
  });

  const find = (id: unknown) => {
    const post = posts.find((p) => p.id === id && !p.deleted);
    return post ?? fail("not_found", "no such post");
  };

  // A crude stand-in for the Bluesky splitter (Rust's splits at sentences and
  // words): fixed-size pieces, enough to look at the preview.
  const threadParts = (text: string, limit: number) => {
    const letters = [...text.trim()];
    const parts: string[] = [];
    for (let i = 0; i < letters.length; i += limit) parts.push(letters.slice(i, i + limit).join(""));
    return parts.length > 0 ? parts : [""];
  };

  const measure = (input: MeasureInput): TextMeasureDto[] =>
    input.targets.flatMap(({ channelId, variantText, asThread }) => {
      const channel = channels.find((c) => c.id === channelId);
      if (!channel) return [];
      const [limit, unit] = LIMITS[channel.network] ?? [null, "characters" as CountUnit];
      const text = variantText ?? input.text;
      const used = count(text, unit);
      const threadable = channel.network === "bluesky";
      const parts = threadable && asThread && limit !== null ? threadParts(text, limit).length : 1;
      const over = limit !== null && used > limit && parts === 1;
      return [{ channelId, network: channel.network, used, limit, unit, over, parts, threadable }];
    });

  const previewThreads = (input: MeasureInput): ThreadPreviewDto[] =>
    input.targets.flatMap(({ channelId, variantText, asThread }) => {
      const channel = channels.find((c) => c.id === channelId);
      if (!channel || channel.network !== "bluesky" || !asThread) return [];
      const parts = threadParts(variantText ?? input.text, 300).map((text) => ({
        text,
        used: count(text, "graphemes"),
        limit: 300,
        unit: "graphemes" as CountUnit,
        over: false,
      }));
      return [{ channelId, parts }];
    });

  const validatePost = (input: PostInput) => {
    if (input.text.trim() === "") fail("empty_text", "the post has no text");
    if (input.status === "scheduled") {
      if (!input.at) fail("schedule_needs_time", "needs a time");
      if (input.targets.length === 0) fail("schedule_needs_channel", "needs a channel");
      const over = measure(input).filter((m) => m.over);
      if (over.length > 0) {
        fail("over_limit", "too long", { channels: over.map((m) => channels.find((c) => c.id === m.channelId)?.name ?? "").join(", ") });
      }
      if (input.at && input.at < nowIn(settings.timeZone)) fail("schedule_in_past", "in the past");
    }
  };

  const adjustmentFor = (at: string | null) =>
    // Pretend 02:30 never exists, to look at the DST notice.
    at?.endsWith("T02:30") ? { kind: "skipped_forward" as const, requested: at, actual: at.replace("T02:30", "T03:30") } : null;

  const checkName = (name: string) => {
    if (name.trim() === "") fail("empty_name", "a name is needed");
    if (name.trim().length > 60) fail("name_too_long", "too long", { max: "60" });
  };

  const appState = (): AppStateDto => ({
    version: "0.1.0-dev",
    dataDir: "/home/sari/.local/share/jadwal",
    workspaceName: options.empty ? "" : "Toko Roti Sari",
    timeZone: settings.timeZone,
    language: settings.language,
    nowLocal: nowIn(settings.timeZone),
    keepRunning: settings.keepRunning,
    gracePeriod: settings.gracePeriod,
  });

  const publishNow = async ({ id }: Record<string, unknown>): Promise<PublishResultDto[]> => {
    const post = find(id);
    if (post.status === "published") fail("not_editable", "published");
    if (post.text.trim() === "") fail("empty_text", "the post has no text");
    if (post.targets.length === 0) fail("schedule_needs_channel", "needs a channel");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const results: PublishResultDto[] = post.targets.flatMap(({ channelId }) => {
      const channel = channels.find((c) => c.id === channelId);
      if (!channel) return [];
      const refused = (code: string, message: string): PublishResultDto => ({
        channelId,
        channelName: channel.name,
        published: false,
        url: null,
        code,
        message,
      });
      if (!channel.automatic) return [refused("assisted_network", `${channel.network} posts go out with your help`)];
      const account = accounts.get(channelId);
      if (!account) return [refused("not_connected", `${channel.name} is not connected to an account yet`)];
      if (account.status !== "connected") return [refused("login_needed", `the login for ${channel.name} stopped working`)];
      const rkey = Math.random().toString(36).slice(2, 15);
      return [
        {
          channelId,
          channelName: channel.name,
          published: true,
          url: `https://bsky.app/profile/${account.handle}/post/${rkey}`,
          code: null,
          message: null,
        },
      ];
    });
    const finishedAt = new Date().toISOString();
    const startedAt = new Date(Date.now() - 1500).toISOString();
    publishLogs.set(post.id, [
      ...(publishLogs.get(post.id) ?? []),
      ...results.map(
        (r): AttemptDto => ({
          channelId: r.channelId,
          channelName: r.channelName,
          startedAt,
          finishedAt,
          outcome: r.published ? "published" : "failed",
          url: r.url,
          code: r.code,
          message: r.message,
        }),
      ),
    ]);
    const status = results.every((r) => r.published) ? "published" : results.some((r) => !r.published) ? "failed" : post.status;
    if (status !== post.status) {
      post.status = status;
      post.at ??= nowIn(settings.timeZone);
      changed({ topics: ["posts"], postIds: [post.id] });
    }
    return results;
  };

  /** A draft copy on the tray (Duplicate, and the pictures moved to a new post); its id. */
  const copyAsDraft = (id: unknown): number => {
    const source = find(id);
    const copy: StoredPost = { ...source, id: nextId++, status: "draft", at: null, targets: source.targets.map((t) => ({ ...t })) };
    posts.push(copy);
    changed({ topics: ["posts"], postIds: [copy.id] });
    return copy.id;
  };

  const connected = (channel: ChannelDto, handle: string, displayName: string | null): AccountDto => {
    const account: AccountDto = {
      channelId: channel.id,
      network: channel.network,
      handle,
      displayName,
      avatarUrl: null,
      status: "connected",
      verifiedAt: new Date().toISOString(),
    };
    accounts.set(channel.id, account);
    changed({ topics: ["accounts"], postIds: [] });
    return account;
  };

  /** Records a channel as published (when given), then releases the hold; published once every channel has it. */
  const settleHeld = (post: StoredPost, channelId: number | null, url: string) => {
    if (channelId !== null) {
      const now = new Date().toISOString();
      const channelName = channels.find((c) => c.id === channelId)?.name ?? `#${channelId}`;
      publishLogs.set(post.id, [
        ...(publishLogs.get(post.id) ?? []),
        { channelId, channelName, startedAt: now, finishedAt: now, outcome: "published", url, code: null, message: null },
      ]);
    }
    held.delete(post.id);
    if (resultsOf(post).every((r) => r.published)) post.status = "published";
    changed({ topics: ["posts"], postIds: [post.id] });
  };

  /** Each channel of a post: published if its last try was, else waiting for the person's hand. */
  const resultsOf = (post: StoredPost): PublishResultDto[] =>
    post.targets.map(({ channelId }) => {
      const channelName = channels.find((c) => c.id === channelId)?.name ?? `#${channelId}`;
      const last = (publishLogs.get(post.id) ?? []).filter((a) => a.channelId === channelId).at(-1);
      return last?.outcome === "published"
        ? { channelId, channelName, published: true, url: last.url, code: null, message: null }
        : { channelId, channelName, published: false, url: null, code: "assisted_network", message: "posts go out with your help" };
    });

  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    app_state: () => {
      if (options.startupError) fail(options.startupError, "the data file could not be opened", { path: "/home/sari/.local/share/jadwal/jadwal.sqlite" });
      return appState();
    },
    update_settings: ({ input }) => {
      const { language, timeZone, keepRunning, gracePeriod } = input as SettingsInput;
      if (language) settings.language = language;
      if (timeZone) settings.timeZone = timeZone;
      if (keepRunning != null) settings.keepRunning = keepRunning;
      if (gracePeriod) settings.gracePeriod = gracePeriod;
      changed({ topics: ["settings"], postIds: [] });
      return appState();
    },
    list_time_zones: () => Intl.supportedValuesOf("timeZone"),
    start_at_login: () => startAtLogin,
    set_start_at_login: ({ enabled }) => {
      startAtLogin = Boolean(enabled);
      return startAtLogin;
    },
    auto_reports: () => autoReports,
    set_auto_reports: ({ settings: next }) => {
      const chosen = next as AutoReportSettings;
      if (chosen.enabled && !chosen.folder) fail("report_folder_not_set", "pick a folder for the automatic reports first");
      autoReports = { ...autoReports, settings: chosen };
      return autoReports;
    },
    // The browser has no folder picker: a folder as a person might pick.
    choose_report_folder: () => "/home/sari/Laporan",
    open_report_folder: () => null,
    calendar_posts: ({ from, to }) =>
      posts.filter((p) => !p.deleted && p.at && p.at.slice(0, 10) >= String(from) && p.at.slice(0, 10) < String(to)).map(summary),
    tray_posts: () => posts.filter((p) => !p.deleted && !p.at).map(summary),
    get_post: ({ id }) => dto(find(id)),
    create_post: ({ input }) => {
      const i = input as PostInput;
      validatePost(i);
      const post: StoredPost = { id: nextId++, text: i.text, status: i.status, at: i.at, targets: i.targets, labelIds: i.labelIds, deleted: false };
      posts.push(post);
      changed({ topics: ["posts"], postIds: [post.id] });
      return { post: dto(post), adjustment: adjustmentFor(i.at) };
    },
    update_post: ({ id, input }) => {
      const post = find(id);
      if (post.status === "published") fail("not_editable", "published");
      const i = input as PostInput;
      validatePost(i);
      Object.assign(post, { text: i.text, status: i.status, at: i.at, targets: i.targets, labelIds: i.labelIds });
      held.delete(post.id);
      changed({ topics: ["posts"], postIds: [post.id] });
      return { post: dto(post), adjustment: adjustmentFor(i.at) };
    },
    reschedule_post: ({ id, at }) => {
      const post = find(id);
      if (post.status === "published") fail("not_editable", "published");
      if (post.status === "scheduled" && String(at) < nowIn(settings.timeZone)) fail("schedule_in_past", "in the past");
      post.at = String(at);
      held.delete(post.id);
      changed({ topics: ["posts"], postIds: [post.id] });
      return { post: dto(post), adjustment: adjustmentFor(post.at) };
    },
    unschedule_post: ({ id }) => {
      const post = find(id);
      post.at = null;
      post.status = "draft";
      held.delete(post.id);
      changed({ topics: ["posts"], postIds: [post.id] });
      return { post: dto(post), adjustment: null };
    },
    duplicate_post: ({ id }) => dto(find(copyAsDraft(id))),
    delete_post: ({ id }) => {
      find(id).deleted = true;
      held.delete(Number(id));
      changed({ topics: ["posts"], postIds: [Number(id)] });
      return null;
    },
    restore_post: ({ id }) => {
      const post = posts.find((p) => p.id === id) ?? fail("not_found", "no such post");
      post.deleted = false;
      changed({ topics: ["posts"], postIds: [post.id] });
      return null;
    },
    measure_text: ({ input }) => measure(input as MeasureInput),
    preview_threads: ({ input }) => previewThreads(input as MeasureInput),
    list_channels: () => channels,
    create_channel: ({ input }) => {
      const i = input as ChannelInput;
      checkName(i.name);
      const channel: ChannelDto = {
        id: nextId++,
        name: i.name.trim(),
        network: i.network,
        color: i.color ?? NETWORK_COLORS[i.network],
        automatic: !ASSISTED.includes(i.network),
      };
      channels.push(channel);
      changed({ topics: ["channels"], postIds: [] });
      return channel;
    },
    update_channel: ({ id, input }) => {
      const i = input as LabelInput;
      checkName(i.name);
      const channel = channels.find((c) => c.id === id) ?? fail("not_found", "no such channel");
      Object.assign(channel, { name: i.name.trim(), color: i.color });
      changed({ topics: ["channels"], postIds: [] });
      return channel;
    },
    delete_channel: ({ id }) => {
      channels.splice(channels.findIndex((c) => c.id === id), 1);
      accounts.delete(Number(id));
      for (const post of posts) post.targets = post.targets.filter((t) => t.channelId !== id);
      changed({ topics: ["channels", "posts", "accounts"], postIds: [] });
      return null;
    },
    list_labels: () => labels,
    create_label: ({ input }) => {
      const i = input as LabelInput;
      checkName(i.name);
      const label: LabelDto = { id: nextId++, name: i.name.trim(), color: i.color };
      labels.push(label);
      changed({ topics: ["labels"], postIds: [] });
      return label;
    },
    update_label: ({ id, input }) => {
      const i = input as LabelInput;
      checkName(i.name);
      const label = labels.find((l) => l.id === id) ?? fail("not_found", "no such label");
      Object.assign(label, { name: i.name.trim(), color: i.color });
      changed({ topics: ["labels"], postIds: [] });
      return label;
    },
    delete_label: ({ id }) => {
      labels.splice(labels.findIndex((l) => l.id === id), 1);
      for (const post of posts) post.labelIds = post.labelIds.filter((l) => l !== id);
      changed({ topics: ["labels", "posts"], postIds: [] });
      return null;
    },
    list_accounts: () => [...accounts.values()],
    connect_bluesky: async ({ input }) => {
      const i = input as ConnectBlueskyInput;
      const channel = channels.find((c) => c.id === i.channelId) ?? fail("not_found", "no such channel");
      if (channel.network !== "bluesky") fail("wrong_network", "this way of connecting is for Bluesky");
      // A real login takes a moment.
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const identifier = i.identifier.trim().replace(/^@/, "");
      if (identifier === "offline") fail("unreachable", "could not connect to bsky.social");
      if (identifier === "nokeychain") fail("keychain_missing", "Jadwal found no keychain to keep passwords in");
      if (!identifier.includes(".") && !identifier.includes("@")) fail("invalid_handle", `“${identifier}” is not a Bluesky handle`);
      if (i.service && !i.service.startsWith("https://")) fail("insecure_url", "HTTPS only");
      if (i.appPassword.trim() === "wrong") fail("wrong_password", "Bluesky did not accept this handle and app password");
      const handle = identifier.includes("@") ? `${identifier.split("@")[0]}.bsky.social` : identifier;
      return connected(channel, handle, null);
    },
    disconnect_account: ({ channelId }) => {
      accounts.delete(Number(channelId));
      changed({ topics: ["accounts"], postIds: [] });
      return null;
    },
    publish_now: (args) => publishNow(args),
    publish_log: ({ id }) => publishLogs.get(find(id).id) ?? [],
    needs_decision: (): HeldPostsDto => {
      const list: HeldPostDto[] = [...held].flatMap(([id, reason]) => {
        const post = posts.find((p) => p.id === id && !p.deleted);
        return post ? [{ post: summary(post), reason }] : [];
      });
      return { posts: list, total: list.length };
    },
    publish_held_now: async (args) => {
      const post = find(args.id);
      if (!held.has(post.id)) fail("invalid_transition", "this post is not waiting for a decision");
      const results = await publishNow(args);
      held.delete(post.id);
      changed({ topics: ["posts"], postIds: [post.id] });
      return results;
    },
    skip_post: ({ id }) => {
      const post = find(id);
      held.delete(post.id);
      post.status = "draft";
      changed({ topics: ["posts"], postIds: [post.id] });
      return null;
    },
    // --- Telegram and webhook accounts; the person's word on held posts ---
    // Bot token "wrong" is refused; chat "@nobody" is not found.
    // The real one writes the renditions to a folder and opens it.
    show_pictures_for_posting: () => 1,
    // The real one opens the server's sign-in page and waits for approval.
    connect_mastodon: async ({ input }) => {
      const i = input as ConnectMastodonInput;
      const channel = channels.find((c) => c.id === i.channelId) ?? fail("not_found", "no such channel");
      if (channel.network !== "mastodon") fail("wrong_network", "this way of connecting is for Mastodon");
      await new Promise((resolve) => setTimeout(resolve, 1500));
      if (i.instance.includes("example")) fail("not_mastodon", `${i.instance} does not look like a Mastodon server`);
      return connected(channel, `roti@${i.instance.trim()}`, "Roti Sari");
    },
    // The code way: any code but "wrong" connects.
    start_mastodon_code_sign_in: ({ input }) => {
      const i = input as ConnectMastodonInput;
      const host = i.instance.trim();
      return { channelId: i.channelId, authorizeUrl: `https://${host}/oauth/authorize?redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob`, browserOpened: false };
    },
    finish_mastodon_code_sign_in: ({ input }) => {
      const i = input as { channelId: number; code: string };
      const channel = channels.find((c) => c.id === i.channelId) ?? fail("not_found", "no such channel");
      if (i.code.includes("wrong")) fail("authorization_failed", "invalid_grant", { reason: "invalid_grant" });
      return connected(channel, "roti@mastodon.social", "Roti Sari");
    },
    cancel_mastodon_code_sign_in: () => null,
    connect_telegram: async ({ input }) => {
      const i = input as ConnectTelegramInput;
      const channel = channels.find((c) => c.id === i.channelId) ?? fail("not_found", "no such channel");
      if (channel.network !== "telegram") fail("wrong_network", "this way of connecting is for Telegram");
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if (!/^\d+:[\w-]+$/.test(i.botToken.trim()) || i.botToken.includes("wrong")) fail("bad_credentials", "Telegram did not accept the bot token");
      if (i.chat.trim() === "@nobody") fail("chat_not_found", `Telegram cannot find the channel ${i.chat}`);
      return connected(channel, i.chat.trim(), "Roti Sari");
    },
    // Any https:// address and a secret connect; nothing is sent.
    connect_webhook: ({ input }) => {
      const i = input as ConnectWebhookInput;
      const channel = channels.find((c) => c.id === i.channelId) ?? fail("not_found", "no such channel");
      if (channel.network !== "webhook") fail("wrong_network", "this way of connecting is for webhooks");
      if (!i.url.trim().startsWith("https://")) fail("insecure_url", "HTTPS only");
      if (i.secret.trim() === "") fail("bad_credentials", "the shared secret is empty");
      return connected(channel, new URL(i.url.trim()).host, null);
    },
    mark_posted: ({ id, channelId, url }) => {
      const post = find(id);
      const link = typeof url === "string" ? url.trim() : "";
      if (link && !/^https?:\/\//.test(link)) fail("not_a_web_address", `${link} is not a web address`, { value: link });
      settleHeld(post, Number(channelId), link);
      return resultsOf(post);
    },
    confirm_outcome: ({ id, arrived }) => {
      const post = find(id);
      for (const attempt of publishLogs.get(post.id) ?? []) {
        if (attempt.outcome !== "unknown") continue;
        attempt.finishedAt = new Date().toISOString();
        attempt.outcome = arrived ? "published" : "failed";
        if (!arrived) attempt.code = "not_arrived";
        // Sent again: this time the answer comes.
        if (!arrived) settleHeld(post, attempt.channelId, `https://t.me/rotisari/${post.id}`);
      }
      settleHeld(post, null, "");
      return resultsOf(post);
    },
    save_autosave: ({ slot, body }) => {
      const entry = { body: String(body), savedAt: new Date().toISOString() };
      autosaves.set(String(slot), entry);
      sessionStorage.setItem("jadwal-mock-autosave", JSON.stringify(entry));
      return null;
    },
    load_autosave: ({ slot }) => autosaves.get(String(slot)) ?? null,
    clear_autosave: ({ slot }) => {
      autosaves.delete(String(slot));
      sessionStorage.removeItem("jadwal-mock-autosave");
      return null;
    },
    open_link: ({ url }) => {
      if (!/^https?:\/\//.test(String(url))) fail("link_not_web", "Only web addresses can be opened.");
      window.open(String(url), "_blank", "noopener");
      return null;
    },
    ...mediaHandlers({
      post: (id) => {
        const post = find(id);
        return {
          id: post.id,
          text: post.text,
          channels: post.targets.flatMap((t) => channels.find((c) => c.id === t.channelId) ?? []),
        };
      },
      livePostIds: () => posts.filter((p) => !p.deleted).map((p) => p.id),
      copyAsDraft,
      changed,
      fail,
    }),
  };

  mockWindows("main");
  mockIPC(
    async (cmd, payload) => {
      const handler = handlers[cmd];
      if (!handler) fail("internal", `the mock has no command ${cmd}`);
      // A little latency, like a real IPC round trip.
      await new Promise((resolve) => setTimeout(resolve, 15));
      return handler((payload ?? {}) as Record<string, unknown>);
    },
    { shouldMockEvents: true },
  );
}
