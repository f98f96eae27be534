import { useTranslation } from "react-i18next";

import type { CalendarViewName } from "./views";

interface CalendarToolbarProps {
  title: string;
  view: CalendarViewName;
  onView: (view: CalendarViewName) => void;
  onPrev: () => void;
  onNext: () => void;
  onToday: () => void;
}

const VIEWS: CalendarViewName[] = ["month", "week", "list"];

/** Moving through time and switching views; our own, so every word is translated. */
export function CalendarToolbar({ title, view, onView, onPrev, onNext, onToday }: CalendarToolbarProps) {
  const { t } = useTranslation();
  return (
    <div className="calendar-toolbar">
      <div className="calendar-toolbar__nav">
        <button type="button" className="button" onClick={onToday} data-testid="today">
          {t("calendar.today")}
        </button>
        <button
          type="button"
          className="button button--icon"
          onClick={onPrev}
          aria-label={t(`calendar.previous.${view}`)}
          title={t(`calendar.previous.${view}`)}
          data-testid="prev"
        >
          <span aria-hidden="true">‹</span>
        </button>
        <button
          type="button"
          className="button button--icon"
          onClick={onNext}
          aria-label={t(`calendar.next.${view}`)}
          title={t(`calendar.next.${view}`)}
          data-testid="next"
        >
          <span aria-hidden="true">›</span>
        </button>
        <h2 className="calendar-toolbar__title" data-testid="calendar-title" aria-live="polite">
          {title}
        </h2>
      </div>
      <div className="segmented" role="group" aria-label={t("calendar.viewLabel")}>
        {VIEWS.map((name) => (
          <button
            key={name}
            type="button"
            className={name === view ? "segmented__button segmented__button--on" : "segmented__button"}
            aria-pressed={name === view}
            onClick={() => onView(name)}
            data-testid={`view-${name}`}
          >
            {t(`calendar.views.${name}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
