import { useMutation, useQueryClient } from "@tanstack/react-query";

import { queryKeys } from "../../data/queryKeys";
import { publishNow, updatePost, type ChannelDto, type PostStatus } from "../../ipc";
import { publishSaveStatus, savableInput, type EditorDraft } from "./editorDraft";

interface PublishNowOptions {
  draft: EditorDraft;
  /** Unsaved changes are saved first: publishing sends what is stored, not what is on screen. */
  dirty: boolean;
  /** The post's status as stored. */
  status: PostStatus | undefined;
  /** The channels that exist, once known; null while loading. */
  knownChannels: ReadonlyMap<number, ChannelDto> | null;
  discardAutosave: () => Promise<unknown>;
  /** The changes are saved: what was sent is the editor's new starting point. */
  onSaved: (saved: EditorDraft) => void;
}

/**
 * Saves unsaved changes (keeping the post's status), then publishes the post
 * to each of its channels. The answer is one result per channel; it rejects
 * only when the post as a whole could not go (or the save was refused).
 */
export function usePublishNow({ draft, dirty, status, knownChannels, discardAutosave, onSaved }: PublishNowOptions) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const id = draft.postId;
      if (id === null) throw new Error("a new post is saved before it is published");
      if (dirty) {
        await updatePost(id, savableInput(draft, knownChannels, publishSaveStatus(status)));
        onSaved(draft);
        await discardAutosave();
      }
      return publishNow(id);
    },
    onSettled: () =>
      Promise.all([
        // The post's status changes, and a refused login marks its account.
        queryClient.invalidateQueries({ queryKey: queryKeys.posts }),
        queryClient.invalidateQueries({ queryKey: queryKeys.post(draft.postId ?? -1) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.accounts }),
      ]),
  });
}
