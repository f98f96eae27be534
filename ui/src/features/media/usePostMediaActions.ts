import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { queryKeys } from "../../data/queryKeys";
import {
  applyMediaFix,
  postMedia,
  setPostMedia,
  updatePostMedia,
  type AttachmentDto,
  type AttachmentInput,
  type MediaFixDto,
} from "../../ipc";
import { useToast } from "../toast/ToastProvider";
import { withAdded } from "./attachmentList";

/**
 * Changing a post's pictures. Each answer is the post's pictures as stored,
 * shown at once; then the checks run again and the calendar's thumbnails
 * and the library's "used in" refresh (store-changed does too, a moment later).
 */
export function usePostMediaActions() {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();

  const stored = (postId: number, list: AttachmentDto[]) => {
    queryClient.setQueryData(queryKeys.postMedia(postId), list);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.postMediaChecks(postId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.posts }),
    ]);
  };

  /** Adds library pictures at the end (asking Rust for the list first, so nothing is lost). */
  const add = useMutation({
    mutationFn: async ({ postId, hashes }: { postId: number; hashes: string[] }) =>
      setPostMedia(postId, withAdded(await postMedia(postId), hashes)),
    onSuccess: (list, { postId }) => stored(postId, list),
  });

  /** Replaces the list: a move or a removal. */
  const replace = useMutation({
    mutationFn: ({ postId, items }: { postId: number; items: AttachmentInput[] }) => setPostMedia(postId, items),
    onSuccess: (list, { postId }) => stored(postId, list),
  });

  /** One picture's alt text or focal point. */
  const update = useMutation({
    mutationFn: ({ postId, item }: { postId: number; item: AttachmentInput }) => updatePostMedia(postId, item),
    onSuccess: (list, { postId }) => stored(postId, list),
  });

  const fix = useMutation({
    mutationFn: ({ postId, hash, fix: chosen }: { postId: number; hash: string | null; fix: MediaFixDto }) =>
      applyMediaFix(postId, hash, chosen),
    onSuccess: async (outcome, { postId }) => {
      toast(
        outcome.newPostId !== null
          ? { message: t("media.movedToNewPost"), tone: "success", duration: 8_000 }
          : { message: t("media.fixed"), tone: "success" },
      );
      await stored(postId, outcome.media);
    },
  });

  return { add, replace, update, fix };
}
