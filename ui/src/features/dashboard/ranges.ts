import type { LocalDate } from "../../lib/wallTime";

/** The periods a dashboard or report is usually read for; weeks start on Monday. */
export type RangeChoice = "thisWeek" | "lastWeek" | "thisMonth" | "lastMonth" | "last90Days";

export const RANGE_CHOICES: readonly RangeChoice[] = ["thisWeek", "lastWeek", "thisMonth", "lastMonth", "last90Days"];

export interface DayRange {
  first: LocalDate;
  last: LocalDate;
}

const asDate = (day: LocalDate) => new Date(`${day}T00:00:00Z`);
const asDay = (date: Date): LocalDate => date.toISOString().slice(0, 10);
const plusDays = (day: LocalDate, days: number): LocalDate => {
  const date = asDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return asDay(date);
};

/** The days of a choice, both ends included, around `today` in the workspace's zone. */
export function rangeFor(choice: RangeChoice, today: LocalDate): DayRange {
  const date = asDate(today);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  const monday = plusDays(today, -sinceMonday);
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  switch (choice) {
    case "thisWeek":
      return { first: monday, last: plusDays(monday, 6) };
    case "lastWeek":
      return { first: plusDays(monday, -7), last: plusDays(monday, -1) };
    case "thisMonth": {
      const next = asDate(firstOfMonth);
      next.setUTCMonth(next.getUTCMonth() + 1);
      return { first: firstOfMonth, last: plusDays(asDay(next), -1) };
    }
    case "lastMonth": {
      const last = plusDays(firstOfMonth, -1);
      return { first: `${last.slice(0, 7)}-01`, last };
    }
    case "last90Days":
      return { first: plusDays(today, -89), last: today };
  }
}

/** A typed range is usable when both days are real and the last is not before the first. */
export function isValidRange(range: DayRange): boolean {
  const real = (day: string) => /^\d{4}-\d{2}-\d{2}$/.test(day) && asDay(asDate(day)) === day;
  return real(range.first) && real(range.last) && range.first <= range.last;
}
