import { useTranslation } from "react-i18next";

import type { CampaignResult } from "../../ipc";
import { useLanguage } from "../../i18n";
import { formatNumber } from "../../i18n/format";

const money = (value: number | null, language: "en" | "id") => (value === null ? "—" : formatNumber(Math.round(value * 100) / 100, language));

/** Paid boosts and ads that ran in the range, with what each result cost. */
export function CampaignsSection({ campaigns }: { campaigns: readonly CampaignResult[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (campaigns.length === 0) return null;
  const kpi = (c: CampaignResult, name: string) => c.kpis.find((k) => k.kpi === name)?.value ?? null;
  return (
    <section className="dashboard__section" aria-labelledby="dashboard-campaigns">
      <h3 id="dashboard-campaigns">{t("dashboard.campaigns")}</h3>
      <table className="dashboard__table" data-testid="campaigns">
        <thead>
          <tr>
            <th scope="col">{t("dashboard.campaign")}</th>
            <th scope="col">{t("dashboard.spent")}</th>
            <th scope="col" title={t("kpi.cost_per_click.formula")}>{t("kpi.cost_per_click.name")}</th>
            <th scope="col" title={t("kpi.cost_per_mille.formula")}>{t("kpi.cost_per_mille.name")}</th>
            <th scope="col" title={t("kpi.return_on_ad_spend.formula")}>{t("kpi.return_on_ad_spend.name")}</th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((c) => (
            <tr key={`${c.name}-${c.firstDay}`}>
              <td>{c.channel ? `${c.name} (${c.channel})` : c.name}</td>
              <td>
                {money(c.spend, language)} / {money(c.budget, language)}
              </td>
              <td>{money(kpi(c, "cost_per_click"), language)}</td>
              <td>{money(kpi(c, "cost_per_mille"), language)}</td>
              <td>{money(kpi(c, "return_on_ad_spend"), language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
