/** The three ways to look at the calendar, and FullCalendar's name for each. */
export const CALENDAR_VIEWS = {
  month: "dayGridMonth",
  week: "timeGridWeek",
  list: "listMonth",
} as const;

export type CalendarViewName = keyof typeof CALENDAR_VIEWS;

export function viewNameOf(fullCalendarType: string): CalendarViewName {
  const entry = Object.entries(CALENDAR_VIEWS).find(([, type]) => type === fullCalendarType);
  return (entry?.[0] as CalendarViewName | undefined) ?? "month";
}
