import type { Metric, PostSummaryDto } from "../../ipc";

/** What a person can type in for a post, and for the account behind a channel. */
export const POST_METRICS: readonly Metric[] = ["likes", "reposts", "replies", "impressions", "reach", "clicks", "saves", "conversions"];
export const ACCOUNT_METRICS: readonly Metric[] = ["followers", "impressions", "reach", "clicks", "conversions", "spend", "revenue"];

export interface PostTarget {
  postId: number;
  channelId: number;
  label: string;
}

/** Each channel of each published post in view, for the "which post" picker. */
export function publishedTargets(posts: readonly PostSummaryDto[], channelName: (id: number) => string): PostTarget[] {
  return posts
    .filter((p) => p.status === "published")
    .flatMap((p) =>
      p.channelIds.map((channelId) => ({
        postId: p.id,
        channelId,
        label: `${(p.start ?? "").slice(0, 10)} · ${channelName(channelId)} · ${p.excerpt}`,
      })),
    );
}

/** A typed figure is a finite number not below zero; counts are whole. */
export function parseFigure(text: string, metric: Metric): number | null {
  const cleaned = text.trim().replace(/\s/g, "");
  if (!/^\d+([.,]\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned.replace(",", "."));
  if (!Number.isFinite(value)) return null;
  const whole = metric !== "spend" && metric !== "revenue" && metric !== "bounce_rate";
  return whole && !Number.isInteger(value) ? null : value;
}
