import {
  addMinutes,
  calendarRangeToDates,
  calendarToLocalDate,
  calendarToWallTime,
  isWallTime,
  joinWallTime,
  nowInZone,
  splitWallTime,
  wallTimeToCalendar,
} from "./wallTime";

describe("wall time <-> FullCalendar", () => {
  it("hands FullCalendar the wall time as a UTC instant", () => {
    expect(wallTimeToCalendar("2026-11-23T09:30")).toBe("2026-11-23T09:30:00Z");
  });

  it("reads a FullCalendar date back as the same wall time", () => {
    const date = new Date(wallTimeToCalendar("2026-11-23T09:30"));
    expect(calendarToWallTime(date)).toBe("2026-11-23T09:30");
    expect(calendarToLocalDate(date)).toBe("2026-11-23");
  });

  it("keeps wall times that do not exist in the computer's zone", () => {
    // 02:30 on 8 March 2026 does not exist in New York; FullCalendar must
    // still show and return it untouched, Rust decides what it means.
    const wall = "2026-03-08T02:30";
    expect(calendarToWallTime(new Date(wallTimeToCalendar(wall)))).toBe(wall);
  });

  it("round-trips every quarter hour of a day", () => {
    for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
      const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
      const mm = String(minutes % 60).padStart(2, "0");
      const wall = `2026-10-25T${hh}:${mm}`;
      expect(calendarToWallTime(new Date(wallTimeToCalendar(wall)))).toBe(wall);
    }
  });

  it("drops seconds and refuses what is not a wall time", () => {
    expect(wallTimeToCalendar("2026-11-23T09:30:45")).toBe("2026-11-23T09:30:00Z");
    expect(() => wallTimeToCalendar("2026-02-30T09:30")).toThrow(RangeError);
    expect(() => wallTimeToCalendar("tomorrow")).toThrow(RangeError);
    expect(isWallTime("2026-11-23T24:00")).toBe(false);
    expect(isWallTime("2026-11-23T23:59")).toBe(true);
  });

  it("turns the visible range into calendar_posts' dates, end exclusive", () => {
    const range = calendarRangeToDates(
      new Date("2026-10-25T00:00:00Z"),
      new Date("2026-12-06T00:00:00Z"),
    );
    expect(range).toEqual({ from: "2026-10-25", to: "2026-12-06" });
  });

  it("splits and joins the editor's date and time", () => {
    expect(splitWallTime("2026-11-23T09:30")).toEqual({ date: "2026-11-23", time: "09:30" });
    expect(joinWallTime("2026-11-23", "09:30")).toBe("2026-11-23T09:30");
    expect(joinWallTime("2026-11-23", "")).toBeNull();
    expect(joinWallTime("", "09:30")).toBeNull();
    expect(joinWallTime("2026-13-01", "09:30")).toBeNull();
  });
});

describe("now in the workspace's zone", () => {
  const instant = new Date("2026-11-23T23:30:00Z");

  it("is the wall time of that zone, not of the computer", () => {
    expect(nowInZone("Asia/Jakarta", instant)).toBe("2026-11-24T06:30");
    expect(nowInZone("America/New_York", instant)).toBe("2026-11-23T18:30");
    expect(nowInZone("UTC", instant)).toBe("2026-11-23T23:30");
  });

  it("uses 00 for midnight, never 24", () => {
    expect(nowInZone("UTC", new Date("2026-11-24T00:05:00Z"))).toBe("2026-11-24T00:05");
  });
});

describe("clock arithmetic", () => {
  it("adds minutes, rolling over midnight and the month", () => {
    expect(addMinutes("2026-11-24T09:30", 60)).toBe("2026-11-24T10:30");
    expect(addMinutes("2026-11-30T23:30", 60)).toBe("2026-12-01T00:30");
  });
});
