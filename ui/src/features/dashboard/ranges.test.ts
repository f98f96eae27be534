import { describe, expect, it } from "vitest";

import { isValidRange, rangeFor } from "./ranges";

describe("report ranges", () => {
  // 2026-11-25 is a Wednesday.
  const today = "2026-11-25";

  it("counts weeks from Monday", () => {
    expect(rangeFor("thisWeek", today)).toEqual({ first: "2026-11-23", last: "2026-11-29" });
    expect(rangeFor("lastWeek", today)).toEqual({ first: "2026-11-16", last: "2026-11-22" });
    expect(rangeFor("thisWeek", "2026-11-29")).toEqual({ first: "2026-11-23", last: "2026-11-29" });
  });

  it("takes whole months, across a year's end and a leap February", () => {
    expect(rangeFor("thisMonth", today)).toEqual({ first: "2026-11-01", last: "2026-11-30" });
    expect(rangeFor("lastMonth", "2027-01-10")).toEqual({ first: "2026-12-01", last: "2026-12-31" });
    expect(rangeFor("thisMonth", "2028-02-10")).toEqual({ first: "2028-02-01", last: "2028-02-29" });
  });

  it("counts 90 days with today", () => {
    expect(rangeFor("last90Days", today)).toEqual({ first: "2026-08-28", last: today });
  });

  it("refuses impossible or reversed ranges", () => {
    expect(isValidRange({ first: "2026-02-30", last: "2026-03-01" })).toBe(false);
    expect(isValidRange({ first: "2026-03-02", last: "2026-03-01" })).toBe(false);
    expect(isValidRange({ first: "2026-03-01", last: "2026-03-01" })).toBe(true);
  });
});
