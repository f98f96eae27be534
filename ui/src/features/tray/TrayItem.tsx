import type { KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";

import { STATUS_ICON } from "../../components/StatusBadge";
import type { ChannelDto, LabelDto, PostSummaryDto } from "../../ipc";

interface TrayItemProps {
  post: PostSummaryDto;
  channels: ReadonlyMap<number, ChannelDto>;
  labels: ReadonlyMap<number, LabelDto>;
  /** The post's first picture, small. */
  thumbnail?: string;
  onOpen: () => void;
}

/** A draft on the tray: drag it onto the calendar, or click to open it. */
export function TrayItem({ post, channels, labels, thumbnail, onOpen }: TrayItemProps) {
  const { t } = useTranslation();
  const postChannels = post.channelIds.flatMap((id) => channels.get(id) ?? []);
  const postLabels = post.labelIds.flatMap((id) => labels.get(id) ?? []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onOpen();
    }
  };
  return (
    <li
      className={`tray-item tray-item--${post.status}`}
      data-testid="tray-item"
      data-post-id={post.id}
      data-excerpt={post.excerpt}
      style={{ borderLeftColor: postChannels[0]?.color ?? undefined }}
      role="button"
      tabIndex={0}
      onClick={onOpen}
      onKeyDown={onKeyDown}
      title={t("tray.itemHint")}
    >
      {thumbnail ? (
        <img className="tray-item__thumb" src={thumbnail} alt="" draggable={false} data-testid="tray-thumbnail" />
      ) : null}
      <p className="tray-item__excerpt">{post.excerpt || t("tray.noText")}</p>
      <div className="tray-item__meta">
        <span className={`tray-item__status tray-item__status--${post.status}`}>
          <span aria-hidden="true">{STATUS_ICON[post.status]}</span> {t(`status.${post.status}`)}
        </span>
        {postChannels.map((channel) => (
          <span key={channel.id} className="tray-item__channel">
            <span className="chip__dot" style={{ backgroundColor: channel.color }} aria-hidden="true" />
            {channel.name}
          </span>
        ))}
        {postLabels.map((label) => (
          <span key={label.id} className="tray-item__label" style={{ borderColor: label.color }}>
            {label.name}
          </span>
        ))}
      </div>
    </li>
  );
}
