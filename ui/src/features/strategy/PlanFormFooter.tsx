import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldProblems } from "./FieldProblems";
import type { Problem } from "./planChecks";

interface PlanFormFooterProps {
  /** The prefix of the form's test ids: `goal` gives goal-problem, goal-error, goal-save. */
  name: string;
  problems: readonly Problem[];
  /** The engine's refusal of the last save, if any. */
  error: unknown;
  saving: boolean;
  submitLabel: string;
  onCancel?: () => void;
}

/** What every plan form ends with: what to fix, the engine's refusal, Cancel and Save. */
export function PlanFormFooter({ name, problems, error, saving, submitLabel, onCancel }: PlanFormFooterProps) {
  const { t } = useTranslation();
  return (
    <>
      <FieldProblems problems={problems} testId={`${name}-problem`} />
      <ErrorNotice error={error} testId={`${name}-error`} />
      <div className="plan-form__actions">
        {onCancel ? (
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        ) : null}
        <button type="submit" className="button button--primary" disabled={saving} data-testid={`${name}-save`}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
