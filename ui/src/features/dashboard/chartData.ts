/**
 * Turns the Rust side's figures into Chart.js datasets. Pure, so the shape of
 * each chart is tested without a canvas. Unknown figures stay null (a gap in
 * a line), never zero.
 */
import type { BestTimes, ChannelTrend, DayFigure, PillarShare } from "../../ipc";

export interface LineSeries {
  label: string;
  color: string;
  data: (number | null)[];
}

/** One line per channel over the days of the range; `labels` are the days. */
export function channelLines(
  channels: readonly ChannelTrend[],
  pick: (day: DayFigure) => number | null,
): { labels: string[]; series: LineSeries[] } {
  const labels = [...new Set(channels.flatMap((c) => c.days.map((d) => d.day)))].sort();
  const series = channels.map((channel) => {
    const byDay = new Map(channel.days.map((d) => [d.day, pick(d)]));
    return { label: channel.name, color: channel.color, data: labels.map((day) => byDay.get(day) ?? null) };
  });
  return { labels, series };
}

/** Whether any channel has the figure on any day (otherwise the chart says "no figures"). */
export function hasFigures(channels: readonly ChannelTrend[], pick: (day: DayFigure) => number | null): boolean {
  return channels.some((c) => c.days.some((d) => pick(d) !== null));
}

export interface HeatCell {
  /** Hour 0–23. */
  x: number;
  /** Weekday, 0 = Monday. */
  y: number;
  value: number | null;
  posts: number;
}

/** Every weekday × hour cell, with its average and how many posts it holds. */
export function heatCells(best: BestTimes): HeatCell[] {
  const cells: HeatCell[] = [];
  best.cells.forEach((row, y) =>
    row.forEach((value, x) => cells.push({ x, y, value, posts: best.posts[y]?.[x] ?? 0 })),
  );
  return cells;
}

/** 0 for the palest cell, 1 for the best slot; empty cells have no shade. */
export function heatShade(value: number | null, top: number): number | null {
  if (value === null) return null;
  return top > 0 ? Math.min(1, Math.max(0, value / top)) : 0;
}

/** Actual and planned share per pillar, for a grouped bar chart. */
export function pillarBars(pillars: readonly PillarShare[]) {
  return {
    labels: pillars.map((p) => p.name),
    actual: pillars.map((p) => p.actualShare),
    planned: pillars.map((p) => p.targetShare),
    colors: pillars.map((p) => p.color),
  };
}
