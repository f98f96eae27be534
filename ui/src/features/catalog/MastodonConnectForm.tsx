import { useState } from "react";
import { useTranslation } from "react-i18next";

import { connectMastodon } from "../../ipc";
import { ConnectField, ConnectFormFrame, useConnectAccount, type ConnectFormProps } from "./connectForm";

/**
 * The person's Mastodon server. Rust opens the server's own sign-in page in
 * the browser and waits (up to ten minutes) for the person to approve there;
 * no password passes through Jadwal, and the access token goes to the OS
 * keychain.
 */
export function MastodonConnectForm({ channelId, initialHandle, onConnected, onCancel }: ConnectFormProps) {
  const { t } = useTranslation();
  // Connecting again: the server from the handle (name@server).
  const [instance, setInstance] = useState(initialHandle.includes("@") ? initialHandle.split("@").pop() ?? "" : "");
  const connect = useConnectAccount(
    () => connectMastodon({ channelId, instance: instance.trim() }),
    () => {},
    onConnected,
  );
  return (
    <ConnectFormFrame
      prefix="mastodon"
      title={t("catalog.mastodon.title")}
      intro={t("catalog.mastodon.intro")}
      connect={connect}
      ready={instance.trim() !== ""}
      connectLabel={t("catalog.mastodon.connect")}
      checkingLabel={t("catalog.mastodon.waiting")}
      onCancel={onCancel}
    >
      <ConnectField
        label={t("catalog.mastodon.instance")}
        value={instance}
        onChange={setInstance}
        inputMode="url"
        placeholder="mastodon.social"
        hint={t("catalog.mastodon.instanceHelp")}
        disabled={connect.isPending}
        testId="mastodon-instance"
      />
    </ConnectFormFrame>
  );
}
