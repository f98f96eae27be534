import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { ToggleChip } from "../../components/ToggleChip";
import type { ChannelDto, GoalDto, GoalInput, GoalKind, GoalMeasure } from "../../ipc";
import { COUNT_MEASURES, GOAL_KINDS, KPI_MEASURES, SUGGESTED_MEASURE } from "./goalChoices";
import { PlanFormFooter } from "./PlanFormFooter";
import { goalProblems, parseNumber, type Problem } from "./planChecks";

interface GoalFormProps {
  goal?: GoalDto;
  channels: readonly ChannelDto[];
  /** Today in the workspace's zone, the default start. */
  today: string;
  saving: boolean;
  error: unknown;
  onSave: (input: GoalInput) => void;
  onCancel?: () => void;
}

/** A goal's fields. Nothing typed is cleared when a check or the save fails. */
export function GoalForm({ goal, channels, today, saving, error, onSave, onCancel }: GoalFormProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<GoalKind>(goal?.kind ?? "engagement");
  const [measure, setMeasure] = useState<GoalMeasure>(goal?.measure ?? SUGGESTED_MEASURE.engagement);
  const [measureTouched, setMeasureTouched] = useState(goal !== undefined);
  const [target, setTarget] = useState(goal ? String(goal.target) : "");
  const [starts, setStarts] = useState(goal?.starts ?? today);
  const [ends, setEnds] = useState(goal?.ends ?? "");
  const [channelIds, setChannelIds] = useState<number[]>(goal?.channelIds ?? []);
  const [problems, setProblems] = useState<Problem[]>([]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = goalProblems({ target, starts, ends });
    setProblems(found);
    const value = parseNumber(target);
    if (found.length > 0 || value === null) return;
    onSave({ kind, measure, target: value, starts, ends, channelIds });
  };

  const toggle = (id: number) =>
    setChannelIds((ids) => (ids.includes(id) ? ids.filter((c) => c !== id) : [...ids, id]));

  return (
    <form className="plan-form" onSubmit={submit} data-testid="goal-form" noValidate>
      <div className="plan-form__row">
        <label className="field">
          <span className="field__label">{t("strategy.goals.kind")}</span>
          <select
            value={kind}
            onChange={(event) => {
              const next = event.target.value as GoalKind;
              setKind(next);
              // Follow the kind until the person picks a measure themselves.
              if (!measureTouched) setMeasure(SUGGESTED_MEASURE[next]);
            }}
            data-testid="goal-kind"
          >
            {GOAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`strategy.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t("strategy.goals.measure")}</span>
          <select
            value={measure}
            onChange={(event) => {
              setMeasure(event.target.value as GoalMeasure);
              setMeasureTouched(true);
            }}
            data-testid="goal-measure"
          >
            <optgroup label={t("strategy.goals.kpis")}>
              {KPI_MEASURES.map((m) => (
                <option key={m} value={m}>
                  {t(`strategy.measures.${m}`)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("strategy.goals.counts")}>
              {COUNT_MEASURES.map((m) => (
                <option key={m} value={m}>
                  {t(`strategy.measures.${m}`)}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label className="field field--narrow">
          <span className="field__label">{t("strategy.goals.target")}</span>
          <input
            inputMode="decimal"
            value={target}
            onChange={(event) => setTarget(event.target.value)}
            data-testid="goal-target"
          />
        </label>
      </div>
      <div className="plan-form__row">
        <label className="field">
          <span className="field__label">{t("strategy.goals.starts")}</span>
          <input type="date" value={starts} onChange={(event) => setStarts(event.target.value)} data-testid="goal-starts" />
        </label>
        <label className="field">
          <span className="field__label">{t("strategy.goals.ends")}</span>
          <input type="date" value={ends} onChange={(event) => setEnds(event.target.value)} data-testid="goal-ends" />
        </label>
      </div>
      <fieldset className="plan-form__chips">
        <legend className="field__label">
          {t("strategy.goals.channels")}
          {channelIds.length === 0 ? <span className="field__hint"> · {t("strategy.goals.allChannels")}</span> : null}
        </legend>
        {channels.map((c) => (
          <ToggleChip
            key={c.id}
            pressed={channelIds.includes(c.id)}
            onToggle={() => toggle(c.id)}
            color={c.color}
            testId="goal-channel"
            data={{ "data-id": c.id }}
          >
            {c.name}
          </ToggleChip>
        ))}
      </fieldset>
      <PlanFormFooter
        name="goal"
        problems={problems}
        error={error}
        saving={saving}
        submitLabel={goal ? t("strategy.goals.save") : t("strategy.goals.add")}
        onCancel={onCancel}
      />
    </form>
  );
}
