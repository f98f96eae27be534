import { useTranslation } from "react-i18next";

import type { AccountDto, ChannelDto } from "../../ipc";
import { accountSupport } from "../../lib/networks";
import { BlueskyAccount } from "./BlueskyAccount";

interface ChannelAccountProps {
  channel: ChannelDto;
  /** null: no account; undefined: the accounts are not loaded (yet). */
  account: AccountDto | null | undefined;
}

/** Under a channel row: its account, or in words why it has none. */
export function ChannelAccount({ channel, account }: ChannelAccountProps) {
  const { t } = useTranslation();
  const support = accountSupport(channel);
  if (support === "connect") {
    // Unknown is not "not connected": say nothing rather than offer a Connect that may be wrong.
    return account === undefined ? null : <BlueskyAccount channel={channel} account={account} />;
  }
  return (
    <p className="account__note" data-testid="account-note" data-channel-id={channel.id} data-state={support}>
      {support === "later"
        ? t("catalog.account.later", { network: t(`networks.${channel.network}`) })
        : t("catalog.account.assisted")}
    </p>
  );
}
