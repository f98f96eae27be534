import type { CampaignCsvMappingInput } from "../../ipc";
import { fieldOf, mappingBlocker, withField } from "./campaignCsvMapping";

const BASE: CampaignCsvMappingInput = {
  columns: [
    { column: 0, field: "name" },
    { column: 2, field: "spend" },
  ],
  dayFirst: true,
  decimalComma: false,
  createMissing: false,
  channelId: null,
  skipBadRows: false,
};

describe("the campaign CSV mapping", () => {
  it("moves a meaning to the column it is given, leaving the old column with none", () => {
    const moved = withField(BASE, 3, "spend");
    expect(fieldOf(moved, 3)).toBe("spend");
    expect(fieldOf(moved, 2)).toBe("");
    expect(moved.columns.map((c) => c.column)).toEqual([0, 3]);
    expect(fieldOf(withField(moved, 0, ""), 0)).toBe("");
  });

  it("says what is missing before the mapping is sent", () => {
    expect(mappingBlocker(BASE)).toBeNull();
    expect(mappingBlocker(withField(BASE, 0, ""))).toBe("needName");
    expect(mappingBlocker(withField(BASE, 2, ""))).toBe("needResult");
    expect(mappingBlocker({ ...BASE, columns: [...BASE.columns, { column: 4, field: "name" }] })).toBe("twice");
    expect(mappingBlocker({ ...BASE, createMissing: true })).toBe("needDates");
    expect(mappingBlocker(withField({ ...BASE, createMissing: true }, 5, "ends"))).toBeNull();
  });
});
