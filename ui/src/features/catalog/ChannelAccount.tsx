import type { TFunction } from "i18next";
import type { ComponentType } from "react";
import { useTranslation } from "react-i18next";

import type { AccountDto, ChannelDto, Network } from "../../ipc";
import { accountSupport } from "../../lib/networks";
import { AccountPanel } from "./AccountPanel";
import { BlueskyConnectForm } from "./BlueskyConnectForm";
import type { ConnectFormProps } from "./connectForm";
import { MastodonConnectForm } from "./MastodonConnectForm";
import { TelegramConnectForm } from "./TelegramConnectForm";
import { WebhookConnectForm } from "./WebhookConnectForm";

interface Connector {
  Form: ComponentType<ConnectFormProps>;
  loginNeededHelp: (t: TFunction) => string;
}

/** Each network that connects: its form, and what to do when its login stops working. */
const CONNECTORS: Partial<Record<Network, Connector>> = {
  bluesky: { Form: BlueskyConnectForm, loginNeededHelp: (t) => t("catalog.bluesky.loginNeededHelp") },
  mastodon: { Form: MastodonConnectForm, loginNeededHelp: (t) => t("catalog.mastodon.loginNeededHelp") },
  telegram: { Form: TelegramConnectForm, loginNeededHelp: (t) => t("catalog.telegram.loginNeededHelp") },
  webhook: { Form: WebhookConnectForm, loginNeededHelp: (t) => t("catalog.webhook.loginNeededHelp") },
};

interface ChannelAccountProps {
  channel: ChannelDto;
  /** null: no account; undefined: the accounts are not loaded (yet). */
  account: AccountDto | null | undefined;
}

/** Under a channel row: its account, or in words why it has none. */
export function ChannelAccount({ channel, account }: ChannelAccountProps) {
  const { t } = useTranslation();
  const support = accountSupport(channel);
  const connector = CONNECTORS[channel.network];
  if (support === "connect" && connector) {
    // Unknown is not "not connected": say nothing rather than offer a Connect that may be wrong.
    if (account === undefined) return null;
    return (
      <AccountPanel channel={channel} account={account} Form={connector.Form} loginNeededHelp={connector.loginNeededHelp(t)} />
    );
  }
  return (
    <p className="account__note" data-testid="account-note" data-channel-id={channel.id} data-state={support}>
      {support === "assisted"
        ? t("catalog.account.assisted")
        : t("catalog.account.later", { network: t(`networks.${channel.network}`) })}
    </p>
  );
}
