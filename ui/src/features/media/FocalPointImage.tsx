import type { KeyboardEvent, MouseEvent } from "react";
import { useTranslation } from "react-i18next";

import { fraction } from "./attachmentList";

interface FocalPointImageProps {
  src: string | undefined;
  name: string;
  x: number;
  y: number;
  disabled: boolean;
  onChange: (x: number, y: number) => void;
}

const STEP = 0.05;
const clamp = (v: number) => Math.round(Math.min(Math.max(v, 0), 1) * 1000) / 1000;

/**
 * The picture with its focal point marked: a click there moves the point
 * every crop keeps in view (fractions of the picture, 0 left/top to 1
 * right/bottom); the arrow keys move it too.
 */
export function FocalPointImage({ src, name, x, y, disabled, onChange }: FocalPointImageProps) {
  const { t } = useTranslation();
  const onClick = (event: MouseEvent<HTMLButtonElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    // A click from the keyboard (Enter) has no position: it changes nothing.
    if (event.detail === 0 || rect.width <= 0 || rect.height <= 0) return;
    onChange(fraction(event.clientX - rect.left, rect.width), fraction(event.clientY - rect.top, rect.height));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-STEP, 0],
      ArrowRight: [STEP, 0],
      ArrowUp: [0, -STEP],
      ArrowDown: [0, STEP],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    onChange(clamp(x + move[0]), clamp(y + move[1]));
  };
  return (
    <button
      type="button"
      className="focal"
      data-testid="media-focal"
      data-focal-x={x}
      data-focal-y={y}
      disabled={disabled}
      onClick={onClick}
      onKeyDown={onKeyDown}
      aria-label={t("media.focalLabel", { name, x: Math.round(x * 100), y: Math.round(y * 100) })}
      title={disabled ? undefined : t("media.focalHint")}
    >
      {src ? <img className="focal__image" src={src} alt="" draggable={false} /> : <span className="focal__placeholder" />}
      <span className="focal__mark" style={{ left: `${x * 100}%`, top: `${y * 100}%` }} aria-hidden="true" />
    </button>
  );
}
