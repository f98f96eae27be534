import { describe, expect, it } from "vitest";

import { parseFigure, publishedTargets } from "./figureChoices";

describe("typing in figures", () => {
  it("offers each channel of each published post, not drafts or scheduled ones", () => {
    const targets = publishedTargets(
      [
        { id: 1, status: "published", start: "2026-11-02T07:00", excerpt: "Roti sobek", channelIds: [3, 4], labelIds: [] },
        { id: 2, status: "scheduled", start: "2026-11-30T07:00", excerpt: "Later", channelIds: [3], labelIds: [] },
      ],
      (id) => (id === 3 ? "Instagram" : "Facebook"),
    );
    expect(targets).toEqual([
      { postId: 1, channelId: 3, label: "2026-11-02 · Instagram · Roti sobek" },
      { postId: 1, channelId: 4, label: "2026-11-02 · Facebook · Roti sobek" },
    ]);
  });

  it("takes whole counts and decimal amounts, with a comma or a point", () => {
    expect(parseFigure("120", "likes")).toBe(120);
    expect(parseFigure(" 1 200 ", "followers")).toBe(1200);
    expect(parseFigure("12,5", "likes")).toBeNull();
    expect(parseFigure("12,5", "spend")).toBe(12.5);
    expect(parseFigure("-3", "likes")).toBeNull();
    expect(parseFigure("banyak", "likes")).toBeNull();
  });
});
