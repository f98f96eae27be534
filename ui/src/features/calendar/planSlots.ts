import type { EventInput } from "@fullcalendar/core";

import type { PlanGapsDto } from "../../ipc";
import { addMinutes, wallTimeToCalendar, type LocalDate, type WallTime } from "../../lib/wallTime";

/** An empty slot the plan asks to fill: a channel, a day and a sensible time. */
export interface PlanSlot {
  channelId: number;
  at: WallTime;
}

/** What a slot's background event carries. */
export interface SlotEventProps {
  slot: PlanSlot;
}

/** Every rhythm slot, in time order. */
export function rhythmSlots(gaps: PlanGapsDto | undefined): PlanSlot[] {
  return (gaps?.rhythm ?? [])
    .flatMap((gap) => gap.slots.map((at) => ({ channelId: gap.channelId, at })))
    .sort((a, b) => a.at.localeCompare(b.at) || a.channelId - b.channelId);
}

/** The slots of each day, for the month view's day cells. */
export function slotsByDay(slots: readonly PlanSlot[]): Map<LocalDate, PlanSlot[]> {
  const days = new Map<LocalDate, PlanSlot[]>();
  for (const slot of slots) {
    const day = slot.at.slice(0, 10);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return days;
}

/**
 * Slots as FullCalendar background events: an hour at the slot's time in the
 * week view, the whole day's cell in the month view, in the channel's colour.
 * Data only; the label is drawn by React.
 */
export function slotEvents(slots: readonly PlanSlot[], colorOf: (channelId: number) => string | undefined): EventInput[] {
  return slots.map((slot) => {
    const extendedProps: SlotEventProps = { slot };
    return {
      id: `slot-${slot.channelId}-${slot.at}`,
      start: wallTimeToCalendar(slot.at),
      end: wallTimeToCalendar(addMinutes(slot.at, 60)),
      allDay: false,
      display: "background",
      backgroundColor: colorOf(slot.channelId),
      classNames: ["plan-slot"],
      extendedProps,
    };
  });
}

export function slotOfEvent(event: { extendedProps: Record<string, unknown> }): PlanSlot | undefined {
  return (event.extendedProps as Partial<SlotEventProps>).slot;
}
