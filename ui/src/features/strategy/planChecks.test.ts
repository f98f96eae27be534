import { goalProblems, parseNumber, rhythmProblems, shareProblems, textProblems } from "./planChecks";

const keys = (problems: { key: string }[]) => problems.map((p) => p.key);

describe("plan checks", () => {
  it("reads numbers typed with a comma or a point", () => {
    expect(parseNumber("4,5")).toBe(4.5);
    expect(parseNumber(" 12 ")).toBe(12);
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("banyak")).toBeNull();
  });

  it("wants a target above zero and a period that does not end before it starts", () => {
    expect(goalProblems({ target: "0", starts: "2026-12-01", ends: "2026-12-31" }).map((p) => p.key)).toEqual([
      "strategy.check.targetPositive",
    ]);
    expect(keys(goalProblems({ target: "-2", starts: "", ends: "" }))).toEqual([
      "strategy.check.targetPositive",
      "strategy.check.periodNeeded",
    ]);
    expect(keys(goalProblems({ target: "5", starts: "2026-12-31", ends: "2026-12-01" }))).toEqual([
      "strategy.check.endBeforeStart",
    ]);
    expect(goalProblems({ target: "5", starts: "2026-12-01", ends: "2026-12-01" })).toEqual([]);
  });

  it("keeps a share whole, between 1 and 100, and the total at 100 or less", () => {
    expect(shareProblems("40", 60)).toEqual([]);
    expect(shareProblems("41", 60)).toEqual([{ key: "strategy.check.sharesOver", values: { total: 101 } }]);
    expect(keys(shareProblems("0", 0))).toEqual(["strategy.check.shareRange"]);
    expect(keys(shareProblems("12.5", 0))).toEqual(["strategy.check.shareRange"]);
  });

  it("takes 0 to 70 posts a week and refuses blank notes", () => {
    expect(rhythmProblems("0")).toEqual([]);
    expect(rhythmProblems("70")).toEqual([]);
    expect(keys(rhythmProblems("71"))).toEqual(["strategy.check.rhythmRange"]);
    expect(keys(rhythmProblems("2.5"))).toEqual(["strategy.check.rhythmRange"]);
    expect(keys(textProblems("   "))).toEqual(["strategy.check.textNeeded"]);
    expect(textProblems("Roti segar")).toEqual([]);
  });
});
