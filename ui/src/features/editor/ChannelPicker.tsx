import { useTranslation } from "react-i18next";

import { ToggleChip } from "../../components/ToggleChip";
import type { ChannelDto } from "../../ipc";

interface ChannelPickerProps {
  channels: ChannelDto[];
  selected: number[];
  onToggle: (channelId: number) => void;
  disabled: boolean;
  onAddChannel: () => void;
}

/** Where the post goes: one toggle per channel; an invitation when there are none yet. */
export function ChannelPicker({ channels, selected, onToggle, disabled, onAddChannel }: ChannelPickerProps) {
  const { t } = useTranslation();
  if (channels.length === 0) {
    return (
      <div className="notice notice--invite" data-testid="editor-no-channels">
        <p>{t("editor.noChannels")}</p>
        <button type="button" className="button button--small" onClick={onAddChannel}>
          {t("editor.addChannel")}
        </button>
      </div>
    );
  }
  return (
    <div className="chip-row" role="group" aria-label={t("editor.channels")}>
      {channels.map((channel) => (
        <ToggleChip
          key={channel.id}
          pressed={selected.includes(channel.id)}
          onToggle={() => onToggle(channel.id)}
          color={channel.color}
          disabled={disabled}
          testId="editor-channel"
          data={{ "data-channel-id": channel.id }}
          title={t(`networks.${channel.network}`)}
        >
          {channel.name}
        </ToggleChip>
      ))}
    </div>
  );
}
