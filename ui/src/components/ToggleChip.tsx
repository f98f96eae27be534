import type { ReactNode } from "react";

interface ToggleChipProps {
  pressed: boolean;
  onToggle: () => void;
  children: ReactNode;
  /** A colour dot before the text (a channel's or a label's colour). */
  color?: string;
  disabled?: boolean;
  testId?: string;
  data?: Record<`data-${string}`, string | number>;
  title?: string;
}

/** A pill that is on or off (aria-pressed), used for channels, labels and filters. */
export function ToggleChip({ pressed, onToggle, children, color, disabled, testId, data, title }: ToggleChipProps) {
  return (
    <button
      type="button"
      className={pressed ? "chip chip--on" : "chip"}
      aria-pressed={pressed}
      onClick={onToggle}
      disabled={disabled}
      data-testid={testId}
      title={title}
      {...data}
    >
      {color ? <span className="chip__dot" style={{ backgroundColor: color }} aria-hidden="true" /> : null}
      <span className="chip__text">{children}</span>
      {pressed ? (
        <span className="chip__check" aria-hidden="true">
          ✓
        </span>
      ) : null}
    </button>
  );
}
