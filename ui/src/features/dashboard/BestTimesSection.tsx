import { Chart } from "react-chartjs-2";
import { useTranslation } from "react-i18next";

import type { BestTimes } from "../../ipc";
import { useLanguage } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import { heatCells, heatShade, type HeatCell } from "./chartData";
import "./chartSetup";

/** Weekday names, Monday first, as the heatmap's rows are. */
export function weekdayNames(language: "en" | "id", style: "short" | "long"): string[] {
  const format = new Intl.DateTimeFormat(language === "id" ? "id-ID" : "en-US", { weekday: style, timeZone: "UTC" });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/** "Tuesday 19:00", in the reader's language. */
export function slotLabel([day, hour]: [number, number], language: "en" | "id"): string {
  return `${weekdayNames(language, "long")[day]} ${String(hour).padStart(2, "0")}:00`;
}

/** A weekday × hour heatmap of the workspace's own results, and the best slots. */
export function BestTimesSection({ best }: { best: BestTimes }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const cells = heatCells(best);
  const top = Math.max(0, ...cells.map((c) => c.value ?? 0));
  const days = weekdayNames(language, "short");
  const title = t("dashboard.bestTimes");
  return (
    <section className="dashboard__section" aria-labelledby="dashboard-best-times">
      <h3 id="dashboard-best-times">{title}</h3>
      {best.suggestions.length === 0 ? (
        <p className="dashboard__empty">{t("dashboard.noBestTimes")}</p>
      ) : (
        <p className="best-times__slots" data-testid="best-times">
          {best.suggestions.map((slot) => (
            <span key={slot.join("-")} className="chip">
              {slotLabel(slot, language)}
            </span>
          ))}
        </p>
      )}
      <p className="dashboard__hint">{t("dashboard.bestTimesHint")}</p>
      <div className="dashboard__canvas dashboard__canvas--heatmap">
        <Chart
          type="matrix"
          role="img"
          aria-label={title}
          data={{
            datasets: [
              {
                label: title,
                data: cells,
                backgroundColor: (context) => {
                  const cell = context.raw as HeatCell | undefined;
                  const shade = heatShade(cell?.value ?? null, top);
                  return shade === null ? "#f2f2f2" : `rgba(0, 105, 92, ${0.12 + shade * 0.88})`;
                },
                width: ({ chart }) => (chart.chartArea?.width ?? 0) / 24 - 2,
                height: ({ chart }) => (chart.chartArea?.height ?? 0) / 7 - 2,
              },
            ],
          }}
          options={{
            maintainAspectRatio: false,
            plugins: {
              legend: { display: false },
              tooltip: {
                callbacks: {
                  title: (items) => {
                    const cell = items[0]?.raw as HeatCell | undefined;
                    return cell ? slotLabel([cell.y, cell.x], language) : "";
                  },
                  label: (item) => {
                    const cell = item.raw as HeatCell;
                    return cell.value === null
                      ? t("dashboard.noPostsInSlot")
                      : t("dashboard.slotAverage", { average: formatNumber(Math.round(cell.value * 10) / 10, language), count: cell.posts });
                  },
                },
              },
            },
            scales: {
              // Cells are centred on whole hours and weekdays; ticks go there too.
              x: {
                type: "linear",
                min: -0.5,
                max: 23.5,
                offset: false,
                afterBuildTicks: (axis) => {
                  axis.ticks = Array.from({ length: 24 }, (_, value) => ({ value }));
                },
                ticks: { autoSkip: false, callback: (v) => String(v).padStart(2, "0") },
                grid: { display: false },
              },
              y: {
                type: "linear",
                min: -0.5,
                max: 6.5,
                reverse: true,
                offset: false,
                afterBuildTicks: (axis) => {
                  axis.ticks = Array.from({ length: 7 }, (_, value) => ({ value }));
                },
                ticks: { autoSkip: false, callback: (v) => days[Number(v)] ?? "" },
                grid: { display: false },
              },
            },
          }}
        />
      </div>
    </section>
  );
}
