import { useTranslation } from "react-i18next";

import { localeOf, useLanguage } from "../../i18n";
import type { ChannelDto } from "../../ipc";
import { listOf } from "../decisions/publishProgress";

/**
 * Which channels already hold this post in their own schedule (Mastodon):
 * those go out even with this computer off. Moving, editing or deleting the
 * post follows it there at the next scheduler pass.
 */
export function OnServerNote({ channelIds, channelMap }: { channelIds: number[]; channelMap: Map<number, ChannelDto> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const names = channelIds.map((id) => channelMap.get(id)?.name).filter((name): name is string => name !== undefined);
  if (names.length === 0) return null;
  return (
    <p className="notice notice--info" data-testid="editor-on-server">
      {t("editor.onServer", { channels: listOf(names, localeOf(language)), count: names.length })}
    </p>
  );
}
