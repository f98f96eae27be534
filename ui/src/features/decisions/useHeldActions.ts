import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { queryKeys } from "../../data/queryKeys";
import { useLanguage } from "../../i18n";
import { adjustmentText } from "../../i18n/adjustmentText";
import { formatDateTime } from "../../i18n/format";
import { publishHeldNow, reschedulePost, skipPost, type PublishResultDto } from "../../ipc";
import type { WallTime } from "../../lib/wallTime";
import { useToast } from "../toast/ToastProvider";

/**
 * The three decisions for a held post: publish now, move, don't publish.
 * Each refreshes the posts (the held list is one of them) before it settles.
 * `onPublished` sits on the mutation itself, so the results still arrive when
 * the post has already left the list.
 */
export function useHeldActions(postId: number, onPublished: (results: PublishResultDto[]) => void) {
  const { t } = useTranslation();
  const language = useLanguage();
  const toast = useToast();
  const queryClient = useQueryClient();

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.posts }),
      queryClient.invalidateQueries({ queryKey: queryKeys.post(postId) }),
    ]);

  const publish = useMutation({
    mutationFn: () => publishHeldNow(postId),
    onSuccess: onPublished,
    onSettled: () =>
      Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: queryKeys.accounts })]),
  });

  const move = useMutation({
    mutationFn: (at: WallTime) => reschedulePost(postId, at),
    onSuccess: (outcome, at) => {
      const message = t("decisions.moved", { when: formatDateTime(outcome.post.schedule?.local ?? at, language) });
      toast(
        outcome.adjustment
          ? { message, detail: adjustmentText(t, outcome.adjustment, language), tone: "warning", duration: 15_000 }
          : { message, tone: "success" },
      );
    },
    onSettled: refresh,
  });

  const skip = useMutation({
    mutationFn: () => skipPost(postId),
    onSuccess: () => toast({ message: t("decisions.skipped"), tone: "success" }),
    onSettled: refresh,
  });

  return { publish, move, skip };
}
