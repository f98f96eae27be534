import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef } from "react";

import { queryKeys } from "../../data/queryKeys";
import { createPost, type ChannelDto } from "../../ipc";
import { savableInput, type EditorDraft } from "./editorDraft";

interface EnsurePostOptions {
  draft: EditorDraft;
  knownChannels: ReadonlyMap<number, ChannelDto> | null;
  discardAutosave: () => Promise<unknown>;
  /** The new post is saved as `saved` (a draft); the editor stays open on it. */
  onSaved: (saved: EditorDraft & { postId: number }) => void;
}

/**
 * The post's id, for what belongs to a saved post (its pictures): a new
 * post is saved as a draft first, once, however many callers ask at the
 * same time. Rejects with Rust's error when it cannot be saved.
 */
export function useEnsurePost({ draft, knownChannels, discardAutosave, onSaved }: EnsurePostOptions) {
  const queryClient = useQueryClient();
  const latest = useRef({ draft, knownChannels, discardAutosave, onSaved });
  latest.current = { draft, knownChannels, discardAutosave, onSaved };
  const saving = useRef<Promise<number> | null>(null);

  return useCallback((): Promise<number> => {
    const { draft: current, knownChannels: known } = latest.current;
    if (current.postId !== null) return Promise.resolve(current.postId);
    saving.current ??= createPost(savableInput(current, known, "draft")).then(async (outcome) => {
      latest.current.onSaved({ ...current, postId: outcome.post.id });
      await latest.current.discardAutosave();
      void queryClient.invalidateQueries({ queryKey: queryKeys.posts });
      return outcome.post.id;
    });
    const pending = saving.current;
    // A refused save can be tried again; a made post is never made twice.
    pending.catch(() => {
      if (saving.current === pending) saving.current = null;
    });
    return pending;
  }, [queryClient]);
}
