import type {
  DatesSetArg,
  DayCellContentArg,
  EventClickArg,
  EventContentArg,
  EventDropArg,
  MoreLinkContentArg,
} from "@fullcalendar/core";
import idLocale from "@fullcalendar/core/locales/id";
import dayGridPlugin from "@fullcalendar/daygrid";
import interactionPlugin, {
  type DateClickArg,
  type EventDragStopArg,
  type EventReceiveArg,
} from "@fullcalendar/interaction";
import listPlugin from "@fullcalendar/list";
import FullCalendar from "@fullcalendar/react";
import timeGridPlugin from "@fullcalendar/timegrid";
import { useCallback, useMemo, useRef, useState, type RefObject } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { useChannelMap } from "../../hooks/useCatalog";
import { usePostThumbnails } from "../../hooks/useMedia";
import { useCalendarPosts } from "../../hooks/usePosts";
import { firstDayOf, useLanguage } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import { applyFilters, type PostFilters } from "../../lib/filters";
import {
  calendarRangeToDates,
  calendarToLocalDate,
  calendarToWallTime,
  addMinutes,
  wallTimeToCalendar,
  type WallTime,
} from "../../lib/wallTime";
import { DEFAULT_TIME, type DraftPrefill } from "../editor/editorDraft";
import { postOfEvent, toCalendarEvents } from "./calendarEvents";
import { CalendarToolbar } from "./CalendarToolbar";
import { rhythmSlots, slotEvents, slotsByDay, type PlanSlot } from "./planSlots";
import { PostChip } from "./PostChip";
import { usePlanGaps } from "./usePlanGaps";
import { usePostMoves } from "./usePostMoves";
import { CALENDAR_VIEWS, viewNameOf, type CalendarViewName } from "./views";

const PLUGINS = [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin];
const LOCALES = [idLocale];

interface CalendarPaneProps {
  /** Now, as a wall time in the workspace's zone. */
  now: WallTime;
  filters: PostFilters;
  /** The tray, where a chip can be dropped to take its date off. */
  trayRef: RefObject<HTMLElement | null>;
  onOpenPost: (postId: number) => void;
  onCreateAt: (date: string, time: string) => void;
  /** A click on a free slot the plan offers: a new draft on that day, time and channel. */
  onFillSlot: (prefill: DraftPrefill) => void;
  /** The local days `[from, to)` on screen, for what is shown beside the calendar. */
  onRangeChange?: (range: { from: string; to: string }) => void;
  onChipDragging: (dragging: boolean) => void;
}

/** The slot a click on `date` lands in: any of the day's in the month, the hour's in the week. */
function slotAt(slots: readonly PlanSlot[] | undefined, date: Date, allDay: boolean): PlanSlot | undefined {
  if (allDay) return slots?.[0];
  const clicked = calendarToWallTime(date);
  return slots?.find((slot) => clicked >= slot.at && clicked < addMinutes(slot.at, 60));
}

function isInside(element: HTMLElement, event: Event): boolean {
  const point = "changedTouches" in event ? (event as TouchEvent).changedTouches[0] : (event as MouseEvent);
  if (!point) return false;
  const rect = element.getBoundingClientRect();
  return point.clientX >= rect.left && point.clientX <= rect.right && point.clientY >= rect.top && point.clientY <= rect.bottom;
}

/**
 * The calendar. FullCalendar runs in UTC and is fed wall times as if they
 * were UTC (see lib/wallTime.ts), so it shows the workspace's zone whatever
 * the computer's zone is.
 */
export function CalendarPane({
  now,
  filters,
  trayRef,
  onOpenPost,
  onCreateAt,
  onFillSlot,
  onRangeChange,
  onChipDragging,
}: CalendarPaneProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const calendar = useRef<FullCalendar>(null);
  const channels = useChannelMap();
  const { move, unschedule } = usePostMoves();

  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [title, setTitle] = useState("");
  const [view, setView] = useState<CalendarViewName>("month");
  const posts = useCalendarPosts(range);

  const gaps = usePlanGaps(range);
  const slots = useMemo(() => rhythmSlots(gaps.data, filters.channelIds), [gaps.data, filters.channelIds]);
  const slotDays = useMemo(() => slotsByDay(slots), [slots]);

  const shown = useMemo(() => applyFilters(posts.data ?? [], filters), [posts.data, filters]);
  const events = useMemo(
    () => [...toCalendarEvents(shown), ...slotEvents(slots, (id) => channels.get(id)?.color, view === "month")],
    [shown, slots, channels, view],
  );
  // One request for the first picture of every post in view.
  const thumbnails = usePostThumbnails(useMemo(() => shown.map((post) => post.id), [shown]));

  const api = () => calendar.current?.getApi();

  const onDatesSet = useCallback(
    (arg: DatesSetArg) => {
      const next = calendarRangeToDates(arg.view.activeStart, arg.view.activeEnd);
      setRange(next);
      onRangeChange?.(next);
      setTitle(arg.view.title);
      setView(viewNameOf(arg.view.type));
    },
    [onRangeChange],
  );

  // Free slots the plan offers, as dots beside the day's number (month view).
  // Always the same element, so FullCalendar never swaps text for React
  // content (which left the old number behind).
  const renderDayCell = useCallback(
    (arg: DayCellContentArg) => {
      const daySlots = arg.view.type === CALENDAR_VIEWS.month ? slotDays.get(calendarToLocalDate(arg.date)) : undefined;
      return (
        <span className="day-slots">
          {(daySlots ?? []).map((slot) => (
            <span
              key={slot.channelId}
              className="day-slots__dot"
              style={{ backgroundColor: channels.get(slot.channelId)?.color }}
              title={t("planGaps.slotTitle", { channel: channels.get(slot.channelId)?.name ?? "" })}
              data-testid="day-slot"
            />
          ))}
          <span>{arg.dayNumberText}</span>
        </span>
      );
    },
    [channels, slotDays, t],
  );

  const dayCellClassNames = useCallback(
    (arg: { date: Date }) => (slotDays.has(calendarToLocalDate(arg.date)) ? ["day--plan-slot"] : []),
    [slotDays],
  );

  const renderEvent = useCallback(
    (arg: EventContentArg) => {
      const post = postOfEvent(arg.event);
      if (!post) return null;
      return (
        <PostChip post={post} channels={channels} language={language} showTime thumbnail={thumbnails.get(post.id)} />
      );
    },
    [channels, language, thumbnails],
  );

  const onEventClick = useCallback(
    (arg: EventClickArg) => {
      arg.jsEvent.preventDefault();
      onOpenPost(Number(arg.event.id));
    },
    [onOpenPost],
  );

  const onDateClick = useCallback(
    (arg: DateClickArg) => {
      const date = calendarToLocalDate(arg.date);
      // A free slot of the plan: its time and channel.
      const slot = slotAt(slotDays.get(date), arg.date, arg.allDay);
      if (slot) {
        onFillSlot({ date, time: slot.at.slice(11, 16), channelIds: [slot.channelId] });
        return;
      }
      // A day in the month: 09:00 that day. A slot in the week: that time.
      const time = arg.allDay ? DEFAULT_TIME : calendarToWallTime(arg.date).slice(11, 16);
      onCreateAt(date, time);
    },
    [onCreateAt, onFillSlot, slotDays],
  );

  const onEventDrop = useCallback(
    async (arg: EventDropArg) => {
      const postId = Number(arg.event.id);
      const to = arg.event.start;
      if (!to) {
        arg.revert();
        return;
      }
      const from = arg.oldEvent.start ? calendarToWallTime(arg.oldEvent.start) : null;
      const moved = await move(postId, from, calendarToWallTime(to));
      if (!moved) arg.revert();
    },
    [move],
  );

  // A draft dragged in from the tray. FullCalendar adds a temporary event
  // with the post's id; it goes at once, before the refreshed posts bring
  // the real one. Removed later, it could take the real chip (same id) with
  // it: the post moved, but its chip vanished until the next refresh.
  const onEventReceive = useCallback(
    async (arg: EventReceiveArg) => {
      const postId = Number(arg.event.id);
      const start = arg.event.start;
      const allDay = arg.event.allDay;
      arg.event.remove();
      if (!start || !Number.isInteger(postId)) return;
      const to = allDay ? `${calendarToLocalDate(start)}T${DEFAULT_TIME}` : calendarToWallTime(start);
      await move(postId, null, to);
    },
    [move],
  );

  const onEventDragStop = useCallback(
    (arg: EventDragStopArg) => {
      onChipDragging(false);
      const tray = trayRef.current;
      const from = arg.event.start;
      if (!tray || !from || !isInside(tray, arg.jsEvent)) return;
      void unschedule(Number(arg.event.id), calendarToWallTime(from));
    },
    [onChipDragging, trayRef, unschedule],
  );

  const moreLink = useCallback(
    (arg: MoreLinkContentArg) => t("calendar.more", { amount: formatNumber(arg.num, language) }),
    [language, t],
  );

  return (
    <section className="calendar-pane" aria-label={t("calendar.label")}>
      <CalendarToolbar
        title={title}
        view={view}
        onView={(name) => api()?.changeView(CALENDAR_VIEWS[name])}
        onPrev={() => api()?.prev()}
        onNext={() => api()?.next()}
        onToday={() => api()?.today()}
      />
      {posts.isError ? <ErrorNotice error={posts.error} testId="calendar-error" /> : null}
      <div className="calendar-pane__grid" data-testid="calendar">
        <FullCalendar
          ref={calendar}
          plugins={PLUGINS}
          initialView={CALENDAR_VIEWS.month}
          initialDate={now.slice(0, 10)}
          timeZone="UTC"
          now={wallTimeToCalendar(now)}
          locales={LOCALES}
          locale={language === "id" ? "id" : "en"}
          firstDay={firstDayOf(language)}
          headerToolbar={false}
          height="100%"
          events={events}
          eventContent={renderEvent}
          eventClick={onEventClick}
          dateClick={onDateClick}
          dayCellContent={renderDayCell}
          dayCellClassNames={dayCellClassNames}
          datesSet={onDatesSet}
          editable
          eventDurationEditable={false}
          eventInteractive
          droppable
          eventDrop={(arg) => void onEventDrop(arg)}
          eventReceive={(arg) => void onEventReceive(arg)}
          eventDragStart={() => onChipDragging(true)}
          eventDragStop={onEventDragStop}
          eventDisplay="block"
          displayEventTime={false}
          dayMaxEvents={2}
          moreLinkContent={moreLink}
          fixedWeekCount={false}
          nowIndicator
          allDaySlot={false}
          scrollTime="08:00:00"
          slotDuration="00:30:00"
          defaultTimedEventDuration="01:00"
          noEventsContent={() => t("calendar.empty")}
          eventOrder="start,title"
        />
      </div>
    </section>
  );
}
