import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { useMediaThumbnails, useNetworkPresets, usePostMedia, usePostMediaChecks } from "../../hooks/useMedia";
import type { Network } from "../../ipc";
import { AttachmentCard } from "./AttachmentCard";
import { withMoved, withRemoved } from "./attachmentList";
import { ImportStatus } from "./ImportStatus";
import { MediaLibraryDialog } from "./MediaLibraryDialog";
import { MediaProblems } from "./MediaProblems";
import { presetsFor } from "./networkPresets";
import { useFileDrop } from "./useFileDrop";
import { useMediaImport } from "./useMediaImport";
import { usePostMediaActions } from "./usePostMediaActions";

interface MediaSectionProps {
  /** The saved post; null while it is new. */
  postId: number | null;
  /**
   * The post's id, saving a new post as a draft first (pictures belong to a
   * saved post). Rejects when it cannot be saved.
   */
  ensurePost: () => Promise<number>;
  /** A new post that cannot be saved yet (no text): adding waits. */
  canSave: boolean;
  readOnly: boolean;
  /** The networks of the channels picked in the editor, for the previews. */
  networks: readonly Network[];
}

/** The editor's Pictures: add (picker, drop, library), order, alt text, focal point, previews and problems. */
export function MediaSection({ postId, ensurePost, canSave, readOnly, networks }: MediaSectionProps) {
  const { t } = useTranslation();
  const media = usePostMedia(postId);
  const checks = usePostMediaChecks(postId);
  const attachments = useMemo(() => media.data ?? [], [media.data]);
  const thumbnails = useMediaThumbnails(useMemo(() => attachments.map((a) => a.hash), [attachments]));
  const presetTable = useNetworkPresets();
  // Null until the table has come: the previews wait rather than say "none".
  const presets = useMemo(
    () => (presetTable.data ? presetsFor(presetTable.data, networks) : null),
    [presetTable.data, networks],
  );
  const actions = usePostMediaActions();
  const [libraryOpen, setLibraryOpen] = useState(false);

  const attach = async (hashes: string[]) => {
    const id = await ensurePost();
    await actions.add.mutateAsync({ postId: id, hashes });
  };
  const importer = useMediaImport(attach);
  const canAdd = !readOnly && (postId !== null || canSave);
  const dropOver = useFileDrop(canAdd && !importer.importing, (paths) => importer.start({ kind: "paths", paths }));

  const busy =
    importer.importing || actions.add.isPending || actions.replace.isPending || actions.fix.isPending;
  const problems = checks.data ?? [];
  const postWide = problems.filter((p) => p.hash === null);
  const mutationError = actions.add.error ?? actions.replace.error ?? actions.update.error ?? actions.fix.error;

  return (
    <section
      className={dropOver ? "editor__section media-section media-section--drop" : "editor__section media-section"}
      aria-labelledby="media-section-title"
      data-testid="media-section"
      data-drop-active={dropOver ? "true" : "false"}
    >
      <div className="media-section__header">
        <h3 id="media-section-title" className="editor__heading">
          {t("media.title")}
        </h3>
        {readOnly ? null : (
          <div className="media-section__actions">
            <button
              type="button"
              className="button button--small"
              disabled={!canAdd || busy}
              onClick={() => importer.start({ kind: "picker" })}
              data-testid="media-add-files"
            >
              {t("media.addFiles")}
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={!canAdd || busy}
              onClick={() => setLibraryOpen(true)}
              data-testid="media-open-library"
            >
              {t("media.openLibrary")}
            </button>
          </div>
        )}
      </div>

      {dropOver ? (
        <p className="media-section__drop" data-testid="media-drop-zone">
          {t("media.dropHere")}
        </p>
      ) : readOnly ? (
        attachments.length > 0 ? <p className="field__hint">{t("media.readOnly")}</p> : null
      ) : postId === null ? (
        <p className="field__hint" data-testid="media-new-post-hint">
          {canSave ? t("media.newPostHint") : t("media.newPostNeedsText")}
        </p>
      ) : (
        <p className="field__hint">{t("media.dropHint")}</p>
      )}

      <ImportStatus importer={importer} />
      <ErrorNotice error={media.error ?? checks.error ?? presetTable.error ?? mutationError} testId="media-error" />

      <MediaProblems
        problems={postWide}
        busy={busy}
        readOnly={readOnly}
        onFix={(problem, fix) => postId !== null && actions.fix.mutate({ postId, hash: problem.hash, fix })}
      />

      {attachments.length === 0 ? (
        postId !== null && media.isSuccess ? <p className="field__hint">{t("media.none")}</p> : null
      ) : (
        <ol className="media-attachments">
          {attachments.map((attachment, index) => (
            <AttachmentCard
              key={attachment.hash}
              attachment={attachment}
              index={index}
              count={attachments.length}
              thumbnail={thumbnails.get(attachment.hash)}
              problems={problems.filter((p) => p.hash === attachment.hash)}
              presets={presets}
              readOnly={readOnly}
              busy={busy}
              onUpdate={(item) => postId !== null && actions.update.mutate({ postId, item })}
              onMove={(delta) => postId !== null && actions.replace.mutate({ postId, items: withMoved(attachments, index, delta) })}
              onRemove={() => postId !== null && actions.replace.mutate({ postId, items: withRemoved(attachments, attachment.hash) })}
              onFix={(problem, fix) => postId !== null && actions.fix.mutate({ postId, hash: problem.hash, fix })}
            />
          ))}
        </ol>
      )}

      {libraryOpen ? (
        <MediaLibraryDialog
          attachedHashes={attachments.map((a) => a.hash)}
          onAttach={async (hashes) => {
            await attach(hashes);
            setLibraryOpen(false);
          }}
          onClose={() => setLibraryOpen(false)}
        />
      ) : null}
    </section>
  );
}
