import { useState } from "react";
import { useTranslation } from "react-i18next";

import { useLanguage } from "../../i18n";
import { formatBytes } from "../../i18n/format";
import type { AttachmentDto, AttachmentInput, MediaFixDto, MediaProblemDto, PresetName } from "../../ipc";
import { AltTextField } from "./AltTextField";
import { toInput } from "./attachmentList";
import { CropPreviews } from "./CropPreviews";
import { FocalPointImage } from "./FocalPointImage";
import { MediaProblems } from "./MediaProblems";

interface AttachmentCardProps {
  attachment: AttachmentDto;
  index: number;
  count: number;
  thumbnail: string | undefined;
  problems: readonly MediaProblemDto[];
  /** Null while the table of presets is loading. */
  presets: readonly PresetName[] | null;
  readOnly: boolean;
  busy: boolean;
  onUpdate: (item: AttachmentInput) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
  onFix: (problem: MediaProblemDto, fix: MediaFixDto) => void;
}

/** One picture on the post: its focal point, alt text, place in the order, problems and previews. */
export function AttachmentCard(props: AttachmentCardProps) {
  const { attachment, index, count, thumbnail, problems, presets, readOnly, busy, onUpdate, onMove, onRemove, onFix } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  // Shown at once; saved in the background.
  const [focal, setFocal] = useState({ x: attachment.focalX, y: attachment.focalY });
  const [previewsOpen, setPreviewsOpen] = useState(true);

  const setFocalPoint = (x: number, y: number) => {
    setFocal({ x, y });
    onUpdate({ ...toInput(attachment), focalX: x, focalY: y });
  };

  return (
    <li className="media-attachment" data-testid="media-attachment" data-hash={attachment.hash}>
      <div className="media-attachment__picture">
        <FocalPointImage
          src={thumbnail}
          name={attachment.originalName}
          x={focal.x}
          y={focal.y}
          disabled={readOnly}
          onChange={setFocalPoint}
        />
      </div>
      <div className="media-attachment__body">
        <div className="media-attachment__header">
          <span className="media-attachment__title">
            {t("media.picture", { position: index + 1 })} · <span className="media-attachment__name">{attachment.originalName}</span>
          </span>
          {readOnly ? null : (
            <span className="media-attachment__actions">
              <button type="button" className="button button--small" disabled={busy || index === 0} onClick={() => onMove(-1)} aria-label={t("media.moveUp")} title={t("media.moveUp")} data-testid="media-move-up">
                <span aria-hidden="true">↑</span>
              </button>
              <button type="button" className="button button--small" disabled={busy || index === count - 1} onClick={() => onMove(1)} aria-label={t("media.moveDown")} title={t("media.moveDown")} data-testid="media-move-down">
                <span aria-hidden="true">↓</span>
              </button>
              <button type="button" className="button button--small button--danger-quiet" disabled={busy} onClick={onRemove} data-testid="media-remove">
                {t("media.remove")}
              </button>
            </span>
          )}
        </div>
        <p className="field__hint">
          {t("media.details", {
            format: attachment.format.toUpperCase(),
            width: attachment.width,
            height: attachment.height,
            size: formatBytes(attachment.byteSize, language),
          })}
        </p>
        <AltTextField value={attachment.alt} readOnly={readOnly} onSave={(alt) => onUpdate({ ...toInput(attachment), alt, focalX: focal.x, focalY: focal.y })} />
        <MediaProblems problems={problems} busy={busy} readOnly={readOnly} onFix={onFix} />
        <details className="media-attachment__previews" open={previewsOpen} onToggle={(event) => setPreviewsOpen(event.currentTarget.open)}>
          <summary data-testid="media-previews-toggle">{t("media.previews")}</summary>
          {previewsOpen ? (
            <CropPreviews hash={attachment.hash} src={thumbnail} focalX={focal.x} focalY={focal.y} presets={presets} />
          ) : null}
        </details>
      </div>
    </li>
  );
}
