import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import type { Network, PartnerDto, PartnerInput } from "../../ipc";
import { NETWORKS } from "../../lib/networks";
import { PlanFormFooter } from "../strategy/PlanFormFooter";
import type { Problem } from "../strategy/planChecks";
import { AmountInput, amountText } from "./AmountInput";
import type { FormSlot } from "./EditableList";
import { optionalAmount, partnerProblems } from "./paidChecks";

/** An influencer partner's fields. Nothing typed is cleared when a check or the save fails. */
export function PartnerForm({ item, saving, error, onSave, onCancel }: FormSlot<PartnerDto, PartnerInput>) {
  const { t } = useTranslation();
  const [name, setName] = useState(item?.name ?? "");
  const [network, setNetwork] = useState<Network>(item?.network ?? "instagram");
  const [handle, setHandle] = useState(item?.handle ?? "");
  const [audience, setAudience] = useState(amountText(item?.audience));
  const [engagementRate, setEngagementRate] = useState(amountText(item?.engagementRate));
  const [rate, setRate] = useState(amountText(item?.rate));
  const [notes, setNotes] = useState(item?.notes ?? "");
  const [problems, setProblems] = useState<Problem[]>([]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = partnerProblems(
      name,
      { label: t("paid.partners.engagementRate"), raw: engagementRate, kind: "money" },
      [
        { label: t("paid.partners.audience"), raw: audience, kind: "count" },
        { label: t("paid.partners.rate"), raw: rate, kind: "money" },
      ],
    );
    setProblems(found);
    if (found.length > 0) return;
    onSave({
      name,
      network,
      handle,
      audience: optionalAmount(audience),
      engagementRate: optionalAmount(engagementRate),
      rate: optionalAmount(rate),
      notes,
    });
  };

  return (
    <form className="plan-form" onSubmit={submit} data-testid="partner-form" noValidate>
      <div className="plan-form__row">
        <label className="field">
          <span className="field__label">{t("paid.partners.name")}</span>
          <input value={name} onChange={(event) => setName(event.target.value)} maxLength={60} data-testid="partner-name" />
        </label>
        <label className="field">
          <span className="field__label">{t("paid.partners.network")}</span>
          <select value={network} onChange={(event) => setNetwork(event.target.value as Network)} data-testid="partner-network">
            {NETWORKS.filter((n) => n !== "webhook").map((n) => (
              <option key={n} value={n}>
                {t(`networks.${n}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t("paid.partners.handle")}</span>
          <input
            value={handle}
            onChange={(event) => setHandle(event.target.value)}
            placeholder="@"
            maxLength={100}
            data-testid="partner-handle"
          />
        </label>
      </div>
      <div className="plan-form__row">
        <AmountInput label={t("paid.partners.audience")} value={audience} onChange={setAudience} testId="partner-audience" />
        <AmountInput
          label={t("paid.partners.engagementRate")}
          value={engagementRate}
          onChange={setEngagementRate}
          testId="partner-engagement"
        />
        <AmountInput label={t("paid.partners.rate")} value={rate} onChange={setRate} testId="partner-rate" />
      </div>
      <label className="field">
        <span className="field__label">{t("paid.partners.notes")}</span>
        <textarea rows={2} value={notes} onChange={(event) => setNotes(event.target.value)} maxLength={500} />
      </label>
      <PlanFormFooter
        name="partner"
        problems={problems}
        error={error}
        saving={saving}
        submitLabel={item ? t("paid.partners.save") : t("paid.partners.add")}
        onCancel={onCancel}
      />
    </form>
  );
}
