import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { useLanguage } from "../../i18n";
import { joinWallTime, splitWallTime, type WallTime } from "../../lib/wallTime";

interface HeldMovePickerProps {
  /** What the fields start with (an hour from now, in the workspace's zone). */
  initial: WallTime;
  timeZone: string;
  busy: boolean;
  onConfirm: (at: WallTime) => void;
  onCancel: () => void;
}

/** A small date and time picker, inline under a held post. */
export function HeldMovePicker({ initial, timeZone, busy, onConfirm, onCancel }: HeldMovePickerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [date, setDate] = useState(() => splitWallTime(initial).date);
  const [time, setTime] = useState(() => splitWallTime(initial).time);
  const at = joinWallTime(date, time);
  const dateId = useId();
  const timeId = useId();
  const hintId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (at && !busy) onConfirm(at);
  };

  return (
    <form className="held-move" onSubmit={submit} data-testid="held-move-picker">
      <fieldset className="held-move__fields">
        <legend className="held-move__legend">{t("decisions.moveLegend")}</legend>
        <div className="held-move__row">
          <label htmlFor={dateId} className="field">
            <span className="field__label">{t("editor.date")}</span>
            <input
              id={dateId}
              type="date"
              lang={language}
              value={date}
              onChange={(event) => setDate(event.target.value)}
              data-testid="held-move-date"
            />
          </label>
          <label htmlFor={timeId} className="field">
            <span className="field__label">{t("editor.time")}</span>
            <input
              id={timeId}
              type="time"
              lang={language}
              value={time}
              onChange={(event) => setTime(event.target.value)}
              data-testid="held-move-time"
            />
          </label>
        </div>
        <p id={hintId} className="field__hint">
          {at ? t("editor.timeZoneHint", { zone: timeZone }) : t("decisions.moveNeeds")}
        </p>
      </fieldset>
      <div className="held-move__buttons">
        <button type="button" className="button button--quiet button--small" onClick={onCancel} data-testid="held-move-cancel">
          {t("common.cancel")}
        </button>
        <button
          type="submit"
          className="button button--primary button--small"
          disabled={busy || at === null}
          aria-busy={busy}
          aria-describedby={hintId}
          data-testid="held-move-confirm"
        >
          {t("decisions.moveConfirm")}
        </button>
      </div>
    </form>
  );
}
