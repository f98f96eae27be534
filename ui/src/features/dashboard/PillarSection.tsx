import { Bar } from "react-chartjs-2";
import { useTranslation } from "react-i18next";

import type { PillarShare } from "../../ipc";
import { useLanguage } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import { pillarBars } from "./chartData";
import "./chartSetup";

/** Each content pillar's share of posts beside the share planned for it. */
export function PillarSection({ pillars }: { pillars: readonly PillarShare[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (pillars.length === 0) return null;
  const bars = pillarBars(pillars);
  const title = t("dashboard.pillarMix");
  return (
    <section className="dashboard__section" aria-labelledby="dashboard-pillars">
      <h3 id="dashboard-pillars">{title}</h3>
      <div className="dashboard__canvas">
        <Bar
          role="img"
          aria-label={title}
          data={{
            labels: bars.labels,
            datasets: [
              { label: t("dashboard.actual"), data: bars.actual, backgroundColor: bars.colors },
              { label: t("dashboard.planned"), data: bars.planned, backgroundColor: "#b0b0b0" },
            ],
          }}
          options={{
            maintainAspectRatio: false,
            plugins: { legend: { position: "bottom" } },
            scales: { y: { beginAtZero: true, ticks: { callback: (v) => `${formatNumber(Number(v), language)} %` } } },
          }}
        />
      </div>
      <ul className="pillar-list" data-testid="pillar-mix">
        {pillars.map((p) => (
          <li key={p.name}>
            <span className="dashboard__swatch" style={{ backgroundColor: p.color }} aria-hidden="true" /> {p.name}:{" "}
            {p.actualShare === null ? "—" : `${formatNumber(Math.round(p.actualShare), language)} %`}
            {p.targetShare === null ? null : ` (${t("dashboard.planned")} ${formatNumber(p.targetShare, language)} %)`}
          </li>
        ))}
      </ul>
    </section>
  );
}
