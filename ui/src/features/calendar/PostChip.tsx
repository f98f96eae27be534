import type { CSSProperties } from "react";
import { useTranslation } from "react-i18next";

import { STATUS_ICON } from "../../components/StatusBadge";
import { formatTime } from "../../i18n/format";
import type { ChannelDto, Language, PostSummaryDto } from "../../ipc";

interface PostChipProps {
  post: PostSummaryDto;
  channels: ReadonlyMap<number, ChannelDto>;
  language: Language;
  /** The list view prints the time in its own column. */
  showTime: boolean;
  /** The post's first picture, small. */
  thumbnail?: string;
}

const NEUTRAL = "#8a8f98";

/**
 * A post on the calendar: coloured by its first channel, one dot per
 * channel, a status mark (with the status in words for screen readers), the
 * time and the first words. Everything the person wrote is rendered as text.
 */
export function PostChip({ post, channels, language, showTime, thumbnail }: PostChipProps) {
  const { t } = useTranslation();
  const postChannels = post.channelIds.flatMap((id) => channels.get(id) ?? []);
  const color = postChannels[0]?.color ?? NEUTRAL;
  const status = t(`status.${post.status}`);
  const channelNames = postChannels.map((c) => c.name).join(", ");
  return (
    <div
      className={`post-chip post-chip--${post.status}`}
      style={{ "--chip-color": color } as CSSProperties}
      data-testid="post-chip"
      data-post-id={post.id}
      data-status={post.status}
      title={[post.excerpt, channelNames, status].filter(Boolean).join(" · ")}
    >
      <span className="post-chip__status" aria-hidden="true">
        {STATUS_ICON[post.status]}
      </span>
      <span className="sr-only">{status}</span>
      {thumbnail ? (
        <img className="post-chip__thumb" src={thumbnail} alt="" draggable={false} data-testid="chip-thumbnail" />
      ) : null}
      {showTime && post.start ? <time className="post-chip__time">{formatTime(post.start, language)}</time> : null}
      <span className="post-chip__excerpt">{post.excerpt}</span>
      {postChannels.length > 0 ? (
        <span className="post-chip__dots" aria-hidden="true">
          {postChannels.map((channel) => (
            <span key={channel.id} className="post-chip__dot" style={{ backgroundColor: channel.color }} />
          ))}
        </span>
      ) : null}
    </div>
  );
}
