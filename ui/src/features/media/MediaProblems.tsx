import { useTranslation } from "react-i18next";

import type { MediaFixDto, MediaProblemDto } from "../../ipc";
import { fixLabel, problemText } from "./problemText";

interface MediaProblemsProps {
  problems: readonly MediaProblemDto[];
  busy: boolean;
  readOnly: boolean;
  onFix: (problem: MediaProblemDto, fix: MediaFixDto) => void;
}

/** What the post's networks would refuse (errors) or show differently (warnings), each with its one-click fix. */
export function MediaProblems({ problems, busy, readOnly, onFix }: MediaProblemsProps) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <ul className="media-problems">
      {problems.map((problem, index) => (
        <li
          key={`${problem.network}|${problem.code}|${problem.hash ?? ""}|${index}`}
          className={`media-problem media-problem--${problem.severity === "error" ? "error" : "warning"}`}
          data-testid="media-problem"
          data-code={problem.code}
          data-severity={problem.severity}
        >
          <span className="media-problem__severity">
            <span aria-hidden="true">{problem.severity === "error" ? "! " : "i "}</span>
            {problem.severity === "error" ? t("media.severity.error") : t("media.severity.warning")}
          </span>
          <span className="media-problem__text">{problemText(t, problem)}</span>
          {problem.fix && !readOnly ? (
            <button
              type="button"
              className="button button--small"
              data-testid="media-fix"
              disabled={busy}
              onClick={() => problem.fix && onFix(problem, problem.fix)}
            >
              {fixLabel(t, problem.fix)}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
