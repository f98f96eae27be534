import { useTranslation } from "react-i18next";

import type { GoalProgress } from "../../ipc";
import { useLanguage } from "../../i18n";
import { formatLongDate, formatNumber } from "../../i18n/format";
import { formatMeasure } from "./measures";

/** How far a goal has come, `null` when its figure is not known yet. */
export function reached(goal: GoalProgress): number | null {
  if (goal.actual === null || !(goal.target > 0)) return null;
  return goal.actual / goal.target;
}

/** Each goal against its target, in its own period. */
export function GoalsSection({ goals }: { goals: readonly GoalProgress[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="dashboard__section" aria-labelledby="dashboard-goals">
      <h3 id="dashboard-goals">{t("dashboard.goals")}</h3>
      {goals.length === 0 ? (
        <p className="dashboard__empty">{t("dashboard.noGoals")}</p>
      ) : (
        <ul className="goal-progress" data-testid="goal-progress">
          {goals.map((goal) => {
            const share = reached(goal);
            return (
              <li key={goal.goalId} className="goal-progress__item" data-goal={goal.goalId}>
                <div className="goal-progress__head">
                  <span className="goal-progress__name">
                    {t(`strategy.kinds.${goal.kind}`, { defaultValue: goal.kind })}
                    {goal.channels.length > 0 ? ` · ${goal.channels.join(", ")}` : ""}
                  </span>
                  <span className="goal-progress__figures">
                    {formatMeasure(goal.kpi, goal.actual, language)} / {formatMeasure(goal.kpi, goal.target, language)}{" "}
                    {t(`strategy.measures.${goal.kpi}`, { defaultValue: goal.kpi })}
                  </span>
                </div>
                <meter
                  className="goal-progress__meter"
                  min={0}
                  max={1}
                  low={0.5}
                  high={0.99}
                  optimum={1}
                  value={share === null ? 0 : Math.min(share, 1)}
                  aria-label={t(`strategy.kinds.${goal.kind}`, { defaultValue: goal.kind })}
                />
                <div className="goal-progress__foot">
                  <span>
                    {share === null
                      ? t("dashboard.goalUnknown")
                      : t("dashboard.goalReached", { percent: formatNumber(Math.round(share * 100), language) })}
                  </span>
                  <span>
                    {formatLongDate(goal.firstDay, language)} – {formatLongDate(goal.lastDay, language)}
                  </span>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
