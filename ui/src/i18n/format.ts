/**
 * Dates, times and numbers in the reader's language. Wall times are formatted
 * as UTC instants (see lib/wallTime.ts), so the computer's zone never leaks in.
 */
import type { Language } from "../ipc";
import { wallTimeAsUtcDate, type LocalDate, type WallTime } from "../lib/wallTime";
import { localeOf } from "./index";

/** Indonesian writes times as 09.30, US English as 9:30 AM. */
const hourStyle = (language: Language) => (language === "id" ? "2-digit" : "numeric");

const cache = new Map<string, Intl.DateTimeFormat>();

function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(language), { ...options, timeZone: "UTC" });
    cache.set(key, format);
  }
  return format;
}

/** "9:30 AM" / "09.30" */
export function formatTime(wall: WallTime, language: Language): string {
  return dateFormat(language, { hour: hourStyle(language), minute: "2-digit" }).format(wallTimeAsUtcDate(wall));
}

/** "8 March" style day without the year: "March 8" / "8 Maret". */
export function formatDayMonth(wall: WallTime, language: Language): string {
  return dateFormat(language, { day: "numeric", month: "long" }).format(wallTimeAsUtcDate(wall));
}

/** "Tue, Nov 24, 9:30 AM" / "Sel, 24 Nov, 09.30" */
export function formatDateTime(wall: WallTime, language: Language): string {
  return dateFormat(language, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: hourStyle(language),
    minute: "2-digit",
  }).format(wallTimeAsUtcDate(wall));
}

/** "Monday, November 23, 2026" / "Senin, 23 November 2026" */
export function formatLongDate(date: LocalDate, language: Language): string {
  return dateFormat(language, { weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(
    wallTimeAsUtcDate(`${date}T00:00`),
  );
}

/** "Dec 1, 2026" / "1 Des 2026" */
export function formatShortDate(date: LocalDate, language: Language): string {
  return dateFormat(language, { day: "numeric", month: "short", year: "numeric" }).format(
    wallTimeAsUtcDate(`${date}T00:00`),
  );
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}

/** A file's size the way networks state their limits: "850 kB", "3.4 MB" / "3,4 MB" (decimal units). */
export function formatBytes(bytes: number, language: Language): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, "megabyte"] : [bytes / 1000, "kilobyte"];
  return new Intl.NumberFormat(localeOf(language), {
    style: "unit",
    unit,
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

const instantCache = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant (RFC 3339, e.g. "2026-11-23T02:30:00Z") as the date and time it
 * was in `timeZone` (the workspace's): "Nov 23, 2026, 9:30 AM" / "23 Nov 2026, 09.30".
 * Text that is not an instant is shown as it came.
 */
export function formatInstant(instant: string, timeZone: string, language: Language): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const key = `${language}|${timeZone}`;
  let format = instantCache.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: hourStyle(language),
      minute: "2-digit",
    };
    try {
      format = new Intl.DateTimeFormat(localeOf(language), { ...options, timeZone });
    } catch {
      // A zone this browser does not know: UTC, said so, rather than the computer's zone.
      format = new Intl.DateTimeFormat(localeOf(language), { ...options, timeZone: "UTC", timeZoneName: "short" });
    }
    instantCache.set(key, format);
  }
  return format.format(date);
}
