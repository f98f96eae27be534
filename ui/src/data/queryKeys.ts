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
  channels: ["channels"] as const,
  labels: ["labels"] as const,
  accounts: ["accounts"] as const,
  posts: ["posts"] as const,
  calendar: (from: string, to: string) => ["posts", "calendar", from, to] as const,
  tray: ["posts", "tray"] as const,
  /** Under "posts": whatever changes posts may change what waits for a decision. */
  held: ["posts", "held"] as const,
  /** Under "posts": publishing (and store-changed "posts") adds to a post's log. */
  publishLog: (id: number) => ["posts", "publishLog", id] as const,
  postRoot: ["post"] as const,
  post: (id: number) => ["post", id] as const,
  measureRoot: ["measure"] as const,
  measure: (input: MeasureInput) => ["measure", input] as const,
};
