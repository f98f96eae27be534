import { useEffect, useMemo, useReducer, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Modal } from "../../components/Modal";
import { StatusBadge } from "../../components/StatusBadge";
import { useChannels, useLabels } from "../../hooks/useCatalog";
import { usePost } from "../../hooks/usePosts";
import { usePostMedia } from "../../hooks/useMedia";
import { useTextMeasure } from "../../hooks/useTextMeasure";
import { useThreadPreview } from "../../hooks/useThreadPreview";
import { ipcErrorOf, type Network, type PostDto } from "../../ipc";
import { nowInZone } from "../../lib/wallTime";
import { MediaSection } from "../media/MediaSection";
import { ChannelPicker } from "./ChannelPicker";
import { ChannelTexts } from "./ChannelTexts";
import {
  draftBlockers,
  draftFromPost,
  draftReducer,
  draftToMeasureInput,
  emptyDraft,
  publishBlockers,
  publishSaveStatus,
  sameDraft,
  scheduleBlockers,
  type EditorDraft,
  type DraftPrefill,
} from "./editorDraft";
import { EditorFooter } from "./EditorFooter";
import { LabelPicker } from "./LabelPicker";
import { OnServerNote } from "./OnServerNote";
import { PublishLog } from "./PublishLog";
import { PublishResults } from "./PublishResults";
import { ScheduleFields } from "./ScheduleFields";
import { useEditorActions } from "./useEditorActions";
import { useEditorAutosave } from "./useEditorAutosave";
import { useEnsurePost } from "./useEnsurePost";
import { usePublishNow } from "./usePublishNow";

/** What to open the editor with. */
export interface EditorRequest {
  postId: number | null;
  /** A day (and time) clicked on the calendar, for a new post. */
  prefill?: DraftPrefill;
  /** An autosaved draft to continue. */
  restored?: EditorDraft;
}

interface EditorDialogProps {
  request: EditorRequest;
  timeZone: string;
  onClose: () => void;
  onOpenChannels: () => void;
  /** Opens another post in a fresh editor (the copy after Duplicate). */
  onOpenPost: (postId: number) => void;
}

export function EditorDialog({ request, timeZone, onClose, onOpenChannels, onOpenPost }: EditorDialogProps) {
  const { t } = useTranslation();
  const today = useMemo(() => {
    try {
      return nowInZone(timeZone).slice(0, 10);
    } catch {
      // A zone this webview's Intl does not know: the computer's day is close enough to offer times from.
      return new Date().toISOString().slice(0, 10);
    }
  }, [timeZone]);

  // The post being edited; a new post has one once it is saved as a draft
  // to take pictures (and the editor stays open on it).
  const [savedId, setSavedId] = useState<number | null>(null);
  const postQuery = usePost(savedId ?? request.postId);
  const post: PostDto | undefined = postQuery.data;
  const channelsQuery = useChannels();
  const labelsQuery = useLabels();
  const channels = useMemo(() => channelsQuery.data ?? [], [channelsQuery.data]);
  const labels = labelsQuery.data ?? [];
  const channelMap = useMemo(() => new Map(channels.map((c) => [c.id, c])), [channels]);

  // The draft being written, and what it was when opened (null: a restored
  // autosave, which always counts as unsaved work).
  const freshDraft = request.restored ?? (request.postId === null ? emptyDraft(request.prefill) : null);
  const [draft, dispatch] = useReducer(draftReducer, freshDraft ?? emptyDraft());
  const [baseline, setBaseline] = useState<EditorDraft | null>(request.restored ? null : freshDraft);
  const [loaded, setLoaded] = useState(freshDraft !== null);
  const [postGone, setPostGone] = useState(false);

  // An existing post: fill the form once, when it arrives. Later refreshes
  // (store-changed) must not overwrite what the person is typing.
  useEffect(() => {
    if (loaded || !post) return;
    const fromPost = draftFromPost(post);
    dispatch({ type: "replace", draft: fromPost });
    setBaseline(fromPost);
    setLoaded(true);
  }, [loaded, post]);

  // A restored autosave of a post deleted since: saving makes a new post.
  useEffect(() => {
    if (request.restored && request.postId !== null && postQuery.isError && ipcErrorOf(postQuery.error).code === "not_found") {
      dispatch({ type: "replace", draft: { ...draft, postId: null } });
      setPostGone(true);
    }
    // Runs when the lookup fails, not on every keystroke (hence no `draft` here).
  }, [postQuery.isError, postQuery.error, request.restored, request.postId]);

  const readOnly = post?.editable === false && draft.postId !== null;
  const dirty = loaded && !readOnly && (baseline === null || !sameDraft(draft, baseline));
  const autosave = useEditorAutosave(draft, dirty);

  const measureInput = useMemo(() => draftToMeasureInput(draft), [draft]);
  const { byChannel: measures } = useTextMeasure(measureInput);
  const { byChannel: threadPreviews } = useThreadPreview(measureInput);
  const pictureCount = usePostMedia(draft.postId).data?.length ?? 0;
  const selectedChannels = draft.channelIds.flatMap((id) => channelMap.get(id) ?? []);

  const networks = useMemo(() => [...new Set<Network>(selectedChannels.map((c) => c.network))], [selectedChannels]);

  const toSchedule = scheduleBlockers(draft, measures, channelMap);
  const toDraft = draftBlockers(draft);

  const [confirm, setConfirm] = useState<null | "discard" | "delete" | "duplicate">(null);
  const textRef = useRef<HTMLTextAreaElement>(null);

  const actions = useEditorActions({
    draft,
    knownChannels: channelsQuery.isSuccess ? channelMap : null,
    discardAutosave: autosave.discard,
    onClose,
    onOpenPost,
    onSettled: () => setConfirm(null),
  });
  const { save, remove, duplicate } = actions;

  // Pictures belong to a saved post: adding the first one saves a new post as a draft.
  const ensurePost = useEnsurePost({
    draft,
    knownChannels: channelsQuery.isSuccess ? channelMap : null,
    discardAutosave: autosave.discard,
    onSaved: (saved) => {
      dispatch({ type: "saved", postId: saved.postId });
      setBaseline(saved);
      setSavedId(saved.postId);
    },
  });

  const publish = usePublishNow({
    draft,
    dirty,
    status: post?.status,
    knownChannels: channelsQuery.isSuccess ? channelMap : null,
    discardAutosave: autosave.discard,
    onSaved: setBaseline,
  });
  const canPublish = draft.postId !== null && post !== undefined && !readOnly && !postGone;
  // A post that did not go out: the same button, offered as a retry.
  const retry = canPublish && post?.status === "failed";
  const saveBeforePublish = publishSaveStatus(post?.status) === "scheduled" ? toSchedule : toDraft;
  const toPublish = publishBlockers(draft, dirty ? saveBeforePublish : []);

  const requestClose = () => {
    if (dirty) setConfirm("discard");
    else onClose();
  };

  const discardAndClose = async () => {
    await autosave.discard();
    onClose();
  };

  const requestDuplicate = () => {
    if (draft.postId === null) return;
    if (dirty) setConfirm("duplicate");
    else duplicate.mutate(draft.postId);
  };

  const busy = save.isPending || remove.isPending || duplicate.isPending || publish.isPending;
  const title = readOnly ? t("editor.titlePublished") : draft.postId === null ? t("editor.titleNew") : t("editor.titleEdit");
  const mutationError = save.error ?? remove.error ?? duplicate.error ?? publish.error;

  const footer = (
    <EditorFooter
      readOnly={readOnly}
      ready={loaded}
      busy={busy}
      canDuplicate={draft.postId !== null && !postGone}
      toSchedule={toSchedule}
      toDraft={toDraft}
      canPublish={canPublish}
      retry={retry}
      publishing={publish.isPending}
      toPublish={toPublish}
      onPublishNow={() => publish.mutate()}
      onDuplicate={requestDuplicate}
      onDelete={() => setConfirm("delete")}
      onCancel={requestClose}
      onClose={onClose}
      onSaveDraft={() => actions.save.mutate("draft")}
      onSchedule={() => actions.save.mutate("scheduled")}
    />
  );

  return (
    <Modal
      title={title}
      onClose={readOnly ? onClose : requestClose}
      testId="editor"
      size="wide"
      closeLabel={t("common.close")}
      initialFocus={textRef}
      headerExtra={post && draft.postId !== null ? <StatusBadge status={post.status} /> : null}
      footer={footer}
    >
      {!loaded ? (
        postQuery.isError ? (
          <ErrorNotice error={postQuery.error} testId="editor-error" />
        ) : (
          <p className="loading">{t("common.loading")}</p>
        )
      ) : (
        <div className="editor">
          {request.restored ? (
            <p className="notice notice--info" data-testid="restored-notice">
              {t("editor.restored")}
            </p>
          ) : null}
          {postGone ? <p className="notice notice--info">{t("editor.postGone")}</p> : null}
          {readOnly ? <p className="notice notice--info">{t("editor.readOnly")}</p> : null}
          {retry ? (
            <p id="editor-failed-hint" className="notice notice--error" data-testid="failed-hint">
              <span aria-hidden="true" className="notice__icon">
                !
              </span>
              {t("editor.failedHint")}
            </p>
          ) : null}

          <div className="editor__main">
            <label className="field field--grow">
              <span className="field__label">{t("editor.text")}</span>
              <textarea
                ref={textRef}
                className="editor__text"
                rows={6}
                value={draft.text}
                onChange={(event) => dispatch({ type: "text", text: event.target.value })}
                placeholder={t("editor.textPlaceholder")}
                readOnly={readOnly}
                data-testid="editor-text"
              />
            </label>

            <section className="editor__section" aria-label={t("editor.channels")}>
              <h3 className="editor__heading">{t("editor.channels")}</h3>
              <ChannelPicker
                channels={channels}
                selected={draft.channelIds}
                onToggle={(channelId) => dispatch({ type: "toggleChannel", channelId })}
                disabled={readOnly}
                onAddChannel={onOpenChannels}
              />
              <ChannelTexts
                channels={selectedChannels}
                variants={draft.variants}
                measures={measures}
                threads={draft.threads}
                previews={threadPreviews}
                pictureCount={pictureCount}
                readOnly={readOnly}
                onVariant={(channelId, text) => dispatch({ type: "variant", channelId, text })}
                onThread={(channelId, on) => dispatch({ type: "thread", channelId, on })}
              />
              {post ? <OnServerNote channelIds={post.onServer} channelMap={channelMap} /> : null}
            </section>

            <MediaSection
              postId={draft.postId}
              ensurePost={ensurePost}
              canSave={toDraft.length === 0}
              readOnly={readOnly}
              networks={networks}
            />
          </div>

          <aside className="editor__side">
            <ScheduleFields
              date={draft.date}
              time={draft.time}
              timeZone={timeZone}
              today={today}
              readOnly={readOnly}
              onDate={(date) => dispatch({ type: "date", date })}
              onTime={(time) => dispatch({ type: "time", time })}
              onClear={() => dispatch({ type: "clearDate" })}
            />
            <section className="editor__section">
              <h3 className="editor__heading">{t("editor.labels")}</h3>
              <LabelPicker
                labels={labels}
                selected={draft.labelIds}
                onToggle={(labelId) => dispatch({ type: "toggleLabel", labelId })}
                disabled={readOnly}
              />
            </section>
          </aside>

          <div className="editor__messages">
            <ErrorNotice error={mutationError} testId="editor-error" />
            {publish.isPending ? (
              <p className="publish-progress" role="status" data-testid="publish-progress">
                {t("editor.publishingHelp")}
              </p>
            ) : null}
            {publish.data && !publish.isPending ? <PublishResults results={publish.data} /> : null}
            {autosave.failure ? (
              <p className="notice notice--quiet" data-testid="autosave-failed">
                {t("editor.autosaveFailed")}
              </p>
            ) : null}
          </div>

          {post && draft.postId !== null && !postGone ? (
            <PublishLog postId={draft.postId} status={post.status} timeZone={timeZone} />
          ) : null}
        </div>
      )}

      {confirm === "discard" ? (
        <ConfirmDialog
          title={t("editor.discardTitle")}
          confirmLabel={t("editor.discard")}
          cancelLabel={t("editor.keepEditing")}
          danger
          onConfirm={() => void discardAndClose()}
          onCancel={() => setConfirm(null)}
        >
          <p>{t("editor.discardBody")}</p>
        </ConfirmDialog>
      ) : null}
      {confirm === "delete" && draft.postId !== null ? (
        <ConfirmDialog
          title={t("editor.deleteTitle")}
          confirmLabel={t("editor.delete")}
          danger
          busy={remove.isPending}
          onConfirm={() => draft.postId !== null && remove.mutate(draft.postId)}
          onCancel={() => setConfirm(null)}
        >
          <p>{t("editor.deleteBody")}</p>
        </ConfirmDialog>
      ) : null}
      {confirm === "duplicate" && draft.postId !== null ? (
        <ConfirmDialog
          title={t("editor.duplicateDirtyTitle")}
          confirmLabel={t("editor.duplicate")}
          busy={duplicate.isPending}
          onConfirm={() => draft.postId !== null && duplicate.mutate(draft.postId)}
          onCancel={() => setConfirm(null)}
        >
          <p>{t("editor.duplicateDirtyBody")}</p>
        </ConfirmDialog>
      ) : null}
    </Modal>
  );
}
