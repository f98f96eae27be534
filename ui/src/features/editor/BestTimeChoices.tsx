import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { queryKeys } from "../../data/queryKeys";
import { useLanguage } from "../../i18n";
import { bestTimes } from "../../ipc";
import type { LocalDate } from "../../lib/wallTime";
import { slotLabel } from "../dashboard/BestTimesSection";
import { hourTime, nextDateOn } from "./bestTimeChoice";

/**
 * The slots the shop's own posts did best in, offered beside the time
 * fields: one click moves the post to the next such day and hour.
 */
export function BestTimeChoices({ from, onPick }: { from: LocalDate; onPick: (date: LocalDate, time: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const best = useQuery({ queryKey: queryKeys.bestTimes, queryFn: bestTimes });
  const suggestions = best.data?.suggestions ?? [];
  if (suggestions.length === 0) return null;
  return (
    <p className="best-time-choices" data-testid="best-time-choices">
      <span className="field__hint">{t("editor.bestTimes")}</span>
      {suggestions.map(([day, hour]) => (
        <button
          key={`${day}-${hour}`}
          type="button"
          className="chip"
          onClick={() => onPick(nextDateOn(from, day), hourTime(hour))}
          data-testid="best-time-choice"
        >
          {slotLabel([day, hour], language)}
        </button>
      ))}
    </p>
  );
}
