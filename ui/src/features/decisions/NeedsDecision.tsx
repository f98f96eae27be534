import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { useHeldPosts } from "../../hooks/usePosts";
import { useLanguage } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import type { PublishResultDto } from "../../ipc";
import type { WallTime } from "../../lib/wallTime";
import { PublishResults } from "../editor/PublishResults";
import { HeldPostItem } from "./HeldPostItem";

interface NeedsDecisionProps {
  /** The wall time now in the workspace's zone. */
  now: WallTime;
  timeZone: string;
  onOpenPost: (postId: number) => void;
}

/** What a decision published (publish now, mark as posted, it arrived / send again), kept after the post leaves the list. */
interface Outcome {
  postId: number;
  excerpt: string;
  results: PublishResultDto[];
}

/**
 * Scheduled posts that did not go out on time, waiting for the person to
 * publish, move or drop them. Shown only while something waits (or a result
 * of "Publish now" is still on screen).
 */
export function NeedsDecision({ now, timeZone, onOpenPost }: NeedsDecisionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const held = useHeldPosts();
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const list = held.data?.posts ?? [];
  const total = Math.max(held.data?.total ?? 0, list.length);

  const addOutcome = useCallback((outcome: Outcome) => {
    setOutcomes((current) => [outcome, ...current.filter((o) => o.postId !== outcome.postId)]);
  }, []);
  const dismiss = (postId: number) => setOutcomes((current) => current.filter((o) => o.postId !== postId));

  if (list.length === 0 && outcomes.length === 0 && !held.isError) return null;

  return (
    <section className="decisions" data-testid="needs-decision" aria-labelledby="needs-decision-title">
      <header className="decisions__header">
        <h2 id="needs-decision-title" className="decisions__title">
          {t("decisions.title")}
          {list.length > 0 ? (
            <span
              className="decisions__count"
              title={t("decisions.count", { amount: formatNumber(total, language) })}
              data-testid="needs-decision-count"
            >
              {formatNumber(total, language)}
            </span>
          ) : null}
        </h2>
        {list.length > 0 ? <p className="decisions__hint">{t("decisions.hint")}</p> : null}
        {total > list.length ? (
          <p className="decisions__hint" data-testid="needs-decision-more">
            {t("decisions.more", { shown: formatNumber(list.length, language), total: formatNumber(total, language) })}
          </p>
        ) : null}
      </header>
      {held.isError ? <ErrorNotice error={held.error} testId="needs-decision-error" /> : null}
      {list.length > 0 ? (
        <ul className="decisions__list">
          {list.map((item) => (
            <HeldPostItem
              key={item.post.id}
              held={item}
              now={now}
              timeZone={timeZone}
              onOpen={() => onOpenPost(item.post.id)}
              onPublished={(results) => addOutcome({ postId: item.post.id, excerpt: item.post.excerpt, results })}
            />
          ))}
        </ul>
      ) : null}
      {outcomes.map((outcome) => (
        <div key={outcome.postId} className="decisions__outcome" data-testid="held-results" data-post-id={outcome.postId}>
          <p className="decisions__outcome-title">{t("decisions.resultsFor", { excerpt: outcome.excerpt || t("decisions.noText") })}</p>
          <PublishResults results={outcome.results} />
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => dismiss(outcome.postId)}
            data-testid="held-results-dismiss"
          >
            {t("common.dismiss")}
          </button>
        </div>
      ))}
    </section>
  );
}
