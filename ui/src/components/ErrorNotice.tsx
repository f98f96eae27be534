import { useTranslation } from "react-i18next";

import { errorText } from "../i18n/errorText";
import { ipcErrorOf } from "../ipc";

/** A failed command, in the reader's language, next to what caused it. */
export function ErrorNotice({ error, testId = "error" }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  return (
    <p className="notice notice--error" role="alert" data-testid={testId}>
      <span aria-hidden="true" className="notice__icon">
        !
      </span>
      {errorText(t, ipcErrorOf(error))}
    </p>
  );
}
