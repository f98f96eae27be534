import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { usePublishLog } from "../../hooks/usePosts";
import { useLanguage } from "../../i18n";
import { formatInstant } from "../../i18n/format";
import type { AttemptDto, PostStatus } from "../../ipc";
import { PublishedLink, reasonOf } from "./PublishResults";

interface PublishLogProps {
  postId: number;
  /** The post's status as stored: a failed post opens with its history shown, so the reason is in sight. */
  status: PostStatus;
  timeZone: string;
}

/** Every try to publish the post, newest first, in a section that folds away. */
export function PublishLog({ postId, status, timeZone }: PublishLogProps) {
  const { t } = useTranslation();
  const failed = status === "failed";
  const [open, setOpen] = useState(failed);
  // A post that fails while the editor is open: its reason comes into view too.
  useEffect(() => {
    if (failed) setOpen(true);
  }, [failed]);

  const log = usePublishLog(postId, open);
  // Rust sends the oldest first; the newest is what the person looks for.
  const attempts = log.data ? [...log.data].reverse() : [];

  return (
    <details
      className="publish-log"
      data-testid="publish-log"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="publish-log__title">{t("editor.log.title")}</summary>
      {!open ? null : log.isError ? (
        <ErrorNotice error={log.error} testId="publish-log-error" />
      ) : !log.data ? (
        <p className="loading">{t("common.loading")}</p>
      ) : attempts.length === 0 ? (
        <p className="field__hint" data-testid="publish-log-empty">
          {t("editor.log.empty")}
        </p>
      ) : (
        <ul className="publish-results__list">
          {attempts.map((attempt, index) => (
            <AttemptRow key={`${attempt.startedAt}|${attempt.channelId}|${index}`} attempt={attempt} timeZone={timeZone} />
          ))}
        </ul>
      )}
    </details>
  );
}

function AttemptRow({ attempt, timeZone }: { attempt: AttemptDto; timeZone: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const tone = attempt.outcome === "published" ? "published" : attempt.outcome === "failed" ? "refused" : "unknown";
  return (
    <li
      className={`publish-result publish-log__row publish-result--${tone}`}
      data-testid="publish-log-row"
      data-outcome={attempt.outcome}
    >
      <time className="publish-log__time" dateTime={attempt.startedAt}>
        {formatInstant(attempt.startedAt, timeZone, language)}
      </time>
      <span className="publish-result__channel">{attempt.channelName}</span>
      <span className="publish-result__outcome">
        <span aria-hidden="true">{tone === "published" ? "✓ " : tone === "refused" ? "! " : "? "}</span>
        {tone === "published"
          ? t("editor.results.published")
          : tone === "refused"
            ? t("editor.results.notPublished")
            : t("editor.log.stopped")}
      </span>
      <span className="publish-result__detail">
        {tone === "published" ? (
          <PublishedLink url={attempt.url} />
        ) : tone === "refused" ? (
          reasonOf(t, attempt)
        ) : (
          t("editor.log.stoppedDetail")
        )}
      </span>
    </li>
  );
}
