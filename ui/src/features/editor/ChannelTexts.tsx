import { useTranslation } from "react-i18next";

import type { ChannelDto, TextMeasureDto } from "../../ipc";
import { Counter } from "./Counter";

interface ChannelTextsProps {
  channels: ChannelDto[];
  variants: Record<string, string>;
  measures: ReadonlyMap<number, TextMeasureDto>;
  readOnly: boolean;
  onVariant: (channelId: number, text: string) => void;
}

/**
 * One card per chosen channel: how long the post is there, by that network's
 * rule, and room for a text of its own (empty: the main text is used).
 */
export function ChannelTexts({ channels, variants, measures, readOnly, onVariant }: ChannelTextsProps) {
  const { t } = useTranslation();
  if (channels.length === 0) return null;
  return (
    <ul className="channel-texts">
      {channels.map((channel) => {
        const measure = measures.get(channel.id);
        const fieldId = `variant-${channel.id}`;
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
          </li>
        );
      })}
    </ul>
  );
}
