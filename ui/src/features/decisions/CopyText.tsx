import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

type CopyState = "idle" | "copied" | "refused";

/** How long "Copied" stays on the button. */
const COPIED_FOR_MS = 4000;

/**
 * Text the person pastes into another app, with a Copy button. When the
 * clipboard is refused, the text is selected instead, so Ctrl+C copies it.
 */
export function CopyText({ label, text, testId = "held-copy" }: { label: string; text: string; testId?: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<CopyState>("idle");
  const box = useRef<HTMLTextAreaElement>(null);
  const labelId = useId();

  useEffect(() => {
    if (state !== "copied") return undefined;
    const timer = setTimeout(() => setState("idle"), COPIED_FOR_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      // Missing outside a secure context: the same as a refusal.
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      box.current?.focus();
      box.current?.select();
      setState("refused");
    }
  };

  return (
    <div className="copy-text" data-testid={testId}>
      <span id={labelId} className="field__label">
        {label}
      </span>
      <textarea
        ref={box}
        className="copy-text__box"
        value={text}
        readOnly
        rows={Math.min(8, text.split("\n").length + 1)}
        aria-labelledby={labelId}
        data-testid={`${testId}-text`}
      />
      <div className="copy-text__actions">
        <button type="button" className="button button--small" onClick={() => void copy()} data-testid={`${testId}-button`}>
          {state === "copied" ? t("decisions.assisted.copied") : t("decisions.assisted.copy")}
        </button>
        <span className="field__hint" role="status" data-testid={`${testId}-status`}>
          {state === "copied" ? t("decisions.assisted.copied") : ""}
          {state === "refused" ? t("decisions.assisted.copyRefused") : ""}
        </span>
      </div>
    </div>
  );
}
