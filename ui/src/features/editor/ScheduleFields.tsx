import { useId } from "react";
import { useTranslation } from "react-i18next";

import { useLanguage } from "../../i18n";
import type { LocalDate } from "../../lib/wallTime";
import { BestTimeChoices } from "./BestTimeChoices";

interface ScheduleFieldsProps {
  date: string;
  time: string;
  timeZone: string;
  /** Today in the workspace's zone: best-time choices start from it when no date is set. */
  today: LocalDate;
  readOnly: boolean;
  onDate: (date: string) => void;
  onTime: (time: string) => void;
  onClear: () => void;
}

/** When the post goes out, in the workspace's zone. No date: it waits on the tray. */
export function ScheduleFields({ date, time, timeZone, today, readOnly, onDate, onTime, onClear }: ScheduleFieldsProps) {
  const { t } = useTranslation();
  // A hint for webviews that format date inputs by the element's language.
  const language = useLanguage();
  const dateId = useId();
  const timeId = useId();
  return (
    <fieldset className="schedule-fields">
      <legend>{t("editor.when")}</legend>
      <div className="schedule-fields__row">
        <label htmlFor={dateId} className="field">
          <span className="field__label">{t("editor.date")}</span>
          <input
            id={dateId}
            type="date"
            lang={language}
            value={date}
            onChange={(event) => onDate(event.target.value)}
            readOnly={readOnly}
            disabled={readOnly}
            data-testid="editor-date"
          />
        </label>
        <label htmlFor={timeId} className="field">
          <span className="field__label">{t("editor.time")}</span>
          <input
            id={timeId}
            type="time"
            lang={language}
            value={time}
            onChange={(event) => onTime(event.target.value)}
            readOnly={readOnly}
            disabled={readOnly}
            data-testid="editor-time"
          />
        </label>
        {date && !readOnly ? (
          <button type="button" className="button button--quiet button--small" onClick={onClear} data-testid="editor-clear-date">
            {t("editor.clearDate")}
          </button>
        ) : null}
      </div>
      {readOnly ? null : (
        <BestTimeChoices
          from={date && date > today ? date : today}
          onPick={(day, hour) => {
            onDate(day);
            onTime(hour);
          }}
        />
      )}
      <p className="field__hint">
        {date ? t("editor.timeZoneHint", { zone: timeZone }) : t("editor.trayHint")}
      </p>
    </fieldset>
  );
}
