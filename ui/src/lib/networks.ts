import type { Network } from "../ipc";

/** Every network Jadwal knows, in the order the "add a channel" list shows them. */
export const NETWORKS: readonly Network[] = [
  "instagram",
  "facebook",
  "tiktok",
  "x",
  "threads",
  "bluesky",
  "mastodon",
  "linkedin",
  "pinterest",
  "telegram",
  "google_business",
  "webhook",
];

/** How a channel's account is connected today. */
export type AccountSupport =
  /** Jadwal logs in and posts by itself (Bluesky, Mastodon, Telegram, webhook). */
  | "connect"
  /** Automatic in time, but connecting is not built yet (X, Threads, …). */
  | "later"
  /** Jadwal reminds and copies the text; a person posts (Instagram, Facebook, …). */
  | "assisted";

const CONNECTABLE: readonly Network[] = ["bluesky", "mastodon", "telegram", "webhook"];

/** Rust's `automatic` decides assisted networks, so the two sides never disagree. */
export function accountSupport(channel: { network: Network; automatic: boolean }): AccountSupport {
  if (!channel.automatic) return "assisted";
  return CONNECTABLE.includes(channel.network) ? "connect" : "later";
}

/** Where a person posts by hand on each network that has no open posting. */
const POSTING_PAGES: Partial<Record<Network, string>> = {
  instagram: "https://www.instagram.com/",
  facebook: "https://www.facebook.com/",
  linkedin: "https://www.linkedin.com/feed/",
  tiktok: "https://www.tiktok.com/upload",
  threads: "https://www.threads.net/",
  x: "https://x.com/compose/post",
  pinterest: "https://www.pinterest.com/pin-creation-tool/",
  google_business: "https://business.google.com/",
};

/** The network's own page to post on, for assisted networks. */
export function postingPage(network: Network): string | null {
  return POSTING_PAGES[network] ?? null;
}
