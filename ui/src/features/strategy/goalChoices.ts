import type { GoalKind, GoalMeasure } from "../../ipc";

export const GOAL_KINDS: readonly GoalKind[] = ["awareness", "engagement", "traffic", "leads", "community", "customer_service"];

/** The guides' KPIs, by the same names as `Kpi::as_str` in Rust. */
export const KPI_MEASURES: readonly GoalMeasure[] = [
  "engagement_rate",
  "amplification_rate",
  "audience_growth_rate",
  "conversation_rate",
  "click_through_rate",
  "conversion_rate",
  "cost_per_click",
  "cost_per_mille",
  "return_on_ad_spend",
];

/** Plain counts a small shop reads off a network's own page. */
export const COUNT_MEASURES: readonly GoalMeasure[] = [
  "followers",
  "likes",
  "comments",
  "shares",
  "clicks",
  "impressions",
  "reach",
  "conversions",
  "posts",
];

/** The measure that suits a kind of goal best, offered first. */
export const SUGGESTED_MEASURE: Record<GoalKind, GoalMeasure> = {
  awareness: "audience_growth_rate",
  engagement: "engagement_rate",
  traffic: "click_through_rate",
  leads: "conversion_rate",
  community: "conversation_rate",
  customer_service: "comments",
};
