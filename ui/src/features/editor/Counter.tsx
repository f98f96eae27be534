import { useTranslation } from "react-i18next";

import { formatNumber } from "../../i18n/format";
import { useLanguage } from "../../i18n";
import type { TextMeasureDto } from "../../ipc";

/** "287 / 300 graphemes", turning red with a warning once over the network's limit. */
export function Counter({ channelId, measure }: { channelId: number; measure: TextMeasureDto | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();

  if (!measure) {
    return (
      <span className="counter counter--pending" data-testid="counter" data-channel-id={channelId} aria-busy="true">
        …
      </span>
    );
  }

  const unit = t(`units.${measure.unit}`);
  const used = formatNumber(measure.used, language);
  const className = measure.over ? "counter counter--over" : "counter";
  return (
    <span
      className={className}
      data-testid="counter"
      data-channel-id={channelId}
      data-over={measure.over ? "true" : "false"}
      title={t(`units.${measure.unit}_help`)}
    >
      {measure.over ? (
        <span className="counter__warning" aria-hidden="true">
          ⚠{" "}
        </span>
      ) : null}
      {measure.limit === null ? (
        <>
          {used} {unit} <span className="counter__note">· {t("counter.noLimit")}</span>
        </>
      ) : (
        <>
          {used} / {formatNumber(measure.limit, language)} {unit}
          {measure.over ? (
            <span className="counter__note">
              {" "}
              · {t("counter.over", { amount: formatNumber(measure.used - measure.limit, language) })}
            </span>
          ) : null}
          {measure.parts > 1 ? (
            <span className="counter__note" data-testid="counter-thread">
              {" "}
              · {t("counter.thread", { parts: formatNumber(measure.parts, language) })}
            </span>
          ) : null}
        </>
      )}
    </span>
  );
}
