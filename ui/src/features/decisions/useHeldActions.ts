import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { queryKeys } from "../../data/queryKeys";
import { useLanguage } from "../../i18n";
import { adjustmentText } from "../../i18n/adjustmentText";
import { formatDateTime } from "../../i18n/format";
import {
  confirmOutcome,
  markPosted,
  publishHeldNow,
  reschedulePost,
  skipPost,
  type PublishResultDto,
} from "../../ipc";
import type { WallTime } from "../../lib/wallTime";
import { useToast } from "../toast/ToastProvider";

/**
 * The decisions for a held post: publish now, move, don't publish; for a post
 * posted by hand, "mark as posted"; for a post of unknown fate, "it arrived"
 * or "send it again". Each refreshes the posts (the held list is one of them)
 * before it settles. `onPublished` sits on the mutations themselves, so the
 * results still arrive when the post has already left the list.
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

  // Publishing may find a login that stopped working: the accounts change too.
  const refreshAfterPublishing = () =>
    Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: queryKeys.accounts })]);

  const publish = useMutation({
    mutationFn: () => publishHeldNow(postId),
    onSuccess: onPublished,
    onSettled: refreshAfterPublishing,
  });

  /** The person's word on a post Jadwal sent but never heard back about. */
  const confirm = useMutation({
    mutationFn: (arrived: boolean) => confirmOutcome(postId, arrived),
    onSuccess: onPublished,
    onSettled: refreshAfterPublishing,
  });

  /** The person posted it by hand on one channel; `url` is the post's address, if they gave one. */
  const markAsPosted = useMutation({
    mutationFn: ({ channelId, url }: { channelId: number; url: string | null }) => markPosted(postId, channelId, url),
    onSuccess: onPublished,
    onSettled: refreshAfterPublishing,
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

  return { publish, move, skip, confirm, markAsPosted };
}
