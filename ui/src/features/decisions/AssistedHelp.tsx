import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { useChannelMap } from "../../hooks/useCatalog";
import { usePost, usePublishLog } from "../../hooks/usePosts";
import { localeOf, useLanguage } from "../../i18n";
import type { ChannelDto, PostDto, PostSummaryDto } from "../../ipc";
import { openLink } from "../../ipc";
import { accountSupport, postingPage } from "../../lib/networks";
import { CopyText } from "./CopyText";
import { PicturesForPosting } from "./PicturesForPosting";
import { lastAttemptByChannel, listOf } from "./publishProgress";
import type { useHeldActions } from "./useHeldActions";

type MarkAsPosted = ReturnType<typeof useHeldActions>["markAsPosted"];

interface AssistedHelpProps {
  post: PostSummaryDto;
  markAsPosted: MarkAsPosted;
  busy: boolean;
}

/** The texts to paste: one when every channel shares it, else one per channel's own text. */
function textsFor(post: PostDto, channels: readonly ChannelDto[]): { text: string; channels: ChannelDto[] }[] {
  const groups: { text: string; channels: ChannelDto[] }[] = [];
  for (const channel of channels) {
    const own = post.targets.find((target) => target.channelId === channel.id)?.variantText;
    const text = own ?? post.text;
    const group = groups.find((g) => g.text === text);
    if (group) group.channels.push(channel);
    else groups.push({ text, channels: [channel] });
  }
  return groups;
}

/**
 * A post whose automatic channels are done and whose other channels
 * (Instagram, Facebook, TikTok, …) the person posts by hand: the text to
 * copy, and per channel "Mark as posted" with the post's link if they have it.
 */
export function AssistedHelp({ post, markAsPosted, busy }: AssistedHelpProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const full = usePost(post.id);
  const channelMap = useChannelMap();
  const log = usePublishLog(post.id, true);
  const last = lastAttemptByChannel(log.data);
  const channels = post.channelIds
    .map((id) => channelMap.get(id))
    .filter((channel): channel is ChannelDto => channel !== undefined && accountSupport(channel) === "assisted");
  const texts = full.data ? textsFor(full.data, channels) : [];

  return (
    <div className="held-assisted" data-testid="held-assisted">
      {texts.map((group) => (
        <CopyText
          key={group.channels.map((c) => c.id).join(",")}
          label={
            texts.length === 1
              ? t("decisions.assisted.text")
              : t("decisions.assisted.textFor", { channel: listOf(group.channels.map((c) => c.name), localeOf(language)) })
          }
          text={group.text}
        />
      ))}
      <ErrorNotice error={full.error} testId="held-text-error" />
      <PicturesForPosting postId={post.id} />
      {channels.length > 0 ? (
        <>
          <p className="held-assisted__title">{t("decisions.assisted.channels")}</p>
          <ul className="held-assisted__channels">
            {channels.map((channel) => (
              <AssistedChannel
                key={channel.id}
                channel={channel}
                posted={last.get(channel.id)?.outcome === "published"}
                markAsPosted={markAsPosted}
                busy={busy}
              />
            ))}
          </ul>
        </>
      ) : null}
      {channelMap.size > 0 && channels.length === 0 ? (
        <p className="field__hint">{t("decisions.assisted.noChannels")}</p>
      ) : null}
    </div>
  );
}

interface AssistedChannelProps {
  channel: ChannelDto;
  /** The publish log says it is on this channel already. */
  posted: boolean;
  markAsPosted: MarkAsPosted;
  busy: boolean;
}

/** One channel to post on by hand: "Mark as posted", with an optional link to the post. */
function AssistedChannel({ channel, posted, markAsPosted, busy }: AssistedChannelProps) {
  const { t } = useTranslation();
  const [link, setLink] = useState("");
  const hintId = useId();
  const mine = markAsPosted.variables?.channelId === channel.id;
  const marking = markAsPosted.isPending && mine;
  const page = postingPage(channel.network);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const url = link.trim();
    markAsPosted.mutate({ channelId: channel.id, url: url === "" ? null : url }, { onSuccess: () => setLink("") });
  };

  return (
    <li className="held-assisted__channel" data-testid="held-assisted-channel" data-channel-id={channel.id}>
      <span className="held-assisted__name">
        <span className="held-assisted__swatch" style={{ backgroundColor: channel.color }} aria-hidden="true" />
        {channel.name}
      </span>
      {page && !posted ? (
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => void openLink(page)}
          data-testid="held-open-network"
        >
          {t("decisions.assisted.openNetwork", { network: t(`networks.${channel.network}`) })}
        </button>
      ) : null}
      {posted ? (
        <span className="held-assisted__posted" data-testid="held-posted">
          <span aria-hidden="true">✓ </span>
          {t("decisions.assisted.posted")}
        </span>
      ) : (
        <form className="held-assisted__form" onSubmit={submit}>
          <label className="field">
            <span className="field__label">{t("decisions.assisted.link")}</span>
            <input
              // Not type="url": the browser's own check is untranslated; Rust's answer is.
              inputMode="url"
              value={link}
              onChange={(event) => setLink(event.target.value)}
              placeholder="https://"
              autoComplete="off"
              spellCheck={false}
              disabled={marking}
              aria-describedby={hintId}
              data-testid="held-post-link"
            />
            <span id={hintId} className="field__hint">
              {t("decisions.assisted.linkHelp")}
            </span>
          </label>
          <button
            type="submit"
            className="button button--primary button--small"
            disabled={busy}
            aria-busy={marking}
            data-testid="held-mark-posted"
          >
            {marking ? t("decisions.assisted.marking") : t("decisions.assisted.markPosted")}
          </button>
        </form>
      )}
      {mine ? <ErrorNotice error={markAsPosted.error} testId="held-mark-error" /> : null}
    </li>
  );
}
