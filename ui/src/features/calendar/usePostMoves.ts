import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";

import { queryKeys } from "../../data/queryKeys";
import { useLanguage } from "../../i18n";
import { adjustmentText } from "../../i18n/adjustmentText";
import { errorText } from "../../i18n/errorText";
import { formatDateTime } from "../../i18n/format";
import { ipcErrorOf, reschedulePost, unschedulePost } from "../../ipc";
import type { WallTime } from "../../lib/wallTime";
import { useToast } from "../toast/ToastProvider";
import { useUndo } from "../undo/UndoProvider";

/**
 * Moving posts by hand (drag and drop): the command, the refresh, the undo
 * entry and the toast. Each returns whether the move happened, so the
 * calendar can put a refused drag back.
 */
export function usePostMoves() {
  const { t } = useTranslation();
  const language = useLanguage();
  const toast = useToast();
  const undo = useUndo();
  const queryClient = useQueryClient();

  const refresh = useCallback(
    (postId: number) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.posts }),
        queryClient.invalidateQueries({ queryKey: queryKeys.post(postId) }),
      ]),
    [queryClient],
  );

  const fail = useCallback(
    (error: unknown) => {
      toast({ message: t("calendar.moveFailed"), detail: errorText(t, ipcErrorOf(error)), tone: "error" });
    },
    [t, toast],
  );

  /** Puts a post at `to`; `from` null means it came from the tray. */
  const move = useCallback(
    async (postId: number, from: WallTime | null, to: WallTime): Promise<boolean> => {
      try {
        const outcome = await reschedulePost(postId, to);
        await refresh(postId);
        const when = formatDateTime(outcome.post.schedule?.local ?? to, language);
        undo.record(
          { kind: "move", postId, from, to },
          t("calendar.moved", { when }),
          outcome.adjustment ? adjustmentText(t, outcome.adjustment, language) : undefined,
        );
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },
    [fail, language, refresh, t, undo],
  );

  /** Takes the date off a post: back to the tray. */
  const unschedule = useCallback(
    async (postId: number, from: WallTime): Promise<boolean> => {
      try {
        await unschedulePost(postId);
        await refresh(postId);
        undo.record({ kind: "unschedule", postId, from }, t("calendar.unscheduled"));
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },
    [fail, refresh, t, undo],
  );

  return { move, unschedule };
}
