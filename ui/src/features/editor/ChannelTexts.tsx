import { useTranslation } from "react-i18next";

import type { ChannelDto, TextMeasureDto, ThreadPreviewDto } from "../../ipc";
import { Counter } from "./Counter";
import { ThreadPreview } from "./ThreadPreview";

interface ChannelTextsProps {
  channels: ChannelDto[];
  variants: Record<string, string>;
  measures: ReadonlyMap<number, TextMeasureDto>;
  /** Channels whose long text goes out as a thread. */
  threads: readonly number[];
  previews: ReadonlyMap<number, ThreadPreviewDto>;
  /** Pictures on the post (a thread carries them on its first part). */
  pictureCount: number;
  readOnly: boolean;
  onVariant: (channelId: number, text: string) => void;
  onThread: (channelId: number, on: boolean) => void;
}

/**
 * One card per chosen channel: how long the post is there, by that network's
 * rule, and room for a text of its own (empty: the main text is used). Where
 * the network has threads and the text is too long, it offers to send it as
 * one, and shows the parts.
 */
export function ChannelTexts({
  channels,
  variants,
  measures,
  threads,
  previews,
  pictureCount,
  readOnly,
  onVariant,
  onThread,
}: ChannelTextsProps) {
  const { t } = useTranslation();
  if (channels.length === 0) return null;
  return (
    <ul className="channel-texts">
      {channels.map((channel) => {
        const measure = measures.get(channel.id);
        const fieldId = `variant-${channel.id}`;
        const asThread = threads.includes(channel.id);
        // Offered once the text is too long; kept visible while chosen, so it can be taken back.
        const offerThread = measure?.threadable === true && (asThread || measure.over);
        const preview = previews.get(channel.id);
        return (
          <li
            key={channel.id}
            className={measure?.over ? "channel-text channel-text--over" : "channel-text"}
            style={{ borderLeftColor: channel.color }}
          >
            <div className="channel-text__head">
              <label htmlFor={fieldId} className="channel-text__name">
                {channel.name}
                <span className="channel-text__network">{t(`networks.${channel.network}`)}</span>
              </label>
              <Counter channelId={channel.id} measure={measure} />
            </div>
            <textarea
              id={fieldId}
              className="channel-text__input"
              rows={2}
              value={variants[String(channel.id)] ?? ""}
              placeholder={t("editor.variantPlaceholder", { channel: channel.name })}
              onChange={(event) => onVariant(channel.id, event.target.value)}
              readOnly={readOnly}
              data-testid="editor-variant"
              data-channel-id={channel.id}
            />
            {measure?.over ? (
              <p className="channel-text__warning" role="status">
                {t("editor.overLimitHint", { channel: channel.name })}
              </p>
            ) : null}
            {offerThread ? (
              <div className="channel-text__thread">
                {!asThread ? <p className="channel-text__offer">{t("editor.thread.offer")}</p> : null}
                <label className="check">
                  <input
                    type="checkbox"
                    checked={asThread}
                    disabled={readOnly}
                    onChange={(event) => onThread(channel.id, event.target.checked)}
                    data-testid="editor-thread"
                    data-channel-id={channel.id}
                  />
                  {t("editor.thread.toggle")}
                </label>
              </div>
            ) : null}
            {asThread && preview ? (
              <ThreadPreview channelName={channel.name} preview={preview} pictureCount={pictureCount} />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
