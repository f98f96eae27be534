import { searchZones, zoneOffset } from "./zoneLabel";

const zones = ["America/New_York", "Asia/Jakarta", "Asia/Jayapura", "Europe/Amsterdam", "UTC"];

describe("time zone search", () => {
  it("finds zones by any part of the name, spaces for underscores", () => {
    expect(searchZones(zones, "jak")).toEqual(["Asia/Jakarta"]);
    expect(searchZones(zones, "new york")).toEqual(["America/New_York"]);
    expect(searchZones(zones, "asia/ja")).toEqual(["Asia/Jakarta", "Asia/Jayapura"]);
    expect(searchZones(zones, "  ")).toEqual(zones);
  });

  it("shows the offset, and nothing for an unknown zone", () => {
    expect(zoneOffset("Asia/Jakarta", new Date("2026-11-23T00:00:00Z"))).toBe("GMT+7");
    expect(zoneOffset("Not/AZone")).toBe("");
  });
});
