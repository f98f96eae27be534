import { useEffect, useRef } from "react";

import { loadAutosave } from "../../ipc";
import { parseDraft, type EditorDraft } from "../editor/editorDraft";
import { AUTOSAVE_SLOT } from "../editor/useEditorAutosave";

/**
 * Once per start: if the editor was open with unsaved work when the app
 * closed, hand that work back so the editor reopens with it.
 */
export function useRestoredDraft(onRestore: (draft: EditorDraft) => void) {
  const done = useRef(false);
  const callback = useRef(onRestore);
  callback.current = onRestore;

  useEffect(() => {
    if (done.current) return;
    done.current = true;
    loadAutosave(AUTOSAVE_SLOT)
      .then((saved) => {
        const draft = saved ? parseDraft(saved.body) : null;
        if (draft) callback.current(draft);
      })
      .catch(() => {
        // Nothing to restore is the normal case; a failure here is not worth a dialog.
      });
  }, []);
}
