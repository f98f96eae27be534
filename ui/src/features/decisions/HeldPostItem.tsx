import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorNotice } from "../../components/ErrorNotice";
import { useLanguage } from "../../i18n";
import { formatDateTime } from "../../i18n/format";
import type { HeldPostDto, PublishResultDto } from "../../ipc";
import { addMinutes, type WallTime } from "../../lib/wallTime";
import { AssistedHelp } from "./AssistedHelp";
import { heldChoices, heldReasonText } from "./heldReason";
import { HeldMovePicker } from "./HeldMovePicker";
import { UnsureChoice } from "./UnsureChoice";
import { useHeldActions } from "./useHeldActions";

interface HeldPostItemProps {
  held: HeldPostDto;
  /** The wall time now in the workspace's zone. */
  now: WallTime;
  timeZone: string;
  onOpen: () => void;
  onPublished: (results: PublishResultDto[]) => void;
}

/** One post waiting for a decision: what it is, when it was due, why it waits, and the choices. */
export function HeldPostItem({ held, now, timeZone, onOpen, onPublished }: HeldPostItemProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { post, reason } = held;
  const { publish, move, skip, confirm, markAsPosted } = useHeldActions(post.id, onPublished);
  const [moving, setMoving] = useState(false);
  const [confirmSkip, setConfirmSkip] = useState(false);
  const choices = heldChoices(reason);
  const busy = publish.isPending || move.isPending || skip.isPending || confirm.isPending || markAsPosted.isPending;
  // "Mark as posted" shows its error under its own channel.
  const error = publish.error ?? move.error ?? skip.error ?? confirm.error;

  return (
    <li className={`held-post held-post--${reason}`} data-testid="held-post" data-post-id={post.id} data-reason={reason}>
      <button type="button" className="held-post__excerpt" onClick={onOpen} title={t("decisions.open")} data-testid="held-open">
        {post.excerpt || t("decisions.noText")}
      </button>
      {post.start ? (
        <p className="held-post__when" data-testid="held-when">
          {t("decisions.plannedFor", { when: formatDateTime(post.start, language) })}
        </p>
      ) : null}
      <p className="held-post__reason" data-testid="held-reason">
        {heldReasonText(t, reason)}
      </p>
      {reason === "unsure" ? <UnsureChoice postId={post.id} confirm={confirm} busy={busy} /> : null}
      {reason === "assisted" ? <AssistedHelp post={post} markAsPosted={markAsPosted} busy={busy} /> : null}
      <div className="held-post__actions">
        {choices.publish ? (
          <button
            type="button"
            className="button button--primary button--small"
            onClick={() => publish.mutate()}
            disabled={busy}
            aria-busy={publish.isPending}
            data-testid="held-publish"
          >
            {publish.isPending ? t("decisions.publishing") : t("decisions.publishNow")}
          </button>
        ) : null}
        {choices.move ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => setMoving((open) => !open)}
            disabled={busy}
            aria-expanded={moving}
            data-testid="held-move"
          >
            {t("decisions.move")}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--danger-quiet button--small"
          onClick={() => setConfirmSkip(true)}
          disabled={busy}
          data-testid="held-skip"
        >
          {t("decisions.skip")}
        </button>
      </div>
      {moving && choices.move ? (
        <HeldMovePicker
          initial={addMinutes(now, 60)}
          timeZone={timeZone}
          busy={move.isPending}
          onConfirm={(at) => move.mutate(at, { onSuccess: () => setMoving(false) })}
          onCancel={() => setMoving(false)}
        />
      ) : null}
      <ErrorNotice error={error} testId="held-error" />

      {confirmSkip ? (
        <ConfirmDialog
          title={t("decisions.skipTitle")}
          confirmLabel={t("decisions.skip")}
          cancelLabel={t("decisions.skipKeep")}
          danger
          busy={skip.isPending}
          onConfirm={() => skip.mutate(undefined, { onSettled: () => setConfirmSkip(false) })}
          onCancel={() => setConfirmSkip(false)}
        >
          <p>{t("decisions.skipBody")}</p>
        </ConfirmDialog>
      ) : null}
    </li>
  );
}
