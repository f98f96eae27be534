import { useTranslation } from "react-i18next";

import { blockerText } from "./blockerText";
import type { Blocker } from "./editorDraft";

interface EditorFooterProps {
  readOnly: boolean;
  /** The post is loaded and the form filled. */
  ready: boolean;
  busy: boolean;
  canDuplicate: boolean;
  toSchedule: Blocker[];
  toDraft: Blocker[];
  /** An existing, editable post: it can be published now. */
  canPublish: boolean;
  /** The post failed to go out: "Publish now" reads "Try again". */
  retry: boolean;
  publishing: boolean;
  toPublish: Blocker[];
  onDuplicate: () => void;
  onDelete: () => void;
  onCancel: () => void;
  onClose: () => void;
  onSaveDraft: () => void;
  onSchedule: () => void;
  onPublishNow: () => void;
}

/** The editor's buttons, and in words why Schedule is not available yet. */
export function EditorFooter(props: EditorFooterProps) {
  const { t } = useTranslation();
  const { readOnly, ready, busy, canDuplicate, toSchedule, toDraft, canPublish, retry, publishing, toPublish } = props;
  return (
    <div className="editor-footer">
      <div className="editor-footer__left">
        {canDuplicate ? (
          <button type="button" className="button" onClick={props.onDuplicate} disabled={busy} data-testid="duplicate">
            {t("editor.duplicate")}
          </button>
        ) : null}
        {canDuplicate && !readOnly ? (
          <button
            type="button"
            className="button button--danger-quiet"
            onClick={props.onDelete}
            disabled={busy}
            data-testid="delete"
          >
            {t("editor.delete")}
          </button>
        ) : null}
      </div>
      <div className="editor-footer__right">
        {readOnly ? (
          <button type="button" className="button" onClick={props.onClose} data-testid="editor-close">
            {t("common.close")}
          </button>
        ) : (
          <>
            <button type="button" className="button button--quiet" onClick={props.onCancel} data-testid="cancel">
              {t("common.cancel")}
            </button>
            {canPublish ? (
              <button
                type="button"
                className="button"
                onClick={props.onPublishNow}
                disabled={busy || !ready || toPublish.length > 0}
                aria-busy={publishing}
                aria-describedby={retry ? "editor-failed-hint editor-publish-reasons" : "editor-publish-reasons"}
                data-testid="publish-now"
              >
                {publishing ? t("editor.publishing") : retry ? t("editor.tryAgain") : t("editor.publishNow")}
              </button>
            ) : null}
            <button
              type="button"
              className="button"
              onClick={props.onSaveDraft}
              disabled={busy || !ready || toDraft.length > 0}
              aria-describedby="editor-draft-reasons"
              data-testid="save-draft"
            >
              {t("editor.saveDraft")}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={props.onSchedule}
              disabled={busy || !ready || toSchedule.length > 0}
              aria-describedby="editor-schedule-reasons"
              data-testid="schedule"
            >
              {t("editor.schedule")}
            </button>
          </>
        )}
      </div>
      {!readOnly && ready ? (
        <div className="editor-footer__reasons">
          {toSchedule.length > 0 ? (
            <p id="editor-schedule-reasons" className="reasons" data-testid="schedule-reasons">
              <span className="reasons__lead">{t("editor.scheduleNeeds")}</span>{" "}
              {toSchedule.map((blocker) => blockerText(t, blocker)).join(" · ")}
            </p>
          ) : null}
          {/* Whatever stops a draft also stops scheduling, so this is only for screen readers. */}
          {toDraft.length > 0 ? (
            <p id="editor-draft-reasons" className="sr-only" data-testid="draft-reasons">
              <span className="reasons__lead">{t("editor.draftNeeds")}</span>{" "}
              {toDraft.map((blocker) => blockerText(t, blocker)).join(" · ")}
            </p>
          ) : null}
          {/* Each of these is also a reason Schedule shows above. */}
          {canPublish && toPublish.length > 0 ? (
            <p id="editor-publish-reasons" className="sr-only" data-testid="publish-reasons">
              <span className="reasons__lead">{t("editor.publishNeeds")}</span>{" "}
              {toPublish.map((blocker) => blockerText(t, blocker)).join(" · ")}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
