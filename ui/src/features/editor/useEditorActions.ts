import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { queryKeys } from "../../data/queryKeys";
import { useLanguage } from "../../i18n";
import { adjustmentText } from "../../i18n/adjustmentText";
import { formatDateTime } from "../../i18n/format";
import { createPost, deletePost, duplicatePost, updatePost, type ChannelDto } from "../../ipc";
import { useToast } from "../toast/ToastProvider";
import { useUndo } from "../undo/UndoProvider";
import { draftWallTime, savableInput, type EditorDraft } from "./editorDraft";

interface EditorActionsOptions {
  draft: EditorDraft;
  /** The channels that exist, once known; null while loading. */
  knownChannels: ReadonlyMap<number, ChannelDto> | null;
  discardAutosave: () => Promise<unknown>;
  onClose: () => void;
  onOpenPost: (postId: number) => void;
  /** After a delete or duplicate, whatever the outcome (closes the confirmation). */
  onSettled: () => void;
}

/** Save, delete and duplicate, with the refresh, toast and undo each one needs. */
export function useEditorActions({ draft, knownChannels, discardAutosave, onClose, onOpenPost, onSettled }: EditorActionsOptions) {
  const { t } = useTranslation();
  const language = useLanguage();
  const toast = useToast();
  const undo = useUndo();
  const queryClient = useQueryClient();

  const refresh = (id: number) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.posts }),
      queryClient.invalidateQueries({ queryKey: queryKeys.post(id) }),
    ]);

  const save = useMutation({
    mutationFn: (status: "draft" | "scheduled") => {
      const input = savableInput(draft, knownChannels, status);
      return draft.postId === null ? createPost(input) : updatePost(draft.postId, input);
    },
    onSuccess: async (outcome, status) => {
      await discardAutosave();
      void refresh(outcome.post.id);
      const at = outcome.post.schedule?.local ?? draftWallTime(draft);
      const message =
        status === "scheduled" && at
          ? t("editor.savedScheduled", { when: formatDateTime(at, language) })
          : at
            ? t("editor.savedDraftDated", { when: formatDateTime(at, language) })
            : t("editor.savedDraftTray");
      const adjustment = outcome.adjustment;
      toast(
        adjustment
          ? { message, detail: adjustmentText(t, adjustment, language), tone: "warning", duration: 15_000 }
          : { message, tone: "success" },
      );
      onClose();
    },
  });

  const remove = useMutation({
    mutationFn: (id: number) => deletePost(id),
    onSuccess: async (_, id) => {
      await discardAutosave();
      void refresh(id);
      undo.record({ kind: "delete", postId: id }, t("editor.deleted"));
      onClose();
    },
    onSettled,
  });

  const duplicate = useMutation({
    mutationFn: (id: number) => duplicatePost(id),
    onSuccess: async (copy) => {
      await discardAutosave();
      void queryClient.invalidateQueries({ queryKey: queryKeys.posts });
      toast({ message: t("editor.duplicated"), tone: "success" });
      onOpenPost(copy.id);
    },
    onSettled,
  });

  return { save, remove, duplicate };
}
