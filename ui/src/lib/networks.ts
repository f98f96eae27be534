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
