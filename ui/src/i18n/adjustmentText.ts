import type { TFunction } from "i18next";

import type { Language, ScheduleAdjustment } from "../ipc";
import { formatDayMonth, formatTime } from "./format";

/**
 * How a DST change moved a post, in words: "9:30 AM does not exist on March 8
 * (clocks go forward); scheduled at 10:30 AM."
 */
export function adjustmentText(t: TFunction, adjustment: ScheduleAdjustment, language: Language): string {
  const requested = formatTime(adjustment.requested, language);
  const day = formatDayMonth(adjustment.requested, language);
  switch (adjustment.kind) {
    case "skipped_forward":
      return t("adjustment.skippedForward", {
        requested,
        day,
        actual: formatTime(adjustment.actual, language),
      });
    case "ambiguous_earlier":
      return t("adjustment.ambiguousEarlier", { requested, day });
  }
}
