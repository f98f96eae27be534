import type { LocalDate } from "../../lib/wallTime";

/**
 * The first day on or after `from` that falls on `weekday` (0 = Monday), so
 * picking "Tuesday 19:00" keeps the post in the week the person was planning.
 */
export function nextDateOn(from: LocalDate, weekday: number): LocalDate {
  const date = new Date(`${from}T00:00:00Z`);
  const current = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() + ((weekday - current + 7) % 7));
  return date.toISOString().slice(0, 10);
}

/** "19:00" for hour 19. */
export const hourTime = (hour: number) => `${String(hour).padStart(2, "0")}:00`;
