import { Line } from "react-chartjs-2";
import { useTranslation } from "react-i18next";

import type { ChannelTrend, DayFigure } from "../../ipc";
import { localeOf, useLanguage } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import { channelLines, hasFigures } from "./chartData";
import "./chartSetup";

const followers = (d: DayFigure) => d.followers;
const engagements = (d: DayFigure) => d.engagements;

function TrendChart({ title, channels, pick }: { title: string; channels: readonly ChannelTrend[]; pick: (d: DayFigure) => number | null }) {
  const language = useLanguage();
  const { labels, series } = channelLines(channels, pick);
  // "11/23" in English, "23/11" in Indonesian.
  const dayMonth = new Intl.DateTimeFormat(localeOf(language), { day: "numeric", month: "numeric", timeZone: "UTC" });
  return (
    <figure className="dashboard__chart">
      <figcaption>{title}</figcaption>
      <div className="dashboard__canvas">
        <Line
          role="img"
          aria-label={title}
          data={{
            labels: labels.map((day) => dayMonth.format(new Date(`${day}T00:00:00Z`))),
            datasets: series.map((s) => ({
              label: s.label,
              data: s.data,
              borderColor: s.color,
              backgroundColor: s.color,
              spanGaps: true,
              pointRadius: 2,
              tension: 0.2,
            })),
          }}
          options={{
            maintainAspectRatio: false,
            plugins: { legend: { position: "bottom" } },
            scales: { y: { ticks: { callback: (value) => formatNumber(Number(value), language) } } },
          }}
        />
      </div>
    </figure>
  );
}

/** Followers and engagement per channel over the range. */
export function TrendsSection({ channels }: { channels: readonly ChannelTrend[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const any = hasFigures(channels, followers) || hasFigures(channels, engagements);
  return (
    <section className="dashboard__section" aria-labelledby="dashboard-trends">
      <h3 id="dashboard-trends">{t("dashboard.trends")}</h3>
      <table className="dashboard__table" data-testid="channel-totals">
        <thead>
          <tr>
            <th scope="col">{t("dashboard.channel")}</th>
            <th scope="col">{t("dashboard.posts")}</th>
            <th scope="col">{t("dashboard.followers")}</th>
          </tr>
        </thead>
        <tbody>
          {channels.map((c) => {
            const last = [...c.days].reverse().find((d) => d.followers !== null)?.followers ?? null;
            return (
              <tr key={c.channelId}>
                <td>
                  <span className="dashboard__swatch" style={{ backgroundColor: c.color }} aria-hidden="true" /> {c.name}
                </td>
                <td>{formatNumber(c.posts, language)}</td>
                <td>{last === null ? "—" : formatNumber(last, language)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {any ? (
        <div className="dashboard__charts">
          {hasFigures(channels, followers) ? <TrendChart title={t("dashboard.followersChart")} channels={channels} pick={followers} /> : null}
          {hasFigures(channels, engagements) ? (
            <TrendChart title={t("dashboard.engagementsChart")} channels={channels} pick={engagements} />
          ) : null}
        </div>
      ) : (
        <p className="dashboard__empty">{t("dashboard.noFigures")}</p>
      )}
    </section>
  );
}
