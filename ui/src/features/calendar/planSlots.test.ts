import type { PlanGapsDto } from "../../ipc";
import { rhythmSlots, slotEvents, slotOfEvent, slotsByDay } from "./planSlots";

const GAPS: PlanGapsDto = {
  rhythm: [
    { channelId: 2, weekStart: "2026-11-23", planned: 0, wanted: 2, slots: ["2026-11-27T09:00", "2026-11-25T09:00"] },
    { channelId: 1, weekStart: "2026-11-23", planned: 1, wanted: 2, slots: ["2026-11-25T18:30"] },
  ],
  pillars: [],
  goals: [],
  farOffPoints: 10,
};

describe("plan slots on the calendar", () => {
  it("lists every rhythm slot in time order and groups them by day", () => {
    const slots = rhythmSlots(GAPS);
    expect(slots.map((s) => `${s.channelId}@${s.at}`)).toEqual([
      "2@2026-11-25T09:00",
      "1@2026-11-25T18:30",
      "2@2026-11-27T09:00",
    ]);
    const days = slotsByDay(slots);
    expect([...days.keys()]).toEqual(["2026-11-25", "2026-11-27"]);
    expect(days.get("2026-11-25")?.map((s) => s.channelId)).toEqual([2, 1]);
    expect(rhythmSlots(undefined)).toEqual([]);
    // The filter bar shows only channel 1: only its slot is offered.
    expect(rhythmSlots(GAPS, new Set([1])).map((s) => s.at)).toEqual(["2026-11-25T18:30"]);
  });

  it("makes a background event per slot in its channel's colour: an hour in the week, the day in the month", () => {
    const colors = new Map([[1, "#c13584"]]);
    const events = slotEvents(rhythmSlots(GAPS), (id) => colors.get(id), false);
    expect(events).toHaveLength(3);
    const second = events[1];
    expect(second).toMatchObject({
      display: "background",
      start: "2026-11-25T18:30:00Z",
      end: "2026-11-25T19:30:00Z",
      backgroundColor: "#c13584",
    });
    expect(second && slotOfEvent({ extendedProps: second.extendedProps ?? {} })).toEqual({
      channelId: 1,
      at: "2026-11-25T18:30",
    });
    expect(slotOfEvent({ extendedProps: {} })).toBeUndefined();
    const days = slotEvents(rhythmSlots(GAPS), (id) => colors.get(id), true);
    expect(days[2]).toMatchObject({ allDay: true, start: "2026-11-27", end: "2026-11-28" });
  });
});
