import { hourRanges } from "./hourRanges";

describe("hourRanges", () => {
  it("joins neighbouring hours into ranges that end at the next hour", () => {
    expect(hourRanges([20, 6, 7, 8])).toBe("06–09, 20–21");
    expect(hourRanges([23])).toBe("23–24");
    expect(hourRanges([])).toBe("");
  });
});
