import { useTranslation } from "react-i18next";

import type { KpiFigure } from "../../ipc";
import { useLanguage } from "../../i18n";
import { formatMeasure } from "./measures";

/** The guides' KPIs over the range, each with the formula it is worked out by. */
export function KpiSection({ kpis }: { kpis: readonly KpiFigure[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="dashboard__section" aria-labelledby="dashboard-kpis">
      <h3 id="dashboard-kpis">{t("dashboard.kpis")}</h3>
      <ul className="kpi-grid" data-testid="kpi-grid">
        {kpis.map((kpi) => (
          <li key={kpi.kpi} className="kpi-card" data-kpi={kpi.kpi}>
            <span className="kpi-card__name">{t(`kpi.${kpi.kpi}.name`, { defaultValue: kpi.kpi })}</span>
            <span className="kpi-card__value">{formatMeasure(kpi.kpi, kpi.value, language)}</span>
            <span className="kpi-card__formula">{t(`kpi.${kpi.kpi}.formula`, { defaultValue: kpi.formula })}</span>
          </li>
        ))}
      </ul>
      <p className="dashboard__hint">{t("dashboard.unknownHint")}</p>
    </section>
  );
}
