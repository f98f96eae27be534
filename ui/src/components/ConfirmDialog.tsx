import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { Modal } from "./Modal";

interface ConfirmDialogProps {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** An in-app "are you sure?" (window.confirm is unstyled, untranslated and blocks the app). */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  danger = false,
  busy = false,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      title={title}
      onClose={onCancel}
      size="small"
      testId="confirm-dialog"
      role="alertdialog"
      closeLabel={t("common.close")}
      closeOnBackdrop
      footer={
        <>
          <button type="button" className="button" onClick={onCancel} data-testid="confirm-no">
            {cancelLabel ?? t("common.cancel")}
          </button>
          <button
            type="button"
            className={danger ? "button button--danger" : "button button--primary"}
            onClick={onConfirm}
            disabled={busy}
            data-testid="confirm-yes"
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </Modal>
  );
}
