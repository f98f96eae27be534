import type { MeasureInput } from "../ipc";

/**
 * Every TanStack Query key in one place. Keys are nested so one prefix
 * (`["posts"]`) refreshes the calendar and the tray together.
 */
export const queryKeys = {
  appState: ["appState"] as const,
  timeZones: ["timeZones"] as const,
  /** The operating system's login item, read through Rust. */
  startAtLogin: ["startAtLogin"] as const,
  /** Automatic reports' settings and last outcome (a settings change refreshes them). */
  autoReports: ["autoReports"] as const,
  channels: ["channels"] as const,
  labels: ["labels"] as const,
  accounts: ["accounts"] as const,
  posts: ["posts"] as const,
  calendar: (from: string, to: string) => ["posts", "calendar", from, to] as const,
  tray: ["posts", "tray"] as const,
  /** Under "posts": whatever changes posts may change what waits for a decision. */
  held: ["posts", "held"] as const,
  /** Under "posts": every publishing try changes what waits for the internet. */
  publishingStatus: ["posts", "publishingStatus"] as const,
  /** Under "posts": publishing (and store-changed "posts") adds to a post's log. */
  publishLog: (id: number) => ["posts", "publishLog", id] as const,
  /** Under "posts": a post's first picture follows its pictures, which change with the post. */
  postThumbnails: (postIds: readonly number[]) => ["posts", "thumbnails", postIds] as const,
  postRoot: ["post"] as const,
  post: (id: number) => ["post", id] as const,
  /** Under "post": a write to the post (its pictures included) refreshes them. */
  postMedia: (id: number) => ["post", id, "media"] as const,
  postMediaChecks: (id: number) => ["post", id, "mediaChecks"] as const,
  /** Under "posts": the library lists the posts each picture is on. */
  mediaLibraryRoot: ["posts", "mediaLibrary"] as const,
  mediaLibrary: (query: string) => ["posts", "mediaLibrary", query] as const,
  /** Thumbnails never change: a picture's id is the hash of its bytes. */
  mediaThumbnails: (hashes: readonly string[]) => ["mediaThumbnails", hashes] as const,
  mediaCrops: (hash: string, focalX: number, focalY: number) => ["mediaCrops", hash, focalX, focalY] as const,
  /** Fixed for the app's life: the picture rules ship with it. */
  networkPresets: ["networkPresets"] as const,
  /** Under "posts": a published, moved or relabelled post changes the figures. */
  insightsRoot: ["posts", "insights"] as const,
  insights: (first: string, last: string) => ["posts", "insights", first, last] as const,
  /** Under "posts" and "insights": new posts and new figures move the best times. */
  bestTimes: ["posts", "insights", "bestTimes"] as const,
  /** The workspace's plan (SWOT, goals, personas, pillars, rhythm). */
  strategy: ["strategy"] as const,
  /** Under "strategy": campaigns and partners are written with the plan's change event. */
  paid: ["strategy", "paid"] as const,
  /** Under "posts": the plan's gaps follow the posts as well as the plan. */
  planGapsRoot: ["posts", "planGaps"] as const,
  planGaps: (from: string, to: string) => ["posts", "planGaps", from, to] as const,
  /** Figures (likes, followers, …): every fetch, entry or import refreshes them all. */
  metricsRoot: ["metrics"] as const,
  targetMetrics: (postId: number, channelId: number) => ["metrics", "target", postId, channelId] as const,
  measureRoot: ["measure"] as const,
  measure: (input: MeasureInput) => ["measure", input] as const,
  /** Under "measure": the same input, split into the threads it goes out as. */
  threadPreview: (input: MeasureInput) => ["measure", "threads", input] as const,
};
