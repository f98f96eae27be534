import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { useChannelMap } from "../../hooks/useCatalog";
import { useLanguage } from "../../i18n";
import { formatDateTime, formatDayMonth, formatShortDate } from "../../i18n/format";
import type { GoalGapDto, PillarDriftDto, RhythmGapDto, StrategyDto } from "../../ipc";
import type { DraftPrefill } from "../editor/editorDraft";
import { usePlanGaps } from "./usePlanGaps";

interface PlanGapsPanelProps {
  range: { from: string; to: string } | null;
  /** The plan, to know whether there is one to fall short of. */
  plan: StrategyDto | undefined;
  onFill: (prefill: DraftPrefill) => void;
  onOpenStrategy: () => void;
}

/**
 * Where the visible range falls short of the plan: weeks under a channel's
 * rhythm (with the free days to fill), pillars far off their share, goals
 * whose period has no post. Shown only once there is a plan.
 */
export function PlanGapsPanel({ range, plan, onFill, onOpenStrategy }: PlanGapsPanelProps) {
  const { t } = useTranslation();
  const gaps = usePlanGaps(range);
  const hasPlan = plan !== undefined && (plan.rhythm.length > 0 || plan.pillars.length > 0 || plan.goals.length > 0);
  if (!hasPlan) return null;
  const data = gaps.data;
  const count = data ? data.rhythm.length + data.pillars.length + data.goals.length : 0;

  return (
    <section className="plan-gaps" aria-labelledby="plan-gaps-title" data-testid="plan-gaps">
      <header className="plan-gaps__header">
        <h2 id="plan-gaps-title" className="plan-gaps__title">
          {t("planGaps.title")}
          {count > 0 ? <span className="plan-gaps__count">{count}</span> : null}
        </h2>
        <button type="button" className="button button--quiet button--small" onClick={onOpenStrategy}>
          {t("planGaps.openStrategy")}
        </button>
      </header>
      <ErrorNotice error={gaps.error} testId="plan-gaps-error" />
      {data && count === 0 ? <p className="plan-gaps__none">{t("planGaps.none")}</p> : null}
      <ul className="plan-gaps__list">
        {data?.rhythm.map((gap) => (
          <RhythmGapItem key={`${gap.channelId}-${gap.weekStart}`} gap={gap} onFill={onFill} />
        ))}
        {data?.pillars.map((drift) => (
          <PillarDriftItem key={drift.labelId} drift={drift} farOff={data.farOffPoints} plan={plan} onFill={onFill} />
        ))}
        {data?.goals.map((gap) => <GoalGapItem key={gap.goal.id} gap={gap} onFill={onFill} />)}
      </ul>
    </section>
  );
}

function RhythmGapItem({ gap, onFill }: { gap: RhythmGapDto; onFill: (prefill: DraftPrefill) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const channels = useChannelMap();
  const channel = channels.get(gap.channelId);
  return (
    <li className="plan-gap" data-testid="plan-gap-rhythm" style={{ borderLeftColor: channel?.color }}>
      <span className="plan-gap__text">
        {t("planGaps.rhythm", {
          channel: channel?.name ?? "",
          week: formatDayMonth(`${gap.weekStart}T00:00`, language),
          planned: gap.planned,
          wanted: gap.wanted,
        })}
      </span>
      {gap.slots.length === 0 ? <span className="plan-gap__meta">{t("planGaps.noSlot")}</span> : null}
      <span className="plan-gap__slots">
        {gap.slots.map((at) => (
          <button
            key={at}
            type="button"
            className="button button--small plan-gap__slot"
            onClick={() => onFill({ date: at.slice(0, 10), time: at.slice(11, 16), channelIds: [gap.channelId] })}
            aria-label={t("planGaps.fill", { when: formatDateTime(at, language) })}
            data-testid="plan-slot"
            data-at={at}
          >
            ＋ {formatDateTime(at, language)}
          </button>
        ))}
      </span>
    </li>
  );
}

interface PillarDriftItemProps {
  drift: PillarDriftDto;
  farOff: number;
  plan: StrategyDto | undefined;
  onFill: (prefill: DraftPrefill) => void;
}

function PillarDriftItem({ drift, farOff, plan, onFill }: PillarDriftItemProps) {
  const { t } = useTranslation();
  const pillar = plan?.pillars.find((p) => p.labelId === drift.labelId);
  return (
    <li className="plan-gap" data-testid="plan-gap-pillar" style={{ borderLeftColor: pillar?.color }}>
      <span className="plan-gap__text">
        {t("planGaps.pillar", { pillar: pillar?.name ?? "", actual: drift.actual, target: drift.target })}
      </span>
      <span className="plan-gap__meta">{t("planGaps.pillarFar", { points: farOff, total: drift.total })}</span>
      {drift.actual < drift.target ? (
        <span className="plan-gap__slots">
          <button
            type="button"
            className="button button--small plan-gap__slot"
            onClick={() => onFill({ labelIds: [drift.labelId] })}
            data-testid="plan-pillar-fill"
          >
            ＋ {pillar?.name ?? ""}
          </button>
        </span>
      ) : null}
    </li>
  );
}

function GoalGapItem({ gap, onFill }: { gap: GoalGapDto; onFill: (prefill: DraftPrefill) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const slot = gap.slot;
  return (
    <li className="plan-gap" data-testid="plan-gap-goal">
      <span className="plan-gap__text">
        {t("planGaps.goal", {
          kind: t(`strategy.kinds.${gap.goal.kind}`),
          starts: formatShortDate(gap.goal.starts, language),
          ends: formatShortDate(gap.goal.ends, language),
        })}
      </span>
      {slot ? (
        <span className="plan-gap__slots">
          <button
            type="button"
            className="button button--small plan-gap__slot"
            onClick={() => onFill({ date: slot.slice(0, 10), time: slot.slice(11, 16), channelIds: gap.goal.channelIds })}
            aria-label={t("planGaps.fill", { when: formatDateTime(slot, language) })}
            data-testid="plan-goal-fill"
          >
            ＋ {formatDateTime(slot, language)}
          </button>
        </span>
      ) : (
        <span className="plan-gap__meta">{t("planGaps.noSlot")}</span>
      )}
    </li>
  );
}
