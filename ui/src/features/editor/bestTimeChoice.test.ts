import { describe, expect, it } from "vitest";

import { hourTime, nextDateOn } from "./bestTimeChoice";

describe("best time choices", () => {
  // 2026-11-25 is a Wednesday.
  it("keeps the chosen day when it is already that weekday, else the next one", () => {
    expect(nextDateOn("2026-11-25", 2)).toBe("2026-11-25");
    expect(nextDateOn("2026-11-25", 0)).toBe("2026-11-30");
    expect(nextDateOn("2026-12-30", 4)).toBe("2027-01-01");
  });

  it("writes the hour as a time field wants it", () => {
    expect(hourTime(7)).toBe("07:00");
    expect(hourTime(19)).toBe("19:00");
  });
});
