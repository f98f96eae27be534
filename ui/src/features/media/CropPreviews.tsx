import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { useMediaCrops } from "../../hooks/useMedia";
import type { CropDto, PresetName } from "../../ipc";
import { presetLabel } from "./problemText";

interface CropPreviewsProps {
  hash: string;
  src: string | undefined;
  focalX: number;
  focalY: number;
  /** The presets of the post's networks, in order; null while they load. */
  presets: readonly PresetName[] | null;
}

/**
 * The picture as each of the post's networks will show it: the thumbnail
 * cut with CSS to each preset's crop rectangle (fractions from Rust), at the
 * preset's shape, labelled with its name and size.
 */
export function CropPreviews({ hash, src, focalX, focalY, presets }: CropPreviewsProps) {
  const { t } = useTranslation();
  const crops = useMediaCrops(hash, focalX, focalY, presets !== null && presets.length > 0);
  if (presets === null) return <p className="loading">{t("common.loading")}</p>;
  if (presets.length === 0) {
    return <p className="field__hint">{t("media.previewsNone")}</p>;
  }
  if (crops.isError) return <ErrorNotice error={crops.error} testId="media-error" />;
  if (!crops.data) return <p className="loading">{t("common.loading")}</p>;
  const shown = presets.flatMap((preset) => crops.data.find((crop) => crop.preset === preset) ?? []);
  return (
    <ul className="crop-previews">
      {shown.map((crop) => (
        <CropPreview key={crop.preset} crop={crop} src={src} label={presetLabel(t, crop.preset)} />
      ))}
    </ul>
  );
}

function CropPreview({ crop, src, label }: { crop: CropDto; src: string | undefined; label: string }) {
  const { t } = useTranslation();
  const width = Math.max(crop.width, 0.001);
  const height = Math.max(crop.height, 0.001);
  return (
    <li className="crop-preview" data-testid="media-preview" data-preset={crop.preset}>
      <div className="crop-preview__frame" style={{ aspectRatio: `${crop.outWidth} / ${crop.outHeight}` }}>
        {src ? (
          <img
            className="crop-preview__image"
            src={src}
            alt=""
            draggable={false}
            style={{
              width: `${100 / width}%`,
              height: `${100 / height}%`,
              left: `${(-crop.x / width) * 100}%`,
              top: `${(-crop.y / height) * 100}%`,
            }}
          />
        ) : null}
      </div>
      <span className="crop-preview__label">
        {t("media.previewLabel", { label, width: crop.outWidth, height: crop.outHeight })}
      </span>
    </li>
  );
}
