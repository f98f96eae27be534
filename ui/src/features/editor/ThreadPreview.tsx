import { useTranslation } from "react-i18next";

import { formatNumber } from "../../i18n/format";
import { useLanguage } from "../../i18n";
import type { ThreadPreviewDto } from "../../ipc";

interface ThreadPreviewProps {
  channelName: string;
  preview: ThreadPreviewDto;
  /** Pictures on the post: they go with the first part. */
  pictureCount: number;
}

/**
 * A thread as it will go out: each part numbered, with its own count, the
 * pictures on the first. The parts come from Rust (the adapter's splitter),
 * so this is exactly what is sent. Text is rendered as text.
 */
export function ThreadPreview({ channelName, preview, pictureCount }: ThreadPreviewProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const total = preview.parts.length;
  if (total <= 1) {
    return (
      <p className="thread-preview__note" data-testid="thread-fits">
        {t("editor.thread.fitsInOne")}
      </p>
    );
  }
  return (
    <section className="thread-preview" aria-label={t("editor.thread.previewTitle", { channel: channelName })}>
      <h4 className="thread-preview__title">{t("editor.thread.previewTitle", { channel: channelName })}</h4>
      <ol className="thread-preview__parts" data-testid="thread-preview" data-channel-id={preview.channelId}>
        {preview.parts.map((part, index) => (
          <li
            key={index}
            className={part.over ? "thread-part thread-part--over" : "thread-part"}
            data-testid="thread-part"
          >
            <div className="thread-part__head">
              <span className="thread-part__number">
                {t("editor.thread.part", {
                  number: formatNumber(index + 1, language),
                  total: formatNumber(total, language),
                })}
              </span>
              <span className="thread-part__count" data-testid="thread-part-count">
                {part.limit === null
                  ? `${formatNumber(part.used, language)} ${t(`units.${part.unit}`)}`
                  : `${formatNumber(part.used, language)} / ${formatNumber(part.limit, language)} ${t(`units.${part.unit}`)}`}
              </span>
            </div>
            <p className="thread-part__text">{part.text}</p>
            {index === 0 && pictureCount > 0 ? (
              <p className="thread-part__pictures" data-testid="thread-part-pictures">
                {t("editor.thread.pictures", { count: pictureCount })}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
