import { useTranslation } from "react-i18next";

/** Calm colours that read well as chip borders and dots on white. */
export const PALETTE = ["#d9534f", "#e8833a", "#d4a72c", "#3f9d5a", "#2a9d8f", "#3d7fd9", "#7b61d1", "#c0569b", "#7a6a58", "#5f6b7a"];

interface ColorFieldProps {
  /** `#rrggbb`, or null for "the network's own colour" when `allowDefault`. */
  value: string | null;
  onChange: (value: string | null) => void;
  allowDefault?: boolean;
  testId?: string;
  label: string;
}

/** A few ready colours plus the system picker for any other. */
export function ColorField({ value, onChange, allowDefault = false, testId, label }: ColorFieldProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="color-field">
      <legend>{label}</legend>
      <div className="color-field__swatches">
        {allowDefault ? (
          <button
            type="button"
            className={value === null ? "swatch swatch--default swatch--on" : "swatch swatch--default"}
            aria-pressed={value === null}
            onClick={() => onChange(null)}
          >
            {t("catalog.networkColor")}
          </button>
        ) : null}
        {PALETTE.map((color) => (
          <button
            key={color}
            type="button"
            className={value === color ? "swatch swatch--on" : "swatch"}
            style={{ backgroundColor: color }}
            aria-pressed={value === color}
            aria-label={color}
            title={color}
            onClick={() => onChange(color)}
          />
        ))}
        <label className="color-field__custom">
          <span className="sr-only">{t("catalog.otherColor")}</span>
          <input
            type="color"
            value={value ?? "#888888"}
            onChange={(event) => onChange(event.target.value)}
            data-testid={testId}
          />
        </label>
      </div>
    </fieldset>
  );
}
