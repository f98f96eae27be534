import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { useChannelMap } from "../../hooks/useCatalog";
import { useLanguage } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import {
  createCampaign,
  createCollaboration,
  createPartner,
  deleteCampaign,
  deleteCollaboration,
  deletePartner,
  updateCampaign,
  updateCollaboration,
  updatePartner,
  type CampaignDto,
  type CampaignInput,
  type CollaborationDto,
  type CollaborationInput,
  type KpiFigure,
  type PartnerDto,
  type PartnerInput,
} from "../../ipc";
import { formatMeasure } from "../dashboard/measures";
import { CampaignCsvDialog } from "./CampaignCsvDialog";
import { CampaignForm } from "./CampaignForm";
import { CollaborationForm } from "./CollaborationForm";
import { EditableList } from "./EditableList";
import { PartnerForm } from "./PartnerForm";
import { usePaid } from "./usePaid";

/** Figures worked out for a campaign or a collaboration, each with its formula; unknown is "—". */
function KpiLine({ kpis }: { kpis: readonly KpiFigure[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ul className="kpi-grid" data-testid="paid-kpis">
      {kpis.map((kpi) => (
        <li key={kpi.kpi} className="kpi-card" data-kpi={kpi.kpi}>
          <span className="kpi-card__name">{t(`kpi.${kpi.kpi}.name`, { defaultValue: kpi.kpi })}</span>
          <span className="kpi-card__value">{formatMeasure(kpi.kpi, kpi.value, language)}</span>
          <span className="kpi-card__formula">{t(`kpi.${kpi.kpi}.formula`, { defaultValue: kpi.formula })}</span>
        </li>
      ))}
    </ul>
  );
}

/** Paid boosts and ads, influencer partners and their collaborations, with what each brought. */
export function PaidSection({ today }: { today: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const paid = usePaid();
  const channelMap = useChannelMap();
  const [importing, setImporting] = useState(false);
  const money = (value: number | null) => (value === null ? "—" : formatNumber(value, language));

  if (!paid.data) return <ErrorNotice error={paid.error} testId="paid-error" />;
  const { campaigns, partners, collaborations } = paid.data;
  const partnerName = (id: number) => partners.find((p) => p.id === id)?.name ?? "—";
  const campaignName = (id: number) => campaigns.find((c) => c.id === id)?.name ?? "—";

  return (
    <div className="plan-section__body" data-testid="paid">
      <h4 className="plan-subtitle">{t("paid.campaigns.title")}</h4>
      <button type="button" className="button" onClick={() => setImporting(true)} data-testid="campaign-csv-open">
        {t("paid.import.open")}
      </button>
      {importing ? <CampaignCsvDialog onClose={() => setImporting(false)} /> : null}
      <EditableList<CampaignDto, CampaignInput>
        name="campaign"
        items={campaigns}
        texts={{
          empty: t("paid.campaigns.empty"),
          add: t("paid.campaigns.add"),
          edit: t("paid.edit"),
          remove: t("paid.remove"),
          removeTitle: (c) => t("paid.campaigns.removeTitle", { name: c.name }),
          removeBody: t("paid.campaigns.removeBody"),
        }}
        row={(c) => (
          <>
            <span className="plan-list__title">{c.name}</span>
            <span className="plan-list__meta">
              {c.starts} – {c.ends}
              {c.channelId !== null ? ` · ${channelMap.get(c.channelId)?.name ?? ""}` : ""}
            </span>
            <span className="plan-list__meta">
              {t("paid.campaigns.moneyLine", { budget: money(c.budget), spend: money(c.spend), revenue: money(c.revenue) })}
            </span>
            <KpiLine kpis={c.kpis} />
          </>
        )}
        form={(slot) => <CampaignForm {...slot} today={today} />}
        create={createCampaign}
        update={updateCampaign}
        remove={deleteCampaign}
      />
      <h4 className="plan-subtitle">{t("paid.partners.title")}</h4>
      <EditableList<PartnerDto, PartnerInput>
        name="partner"
        items={partners}
        texts={{
          empty: t("paid.partners.empty"),
          add: t("paid.partners.add"),
          edit: t("paid.edit"),
          remove: t("paid.remove"),
          removeTitle: (p) => t("paid.partners.removeTitle", { name: p.name }),
          removeBody: t("paid.partners.removeBody"),
        }}
        row={(p) => (
          <>
            <span className="plan-list__title">{p.name}</span>
            <span className="plan-list__meta">
              {t(`networks.${p.network}`)}
              {p.handle ? ` · ${p.handle}` : ""}
            </span>
            <span className="plan-list__meta">
              {t("paid.partners.factsLine", {
                audience: money(p.audience),
                engagement: p.engagementRate === null ? "—" : `${formatNumber(p.engagementRate, language)} %`,
                rate: money(p.rate),
              })}
            </span>
            {p.notes ? <span className="plan-list__meta">{p.notes}</span> : null}
          </>
        )}
        form={(slot) => <PartnerForm {...slot} />}
        create={createPartner}
        update={updatePartner}
        remove={deletePartner}
      />
      <h4 className="plan-subtitle">{t("paid.collaborations.title")}</h4>
      {partners.length === 0 || campaigns.length === 0 ? (
        <p className="field__hint">{t("paid.collaborations.needBoth")}</p>
      ) : null}
      <EditableList<CollaborationDto, CollaborationInput>
        name="collaboration"
        items={collaborations}
        texts={{
          empty: t("paid.collaborations.empty"),
          add: t("paid.collaborations.add"),
          edit: t("paid.edit"),
          remove: t("paid.remove"),
          removeTitle: (k) => t("paid.collaborations.removeTitle", { partner: partnerName(k.partnerId), campaign: campaignName(k.campaignId) }),
          removeBody: t("paid.collaborations.removeBody"),
        }}
        row={(k) => (
          <>
            <span className="plan-list__title">
              {partnerName(k.partnerId)} · {campaignName(k.campaignId)}
            </span>
            <span className="plan-list__meta">
              {t("paid.collaborations.resultsLine", {
                reach: money(k.reach),
                clicks: money(k.clicks),
                conversions: money(k.conversions),
                revenue: money(k.revenue),
                cost: money(k.cost),
              })}
            </span>
            <KpiLine kpis={k.kpis} />
          </>
        )}
        form={(slot) => <CollaborationForm {...slot} partners={partners} campaigns={campaigns} />}
        create={createCollaboration}
        update={updateCollaboration}
        remove={deleteCollaboration}
      />
    </div>
  );
}
