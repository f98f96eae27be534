import { useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { queryKeys } from "../../data/queryKeys";
import { errorText } from "../../i18n/errorText";
import { ipcErrorOf, reschedulePost, restorePost, unschedulePost } from "../../ipc";
import { isTextField } from "../../lib/dom";
import { isAnyModalOpen } from "../../lib/modalStack";
import { applyUndo, UndoStack, type UndoAction, type UndoEntry } from "../../lib/undoStack";
import { useToastApi } from "../toast/ToastProvider";

interface UndoApi {
  /** Remembers an action and offers to undo it in a toast. */
  record: (action: UndoAction, message: string, detail?: string) => void;
  /** Undoes the newest action (Ctrl+Z / Cmd+Z). */
  undoLast: () => void;
}

const UndoContext = createContext<UndoApi>({ record: () => undefined, undoLast: () => undefined });

export function useUndo() {
  return useContext(UndoContext);
}

const commands = { reschedulePost, unschedulePost, restorePost };

export function UndoProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { show: toast, dismiss } = useToastApi();
  const queryClient = useQueryClient();
  const stack = useRef(new UndoStack());
  // Each entry's toast, so undoing by Ctrl+Z also takes its "Undo" button away.
  const toastOf = useRef(new Map<number, number>());

  const run = useCallback(
    async (entry: UndoEntry) => {
      const toastId = toastOf.current.get(entry.id);
      if (toastId !== undefined) dismiss(toastId);
      toastOf.current.delete(entry.id);
      try {
        await applyUndo(entry.action, commands);
        await queryClient.invalidateQueries({ queryKey: queryKeys.posts });
        await queryClient.invalidateQueries({ queryKey: queryKeys.post(entry.action.postId) });
        toast({ message: t("undo.done"), tone: "success" });
      } catch (error) {
        stack.current.restore(entry);
        toast({ message: t("undo.failed"), detail: errorText(t, ipcErrorOf(error)), tone: "error" });
      }
    },
    [dismiss, queryClient, t, toast],
  );

  const undoLast = useCallback(() => {
    const entry = stack.current.pop();
    if (entry) void run(entry);
    else toast({ message: t("undo.nothing") });
  }, [run, t, toast]);

  const record = useCallback(
    (action: UndoAction, message: string, detail?: string) => {
      const entry = stack.current.push(action);
      const toastId = toast({
        message,
        ...(detail ? { detail } : {}),
        tone: "success",
        action: {
          label: t("undo.button"),
          testId: "undo",
          run: () => {
            const taken = stack.current.take(entry.id);
            if (taken) void run(taken);
          },
        },
      });
      toastOf.current.set(entry.id, toastId);
    },
    [run, t, toast],
  );

  // Ctrl+Z / Cmd+Z anywhere but in a text field (there it undoes typing) or a dialog.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const isUndo = (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === "z";
      if (!isUndo || isTextField(event.target) || isAnyModalOpen()) return;
      event.preventDefault();
      undoLast();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [undoLast]);

  const api = useMemo(() => ({ record, undoLast }), [record, undoLast]);
  return <UndoContext.Provider value={api}>{children}</UndoContext.Provider>;
}
