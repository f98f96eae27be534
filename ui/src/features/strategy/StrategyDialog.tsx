import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { Modal } from "../../components/Modal";
import { PaidSection } from "../paid/PaidSection";
import { GoalsSection } from "./GoalsSection";
import { PersonasSection } from "./PersonasSection";
import { PillarsSection } from "./PillarsSection";
import { RhythmSection } from "./RhythmSection";
import { SwotBoard } from "./SwotBoard";
import { useStrategy } from "./useStrategy";

interface StrategyDialogProps {
  /** Today in the workspace's zone (`YYYY-MM-DD`), where a new goal starts. */
  today: string;
  onClose: () => void;
}

type Step = "situation" | "goals" | "audiences" | "pillars" | "rhythm" | "paid";
const STEPS: readonly Step[] = ["situation", "goals", "audiences", "pillars", "rhythm", "paid"];

/** The workspace's plan, in the guides' order, one numbered step after another. */
export function StrategyDialog({ today, onClose }: StrategyDialogProps) {
  const { t } = useTranslation();
  const plan = useStrategy();

  const body = (step: Step): ReactNode => {
    const data = plan.data;
    if (!data) return null;
    switch (step) {
      case "situation":
        return <SwotBoard items={data.swot} />;
      case "goals":
        return <GoalsSection goals={data.goals} today={today} />;
      case "audiences":
        return <PersonasSection personas={data.personas} />;
      case "pillars":
        return <PillarsSection pillars={data.pillars} />;
      case "rhythm":
        return <RhythmSection rhythm={data.rhythm} />;
      case "paid":
        return <PaidSection today={today} />;
    }
  };

  const help: Record<Step, string> = {
    situation: t("strategy.swot.help"),
    goals: t("strategy.goals.help"),
    audiences: t("strategy.audiences.help"),
    pillars: t("strategy.pillars.help"),
    rhythm: t("strategy.rhythm.help"),
    paid: t("paid.help"),
  };

  return (
    <Modal
      title={t("strategy.title")}
      onClose={onClose}
      testId="strategy"
      size="wide"
      closeLabel={t("common.close")}
      footer={
        <button type="button" className="button" onClick={onClose} data-testid="strategy-done">
          {t("common.done")}
        </button>
      }
    >
      <p className="plan-intro">{t("strategy.intro")}</p>
      <nav className="plan-steps" aria-label={t("strategy.title")}>
        {STEPS.map((step, i) => (
          <a key={step} href={`#plan-${step}`} className="plan-steps__link">
            <span className="plan-steps__number">{i + 1}</span>
            {t(`strategy.steps.${step}`)}
          </a>
        ))}
      </nav>
      {plan.isPending ? <p className="plan-empty">{t("common.loading")}</p> : null}
      <ErrorNotice error={plan.error} testId="strategy-error" />
      {STEPS.map((step, i) => (
        <section key={step} id={`plan-${step}`} className="plan-section" aria-labelledby={`plan-${step}-title`} data-testid={`plan-${step}`}>
          <h3 id={`plan-${step}-title`} className="plan-section__title">
            <span className="plan-steps__number" aria-hidden="true">
              {i + 1}
            </span>
            {t(`strategy.steps.${step}`)}
          </h3>
          <p className="field__hint">{help[step]}</p>
          {body(step)}
        </section>
      ))}
    </Modal>
  );
}
