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

/**
 * Every rhythm slot, in time order; only the picked channels' while the
 * filter bar shows some channels (an empty set: all).
 */
export function rhythmSlots(gaps: PlanGapsDto | undefined, channels: ReadonlySet<number> = new Set()): PlanSlot[] {
  return (gaps?.rhythm ?? [])
    .filter((gap) => channels.size === 0 || channels.has(gap.channelId))
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
 * Slots as FullCalendar background events in the channel's colour: the whole
 * day in the month view (its grid draws only all-day background events), an
 * hour at the slot's time in the week view. Data only, no text.
 */
export function slotEvents(
  slots: readonly PlanSlot[],
  colorOf: (channelId: number) => string | undefined,
  wholeDays: boolean,
): EventInput[] {
  return slots.map((slot) => {
    const extendedProps: SlotEventProps = { slot };
    const day = slot.at.slice(0, 10);
    return {
      id: `slot-${slot.channelId}-${slot.at}`,
      start: wholeDays ? day : wallTimeToCalendar(slot.at),
      end: wholeDays ? addMinutes(`${day}T00:00`, 24 * 60).slice(0, 10) : wallTimeToCalendar(addMinutes(slot.at, 60)),
      allDay: wholeDays,
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
