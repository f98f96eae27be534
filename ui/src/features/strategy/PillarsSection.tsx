import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { ColorField, PALETTE } from "../../components/ColorField";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorNotice } from "../../components/ErrorNotice";
import { addPillar, removePillar, updatePillar, type PillarDto, type PillarInput } from "../../ipc";
import { shareProblems, textProblems, type Problem } from "./planChecks";
import { PlanFormFooter } from "./PlanFormFooter";
import { usePlanWrite } from "./useStrategy";

/** Content pillars: labels with a target share of posts. */
export function PillarsSection({ pillars }: { pillars: readonly PillarDto[] }) {
  const { t } = useTranslation();
  const [formKey, setFormKey] = useState(0);
  const [editing, setEditing] = useState<number | null>(null);
  const [toRemove, setToRemove] = useState<PillarDto | null>(null);
  const add = usePlanWrite(addPillar, () => setFormKey((k) => k + 1));
  const update = usePlanWrite(({ id, input }: { id: number; input: PillarInput }) => updatePillar(id, input), () =>
    setEditing(null),
  );
  const remove = usePlanWrite(removePillar, () => setToRemove(null));
  const total = pillars.reduce((sum, p) => sum + p.share, 0);
  const othersThan = (labelId: number | null) =>
    pillars.filter((p) => p.labelId !== labelId).reduce((sum, p) => sum + p.share, 0);

  return (
    <div className="plan-section__body">
      {pillars.length === 0 ? <p className="plan-empty">{t("strategy.pillars.empty")}</p> : null}
      {pillars.length > 0 ? (
        <div className="pillar-mix" data-testid="pillar-mix">
          <div className="pillar-mix__bar" aria-hidden="true">
            {pillars.map((p) => (
              <span key={p.labelId} className="pillar-mix__part" style={{ width: `${p.share}%`, backgroundColor: p.color }} />
            ))}
          </div>
          <p className={total === 100 ? "pillar-mix__note" : "pillar-mix__note pillar-mix__note--open"} data-testid="pillar-total">
            {t("strategy.pillars.total", { total })}{" "}
            {total < 100 ? t("strategy.pillars.left", { left: 100 - total }) : t("strategy.pillars.full")}
          </p>
        </div>
      ) : null}
      <ul className="plan-list">
        {pillars.map((p) =>
          editing === p.labelId ? (
            <li key={p.labelId} className="plan-list__item plan-list__item--editing">
              <PillarForm
                pillar={p}
                othersTotal={othersThan(p.labelId)}
                saving={update.isPending}
                error={update.error}
                onSave={(input) => update.mutate({ id: p.labelId, input })}
                onCancel={() => setEditing(null)}
              />
            </li>
          ) : (
            <li key={p.labelId} className="plan-list__item" data-testid="pillar-row">
              <span className="catalog-row__swatch" style={{ backgroundColor: p.color }} aria-hidden="true" />
              <div className="plan-list__main">
                <span className="plan-list__title">{p.name}</span>
              </div>
              <span className="plan-share" data-testid="pillar-share">
                {p.share}%
              </span>
              <span className="plan-list__actions">
                <button
                  type="button"
                  className="button button--quiet button--small"
                  onClick={() => setEditing(p.labelId)}
                  data-testid="pillar-edit"
                >
                  {t("strategy.pillars.edit")}
                </button>
                <button
                  type="button"
                  className="button button--danger-quiet button--small"
                  onClick={() => setToRemove(p)}
                  data-testid="pillar-remove"
                >
                  {t("strategy.pillars.remove")}
                </button>
              </span>
            </li>
          ),
        )}
      </ul>
      <ErrorNotice error={remove.error} />
      <h4 className="plan-subtitle">{t("strategy.pillars.add")}</h4>
      <PillarForm
        key={formKey}
        othersTotal={total}
        saving={add.isPending}
        error={add.error}
        onSave={(input) => add.mutate(input)}
      />
      {toRemove ? (
        <ConfirmDialog
          title={t("strategy.pillars.removeTitle", { name: toRemove.name })}
          confirmLabel={t("strategy.pillars.remove")}
          danger
          busy={remove.isPending}
          onConfirm={() => remove.mutate(toRemove.labelId)}
          onCancel={() => setToRemove(null)}
        >
          <p>{t("strategy.pillars.removeBody")}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

interface PillarFormProps {
  pillar?: PillarDto;
  /** The other pillars' shares, added up. */
  othersTotal: number;
  saving: boolean;
  error: unknown;
  onSave: (input: PillarInput) => void;
  onCancel?: () => void;
}

function PillarForm({ pillar, othersTotal, saving, error, onSave, onCancel }: PillarFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(pillar?.name ?? "");
  const [color, setColor] = useState(pillar?.color ?? PALETTE[3] ?? "#3f9d5a");
  const [share, setShare] = useState(pillar ? String(pillar.share) : "");
  const [problems, setProblems] = useState<Problem[]>([]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = [...textProblems(name), ...shareProblems(share, othersTotal)];
    setProblems(found);
    if (found.length === 0) onSave({ name, color, share: Number(share.trim()) });
  };

  return (
    <form className="plan-form" onSubmit={submit} data-testid="pillar-form" noValidate>
      <div className="plan-form__row">
        <label className="field">
          <span className="field__label">{t("strategy.pillars.name")}</span>
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder={t("strategy.pillars.namePlaceholder")}
            maxLength={60}
            data-testid="pillar-name"
          />
        </label>
        <label className="field field--narrow">
          <span className="field__label">{t("strategy.pillars.share")}</span>
          <input inputMode="numeric" value={share} onChange={(event) => setShare(event.target.value)} data-testid="pillar-share-input" />
        </label>
      </div>
      <ColorField label={t("catalog.color")} value={color} onChange={(value) => value && setColor(value)} />
      <PlanFormFooter
        name="pillar"
        problems={problems}
        error={error}
        saving={saving}
        submitLabel={pillar ? t("strategy.pillars.save") : t("strategy.pillars.add")}
        onCancel={onCancel}
      />
    </form>
  );
}
