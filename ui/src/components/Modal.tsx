import { useEffect, useId, useRef, type ReactNode, type RefObject } from "react";
import { createPortal } from "react-dom";

import { focusableIn } from "../lib/dom";
import { isTopModal, pushModal, removeModal } from "../lib/modalStack";

interface ModalProps {
  title: ReactNode;
  /** Esc, the close button and (when allowed) a click outside. */
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  testId?: string;
  size?: "small" | "medium" | "wide";
  /** A click on the dim background closes; off where work could be lost. */
  closeOnBackdrop?: boolean;
  /** What gets focus first; otherwise the first field or button. */
  initialFocus?: RefObject<HTMLElement | null>;
  headerExtra?: ReactNode;
  closeLabel: string;
  role?: "dialog" | "alertdialog";
}

/** A modal dialog in a portal: focus moves in, Tab stays in, Esc closes the top one. */
export function Modal({
  title,
  onClose,
  children,
  footer,
  testId,
  size = "medium",
  closeOnBackdrop = false,
  initialFocus,
  headerExtra,
  closeLabel,
  role = "dialog",
}: ModalProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const id = Symbol("modal");
    pushModal(id);
    const previouslyFocused = document.activeElement as HTMLElement | null;
    const root = panel.current;
    if (root) {
      const target = initialFocus?.current ?? focusableIn(root).find((el) => !el.classList.contains("modal__close"));
      (target ?? root).focus();
    }

    const onKeyDown = (event: KeyboardEvent) => {
      if (!isTopModal(id)) return;
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        onCloseRef.current();
      } else if (event.key === "Tab" && panel.current) {
        const focusable = focusableIn(panel.current);
        const first = focusable[0];
        const last = focusable[focusable.length - 1];
        if (!first || !last) return;
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first.focus();
        }
      }
    };
    document.addEventListener("keydown", onKeyDown, true);
    return () => {
      document.removeEventListener("keydown", onKeyDown, true);
      removeModal(id);
      previouslyFocused?.focus?.();
    };
    // Once, when the dialog opens: focus moves in, and back out when it closes.
  }, []);

  return createPortal(
    <div
      className="modal-backdrop"
      onMouseDown={(event) => {
        if (closeOnBackdrop && event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={panel}
        className={`modal modal--${size}`}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        tabIndex={-1}
      >
        <header className="modal__header">
          <h2 id={titleId} className="modal__title">
            {title}
          </h2>
          {headerExtra}
          <button type="button" className="modal__close" onClick={onClose} aria-label={closeLabel}>
            <span aria-hidden="true">×</span>
          </button>
        </header>
        <div className="modal__body">{children}</div>
        {footer ? <footer className="modal__footer">{footer}</footer> : null}
      </div>
    </div>,
    document.body,
  );
}
