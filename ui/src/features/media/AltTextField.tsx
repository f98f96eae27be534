import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { useDebouncedValue } from "../../hooks/useDebouncedValue";

interface AltTextFieldProps {
  /** As stored. */
  value: string;
  readOnly: boolean;
  onSave: (alt: string) => void;
}

const SAVE_AFTER_MS = 800;

/** A picture's alt text: saved a moment after typing stops, and on leaving the field; a warning while empty. */
export function AltTextField({ value, readOnly, onSave }: AltTextFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value);
  const settled = useDebouncedValue(text, SAVE_AFTER_MS);
  // What was last sent (or came from Rust): nothing is saved twice.
  const sent = useRef(value);

  const save = (alt: string) => {
    if (readOnly || alt.trim() === sent.current.trim()) return;
    sent.current = alt;
    onSave(alt);
  };

  useEffect(() => {
    save(settled);
    // Only when the typing settles.
  }, [settled]);

  const empty = text.trim() === "";
  return (
    <div className="field media-alt">
      <label className="field__label" htmlFor={id}>
        {t("media.alt")}
      </label>
      <textarea
        id={id}
        className={empty ? "media-alt__input media-alt__input--empty" : "media-alt__input"}
        rows={2}
        value={text}
        readOnly={readOnly}
        placeholder={t("media.altPlaceholder")}
        aria-invalid={empty}
        aria-describedby={`${id}-hint`}
        data-testid="media-alt"
        onChange={(event) => setText(event.target.value)}
        onBlur={() => save(text)}
      />
      <p id={`${id}-hint`} className={empty ? "field__hint media-alt__warning" : "field__hint"} data-testid={empty ? "media-alt-missing" : undefined}>
        {empty ? t("media.altMissing") : t("media.altHelp")}
      </p>
    </div>
  );
}
