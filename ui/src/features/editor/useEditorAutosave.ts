import { useCallback, useEffect, useRef, useState } from "react";

import { clearAutosave, saveAutosave } from "../../ipc";
import { serializeDraft, type EditorDraft } from "./editorDraft";

export const AUTOSAVE_SLOT = "editor";
export const AUTOSAVE_DEBOUNCE_MS = 300;

/**
 * Keeps a copy of the open editor in Rust, so a crash or a closed laptop
 * loses at most the last 300 ms of typing. Writes go through one queue: a
 * slow save must never land after the clear that followed it (which would
 * bring back a post that was already saved).
 */
export function useEditorAutosave(draft: EditorDraft, dirty: boolean) {
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const stopped = useRef(false);
  const stored = useRef(false);
  const [failure, setFailure] = useState<unknown>(null);

  const enqueue = useCallback((task: () => Promise<unknown>) => {
    const next = queue.current.then(task, task);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  useEffect(() => {
    if (stopped.current) return;
    // Back to what is saved: an old copy must not come back at the next start.
    if (!dirty && !stored.current) return;
    const timer = setTimeout(() => {
      if (stopped.current) return;
      const task = dirty ? () => saveAutosave(AUTOSAVE_SLOT, serializeDraft(draft)) : () => clearAutosave(AUTOSAVE_SLOT);
      stored.current = dirty;
      enqueue(task).then(
        () => setFailure(null),
        (error: unknown) => setFailure(error),
      );
    }, AUTOSAVE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, dirty, enqueue]);

  /** Forgets the copy: the post was saved, or the person discarded it. */
  const discard = useCallback(() => {
    stopped.current = true;
    stored.current = false;
    return enqueue(() => clearAutosave(AUTOSAVE_SLOT)).catch(() => undefined);
  }, [enqueue]);

  return { discard, failure };
}
