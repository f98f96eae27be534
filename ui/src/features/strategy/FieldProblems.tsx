import { useTranslation } from "react-i18next";

import type { Problem } from "./planChecks";

/** What to fix in a form, in the reader's language, next to the form. */
export function FieldProblems({ problems, testId }: { problems: readonly Problem[]; testId: string }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div className="notice notice--error" role="alert" data-testid={testId}>
      <span aria-hidden="true" className="notice__icon">
        !
      </span>
      <span>
        {problems.map((p) => (
          <span key={p.key} className="plan-problem">
            {t(p.key, p.values ?? {})}
          </span>
        ))}
      </span>
    </div>
  );
}
