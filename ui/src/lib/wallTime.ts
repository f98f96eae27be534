/**
 * Wall times and FullCalendar, in one place.
 *
 * Rust speaks in wall times of the WORKSPACE's zone (`2026-11-23T09:30`), which
 * may differ from the computer's zone. FullCalendar is given `timeZone: "UTC"`
 * and every wall time is handed over as if it were a UTC instant. UTC has no
 * DST, so FullCalendar never shifts, drops or doubles an hour, and whatever it
 * hands back (a drop, a click, a visible range) reads back as the same wall
 * time with `toISOString()`. The real instant is Rust's business.
 */

/** `YYYY-MM-DDTHH:MM`: what Rust sends and accepts. */
export type WallTime = string;
/** `YYYY-MM-DD`. */
export type LocalDate = string;

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_OF_DAY = /^\d{2}:\d{2}$/;

/** Whether `value` is a wall time Rust would accept (seconds are tolerated). */
export function isWallTime(value: string): boolean {
  const m = WALL_TIME.exec(value);
  if (!m) return false;
  const date = new Date(`${value.slice(0, 16)}:00Z`);
  // Rejects 2026-02-30 and 25:00, which the regex lets through.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 16) === value.slice(0, 16);
}

/** The ISO string FullCalendar should see for a wall time (`...:00Z`). */
export function wallTimeToCalendar(wall: WallTime): string {
  if (!isWallTime(wall)) throw new RangeError(`not a wall time: ${wall}`);
  return `${wall.slice(0, 16)}:00Z`;
}

/** The wall time a FullCalendar date (a drop, a click) stands for. */
export function calendarToWallTime(date: Date): WallTime {
  return date.toISOString().slice(0, 16);
}

/** The local date a FullCalendar date stands for (range edges, all-day clicks). */
export function calendarToLocalDate(date: Date): LocalDate {
  return date.toISOString().slice(0, 10);
}

/** A Date usable with `Intl.DateTimeFormat({ timeZone: "UTC" })` to print a wall time. */
export function wallTimeAsUtcDate(wall: WallTime): Date {
  return new Date(wallTimeToCalendar(wall));
}

export function splitWallTime(wall: WallTime): { date: LocalDate; time: string } {
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}

/** Joins an `<input type=date>` and an `<input type=time>` value; null when either is missing or bad. */
export function joinWallTime(date: string, time: string): WallTime | null {
  if (!LOCAL_DATE.test(date) || !TIME_OF_DAY.test(time)) return null;
  const wall = `${date}T${time}`;
  return isWallTime(wall) ? wall : null;
}

/**
 * The visible range FullCalendar reports, as the `{ from, to }` that
 * `calendar_posts` takes (local dates, `to` exclusive, like FullCalendar's end).
 */
export function calendarRangeToDates(start: Date, end: Date): { from: LocalDate; to: LocalDate } {
  return { from: calendarToLocalDate(start), to: calendarToLocalDate(end) };
}

/**
 * The wall time now in an IANA zone, to the minute. Used to keep "today"
 * right between the app's start (when Rust said what time it was) and now.
 */
export function nowInZone(timeZone: string, instant: Date = new Date()): WallTime {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((part) => part.type === type)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

/**
 * A wall time `minutes` later on the clock (midnight rolls over to the next
 * day). Clock arithmetic, not instants: Rust adjusts a time a DST change skips.
 */
export function addMinutes(wall: WallTime, minutes: number): WallTime {
  const date = wallTimeAsUtcDate(wall);
  date.setUTCMinutes(date.getUTCMinutes() + minutes);
  return calendarToWallTime(date);
}
