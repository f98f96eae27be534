import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { ToggleChip } from "../../components/ToggleChip";
import type { CampaignDto, CollaborationDto, CollaborationInput, PartnerDto } from "../../ipc";
import { PlanFormFooter } from "../strategy/PlanFormFooter";
import type { Problem } from "../strategy/planChecks";
import { AmountInput, amountText } from "./AmountInput";
import type { FormSlot } from "./EditableList";
import { collaborationProblems, optionalAmount } from "./paidChecks";

interface CollaborationFormProps extends FormSlot<CollaborationDto, CollaborationInput> {
  partners: readonly PartnerDto[];
  campaigns: readonly CampaignDto[];
}

/** A partner's work on a campaign and its results. Nothing typed is cleared when a check fails. */
export function CollaborationForm({ item, partners, campaigns, saving, error, onSave, onCancel }: CollaborationFormProps) {
  const { t } = useTranslation();
  // Unpicked means the first in the list, even one added after the form was first shown.
  const [partnerChoice, setPartnerId] = useState<number | null>(item?.partnerId ?? null);
  const [campaignChoice, setCampaignId] = useState<number | null>(item?.campaignId ?? null);
  const partnerId = partnerChoice ?? partners[0]?.id ?? null;
  const campaignId = campaignChoice ?? campaigns[0]?.id ?? null;
  const [reach, setReach] = useState(amountText(item?.reach));
  const [clicks, setClicks] = useState(amountText(item?.clicks));
  const [conversions, setConversions] = useState(amountText(item?.conversions));
  const [revenue, setRevenue] = useState(amountText(item?.revenue));
  const [cost, setCost] = useState(amountText(item?.cost));
  const [postIds, setPostIds] = useState<number[]>(item?.postIds ?? []);
  const [problems, setProblems] = useState<Problem[]>([]);

  // A collaboration's posts are picked from those its campaign boosted.
  const campaignPosts = campaigns.find((c) => c.id === campaignId)?.postIds ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = collaborationProblems(partnerId, campaignId, [
      { label: t("paid.collaborations.reach"), raw: reach, kind: "count" },
      { label: t("paid.collaborations.clicks"), raw: clicks, kind: "count" },
      { label: t("paid.collaborations.conversions"), raw: conversions, kind: "count" },
      { label: t("paid.collaborations.revenue"), raw: revenue, kind: "money" },
      { label: t("paid.collaborations.cost"), raw: cost, kind: "money" },
    ]);
    setProblems(found);
    if (found.length > 0 || partnerId === null || campaignId === null) return;
    onSave({
      partnerId,
      campaignId,
      reach: optionalAmount(reach),
      clicks: optionalAmount(clicks),
      conversions: optionalAmount(conversions),
      revenue: optionalAmount(revenue),
      cost: optionalAmount(cost),
      postIds: postIds.filter((id) => campaignPosts.includes(id)),
    });
  };

  const togglePost = (id: number) => setPostIds((ids) => (ids.includes(id) ? ids.filter((p) => p !== id) : [...ids, id]));

  return (
    <form className="plan-form" onSubmit={submit} data-testid="collaboration-form" noValidate>
      <div className="plan-form__row">
        <label className="field">
          <span className="field__label">{t("paid.collaborations.partner")}</span>
          <select
            value={partnerId ?? ""}
            onChange={(event) => setPartnerId(event.target.value === "" ? null : Number(event.target.value))}
            data-testid="collaboration-partner"
          >
            {partners.length === 0 ? <option value="">{t("paid.collaborations.pick")}</option> : null}
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t("paid.collaborations.campaign")}</span>
          <select
            value={campaignId ?? ""}
            onChange={(event) => setCampaignId(event.target.value === "" ? null : Number(event.target.value))}
            data-testid="collaboration-campaign"
          >
            {campaigns.length === 0 ? <option value="">{t("paid.collaborations.pick")}</option> : null}
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="plan-form__row">
        <AmountInput label={t("paid.collaborations.reach")} value={reach} onChange={setReach} testId="collaboration-reach" />
        <AmountInput label={t("paid.collaborations.clicks")} value={clicks} onChange={setClicks} testId="collaboration-clicks" />
        <AmountInput
          label={t("paid.collaborations.conversions")}
          value={conversions}
          onChange={setConversions}
          testId="collaboration-conversions"
        />
        <AmountInput label={t("paid.collaborations.revenue")} value={revenue} onChange={setRevenue} testId="collaboration-revenue" />
        <AmountInput label={t("paid.collaborations.cost")} value={cost} onChange={setCost} testId="collaboration-cost" />
      </div>
      {campaignPosts.length > 0 ? (
        <fieldset className="plan-form__chips">
          <legend className="field__label">{t("paid.collaborations.posts")}</legend>
          {campaignPosts.map((id) => (
            <ToggleChip key={id} pressed={postIds.includes(id)} onToggle={() => togglePost(id)} testId="collaboration-post">
              {t("paid.postNumber", { id })}
            </ToggleChip>
          ))}
        </fieldset>
      ) : null}
      <PlanFormFooter
        name="collaboration"
        problems={problems}
        error={error}
        saving={saving}
        submitLabel={item ? t("paid.collaborations.save") : t("paid.collaborations.add")}
        onCancel={onCancel}
      />
    </form>
  );
}
