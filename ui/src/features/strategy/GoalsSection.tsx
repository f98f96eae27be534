import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorNotice } from "../../components/ErrorNotice";
import { useChannelMap, useChannels } from "../../hooks/useCatalog";
import { useLanguage } from "../../i18n";
import { formatNumber, formatShortDate } from "../../i18n/format";
import { createGoal, deleteGoal, updateGoal, type GoalDto, type GoalInput } from "../../ipc";
import { GoalForm } from "./GoalForm";
import { usePlanWrite } from "./useStrategy";

/** Goals: what the posts are for, how it is measured, by how much, by when. */
export function GoalsSection({ goals, today }: { goals: readonly GoalDto[]; today: string }) {
  const { t } = useTranslation();
  const channels = useChannels();
  const [formKey, setFormKey] = useState(0);
  const [editing, setEditing] = useState<number | null>(null);
  const [toRemove, setToRemove] = useState<GoalDto | null>(null);
  // A fresh, empty form after each goal added.
  const add = usePlanWrite(createGoal, () => setFormKey((k) => k + 1));
  const update = usePlanWrite(({ id, input }: { id: number; input: GoalInput }) => updateGoal(id, input), () =>
    setEditing(null),
  );
  const remove = usePlanWrite(deleteGoal, () => setToRemove(null));

  return (
    <div className="plan-section__body">
      {goals.length === 0 ? <p className="plan-empty">{t("strategy.goals.empty")}</p> : null}
      <ul className="plan-list">
        {goals.map((goal) =>
          editing === goal.id ? (
            <li key={goal.id} className="plan-list__item plan-list__item--editing">
              <GoalForm
                goal={goal}
                channels={channels.data ?? []}
                today={today}
                saving={update.isPending}
                error={update.error}
                onSave={(input) => update.mutate({ id: goal.id, input })}
                onCancel={() => setEditing(null)}
              />
            </li>
          ) : (
            <GoalRow key={goal.id} goal={goal} onEdit={() => setEditing(goal.id)} onRemove={() => setToRemove(goal)} />
          ),
        )}
      </ul>
      <ErrorNotice error={remove.error} />
      <details className="plan-add" open={goals.length === 0 || undefined}>
        <summary className="plan-add__summary" data-testid="goal-add-open">
          {t("strategy.goals.add")}
        </summary>
        <GoalForm
          key={formKey}
          channels={channels.data ?? []}
          today={today}
          saving={add.isPending}
          error={add.error}
          onSave={(input) => add.mutate(input)}
        />
      </details>
      {toRemove ? (
        <ConfirmDialog
          title={t("strategy.goals.removeTitle")}
          confirmLabel={t("strategy.goals.remove")}
          danger
          busy={remove.isPending}
          onConfirm={() => remove.mutate(toRemove.id)}
          onCancel={() => setToRemove(null)}
        >
          <p>{t("strategy.goals.removeBody")}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function GoalRow({ goal, onEdit, onRemove }: { goal: GoalDto; onEdit: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const channels = useChannelMap();
  const names = goal.channelIds.map((id) => channels.get(id)?.name).filter((n): n is string => Boolean(n));
  return (
    <li className="plan-list__item" data-testid="goal-row" data-id={goal.id}>
      <div className="plan-list__main">
        <span className="plan-tag">{t(`strategy.kinds.${goal.kind}`)}</span>
        <span className="plan-list__title">
          {t("strategy.goals.summary", {
            measure: t(`strategy.measures.${goal.measure}`),
            target: formatNumber(goal.target, language),
          })}
        </span>
        <span className="plan-list__meta">
          {formatShortDate(goal.starts, language)} – {formatShortDate(goal.ends, language)} ·{" "}
          {names.length > 0 ? names.join(", ") : t("strategy.goals.allChannels")}
        </span>
      </div>
      <span className="plan-list__actions">
        <button type="button" className="button button--quiet button--small" onClick={onEdit} data-testid="goal-edit">
          {t("strategy.goals.edit")}
        </button>
        <button type="button" className="button button--danger-quiet button--small" onClick={onRemove} data-testid="goal-remove">
          {t("strategy.goals.remove")}
        </button>
      </span>
    </li>
  );
}
