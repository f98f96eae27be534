import { describe, expect, it } from "vitest";

import type { ChannelTrend } from "../../ipc";
import { channelLines, hasFigures, heatCells, heatShade, pillarBars } from "./chartData";

const channel = (name: string, days: [string, number | null][]): ChannelTrend => ({
  channelId: 1,
  name,
  network: "bluesky",
  color: "#1185fe",
  posts: 3,
  days: days.map(([day, followers]) => ({ day, followers, engagements: null })),
});

describe("dashboard chart data", () => {
  it("lines share one axis of days and leave unknown days as gaps", () => {
    const { labels, series } = channelLines(
      [channel("Bluesky", [["2026-11-02", 10], ["2026-11-01", 8]]), channel("Mastodon", [["2026-11-03", null]])],
      (d) => d.followers,
    );
    expect(labels).toEqual(["2026-11-01", "2026-11-02", "2026-11-03"]);
    expect(series[0]?.data).toEqual([8, 10, null]);
    expect(series[1]?.data).toEqual([null, null, null]);
  });

  it("knows when there is nothing to draw", () => {
    expect(hasFigures([channel("Bluesky", [["2026-11-01", null]])], (d) => d.followers)).toBe(false);
    expect(hasFigures([channel("Bluesky", [["2026-11-01", 0]])], (d) => d.followers)).toBe(true);
  });

  it("lays the heatmap out as weekday rows and hour columns", () => {
    const cells = Array.from({ length: 7 }, (_, day) => Array.from({ length: 24 }, (_, hour) => (day === 1 && hour === 19 ? 12 : null)));
    const posts = Array.from({ length: 7 }, (_, day) => Array.from({ length: 24 }, (_, hour) => (day === 1 && hour === 19 ? 2 : 0)));
    const heat = heatCells({ cells, posts, suggestions: [[1, 19]] });
    expect(heat).toHaveLength(168);
    expect(heat.find((c) => c.value !== null)).toEqual({ x: 19, y: 1, value: 12, posts: 2 });
    expect(heatShade(12, 12)).toBe(1);
    expect(heatShade(null, 12)).toBeNull();
    expect(heatShade(3, 0)).toBe(0);
  });

  it("keeps a pillar without a plan as null, not 0 %", () => {
    const bars = pillarBars([
      { name: "Education", color: "#2e7d32", targetShare: 40, actualShare: 25, posts: 3 },
      { name: "Other", color: "#999999", targetShare: null, actualShare: null, posts: 0 },
    ]);
    expect(bars.planned).toEqual([40, null]);
    expect(bars.actual).toEqual([25, null]);
  });
});
