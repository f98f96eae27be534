import { useTranslation } from "react-i18next";

import { localeOf, useLanguage } from "../../i18n";
import { usePublishLog } from "../../hooks/usePosts";
import type { useHeldActions } from "./useHeldActions";
import { lastAttemptByChannel, listOf } from "./publishProgress";

interface UnsureChoiceProps {
  postId: number;
  confirm: ReturnType<typeof useHeldActions>["confirm"];
  busy: boolean;
}

/**
 * A post Jadwal sent but never heard back about, to a network that cannot
 * recognise a repeat: the person looks at the channel and says whether it
 * arrived. The publish log names the channels whose answer never came.
 */
export function UnsureChoice({ postId, confirm, busy }: UnsureChoiceProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const log = usePublishLog(postId, true);
  const unheard = [...lastAttemptByChannel(log.data).values()]
    .filter((attempt) => attempt.outcome === "unknown")
    .map((attempt) => attempt.channelName);
  const sending = confirm.isPending ? confirm.variables : null;

  return (
    <div className="held-unsure" data-testid="held-unsure">
      <p className="held-unsure__question" data-testid="held-unsure-question">
        {unheard.length > 0
          ? t("decisions.unsure.question", { channels: listOf(unheard, localeOf(language)) })
          : t("decisions.unsure.question_generic")}
      </p>
      <div className="held-post__actions">
        <button
          type="button"
          className="button button--primary button--small"
          onClick={() => confirm.mutate(true)}
          disabled={busy}
          aria-busy={sending === true}
          data-testid="held-arrived"
        >
          {sending === true ? t("decisions.unsure.saving") : t("decisions.unsure.arrived")}
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => confirm.mutate(false)}
          disabled={busy}
          aria-busy={sending === false}
          data-testid="held-resend"
        >
          {sending === false ? t("decisions.unsure.sending") : t("decisions.unsure.resend")}
        </button>
      </div>
    </div>
  );
}
