import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { ChannelSelect } from "../../components/ChannelSelect";
import { ToggleChip } from "../../components/ToggleChip";
import { queryKeys } from "../../data/queryKeys";
import { calendarPosts, type CampaignDto, type CampaignInput } from "../../ipc";
import { addMinutes, splitWallTime } from "../../lib/wallTime";
import { PlanFormFooter } from "../strategy/PlanFormFooter";
import type { Problem } from "../strategy/planChecks";
import { AmountInput, amountText } from "./AmountInput";
import type { FormSlot } from "./EditableList";
import { campaignProblems, optionalAmount, type AmountField } from "./paidChecks";

/** The local day after `date` (the calendar's ranges end before their last day). */
function dayAfter(date: string): string {
  return splitWallTime(addMinutes(`${date}T00:00`, 24 * 60)).date;
}

interface CampaignFormProps extends FormSlot<CampaignDto, CampaignInput> {
  /** Today in the workspace's zone, the default start. */
  today: string;
}

/** A campaign's fields. Nothing typed is cleared when a check or the save fails. */
export function CampaignForm({ item, today, saving, error, onSave, onCancel }: CampaignFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(item?.name ?? "");
  const [channelId, setChannelId] = useState<number | null>(item?.channelId ?? null);
  const [starts, setStarts] = useState(item?.starts ?? today);
  const [ends, setEnds] = useState(item?.ends ?? "");
  const [budget, setBudget] = useState(amountText(item?.budget));
  const [spend, setSpend] = useState(amountText(item?.spend));
  const [impressions, setImpressions] = useState(amountText(item?.impressions));
  const [clicks, setClicks] = useState(amountText(item?.clicks));
  const [conversions, setConversions] = useState(amountText(item?.conversions));
  const [revenue, setRevenue] = useState(amountText(item?.revenue));
  const [postIds, setPostIds] = useState<number[]>(item?.postIds ?? []);
  const [problems, setProblems] = useState<Problem[]>([]);

  const periodOk = Boolean(starts && ends && ends >= starts);
  // The posts of the campaign's period, to link the ones it boosted.
  const posts = useQuery({
    queryKey: queryKeys.calendar(starts, periodOk ? dayAfter(ends) : starts),
    queryFn: () => calendarPosts(starts, dayAfter(ends)),
    enabled: periodOk,
  });

  const amounts: AmountField[] = [
    { label: t("paid.campaigns.budget"), raw: budget, kind: "money" },
    { label: t("paid.campaigns.spend"), raw: spend, kind: "money" },
    { label: t("paid.campaigns.impressions"), raw: impressions, kind: "count" },
    { label: t("paid.campaigns.clicks"), raw: clicks, kind: "count" },
    { label: t("paid.campaigns.conversions"), raw: conversions, kind: "count" },
    { label: t("paid.campaigns.revenue"), raw: revenue, kind: "money" },
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = campaignProblems({ name, starts, ends, budget }, amounts);
    setProblems(found);
    const budgetValue = optionalAmount(budget);
    if (found.length > 0 || budgetValue === null) return;
    onSave({
      name,
      channelId,
      starts,
      ends,
      budget: budgetValue,
      spend: optionalAmount(spend),
      impressions: optionalAmount(impressions),
      clicks: optionalAmount(clicks),
      conversions: optionalAmount(conversions),
      revenue: optionalAmount(revenue),
      postIds,
    });
  };

  const togglePost = (id: number) => setPostIds((ids) => (ids.includes(id) ? ids.filter((p) => p !== id) : [...ids, id]));
  const shown = posts.data ?? [];
  // Linked posts outside the period stay linked and listed.
  const elsewhere = postIds.filter((id) => !shown.some((p) => p.id === id));

  return (
    <form className="plan-form" onSubmit={submit} data-testid="campaign-form" noValidate>
      <div className="plan-form__row">
        <label className="field">
          <span className="field__label">{t("paid.campaigns.name")}</span>
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder={t("paid.campaigns.namePlaceholder")}
            maxLength={60}
            data-testid="campaign-name"
          />
        </label>
        <ChannelSelect
          value={channelId}
          onChange={setChannelId}
          label={t("paid.campaigns.channel")}
          emptyLabel={t("paid.campaigns.noChannel")}
          testId="campaign-channel"
        />
      </div>
      <div className="plan-form__row">
        <label className="field">
          <span className="field__label">{t("paid.campaigns.starts")}</span>
          <input type="date" value={starts} onChange={(event) => setStarts(event.target.value)} data-testid="campaign-starts" />
        </label>
        <label className="field">
          <span className="field__label">{t("paid.campaigns.ends")}</span>
          <input type="date" value={ends} onChange={(event) => setEnds(event.target.value)} data-testid="campaign-ends" />
        </label>
      </div>
      <div className="plan-form__row">
        <AmountInput label={t("paid.campaigns.budget")} value={budget} onChange={setBudget} testId="campaign-budget" />
        <AmountInput label={t("paid.campaigns.spend")} value={spend} onChange={setSpend} testId="campaign-spend" />
        <AmountInput label={t("paid.campaigns.revenue")} value={revenue} onChange={setRevenue} testId="campaign-revenue" />
      </div>
      <div className="plan-form__row">
        <AmountInput
          label={t("paid.campaigns.impressions")}
          value={impressions}
          onChange={setImpressions}
          testId="campaign-impressions"
        />
        <AmountInput label={t("paid.campaigns.clicks")} value={clicks} onChange={setClicks} testId="campaign-clicks" />
        <AmountInput
          label={t("paid.campaigns.conversions")}
          value={conversions}
          onChange={setConversions}
          testId="campaign-conversions"
        />
      </div>
      <p className="field__hint">{t("paid.unknownHint")}</p>
      <fieldset className="plan-form__chips">
        <legend className="field__label">{t("paid.campaigns.posts")}</legend>
        {!periodOk ? <span className="field__hint">{t("paid.campaigns.postsAfterPeriod")}</span> : null}
        {periodOk && shown.length === 0 && elsewhere.length === 0 ? (
          <span className="field__hint">{t("paid.campaigns.noPosts")}</span>
        ) : null}
        {shown.map((p) => (
          <ToggleChip key={p.id} pressed={postIds.includes(p.id)} onToggle={() => togglePost(p.id)} testId="campaign-post">
            {p.excerpt}
          </ToggleChip>
        ))}
        {elsewhere.map((id) => (
          <ToggleChip key={id} pressed onToggle={() => togglePost(id)} testId="campaign-post">
            {t("paid.postNumber", { id })}
          </ToggleChip>
        ))}
      </fieldset>
      <PlanFormFooter
        name="campaign"
        problems={problems}
        error={error}
        saving={saving}
        submitLabel={item ? t("paid.campaigns.save") : t("paid.campaigns.add")}
        onCancel={onCancel}
      />
    </form>
  );
}
