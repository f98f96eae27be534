import { useState } from "react";
import { useTranslation } from "react-i18next";

import { connectWebhook } from "../../ipc";
import { ConnectField, ConnectFormFrame, useConnectAccount, type ConnectFormProps } from "./connectForm";

/**
 * The address posts are delivered to and the secret that signs each delivery
 * (HMAC-SHA256). Both go to the OS keychain (the address is often a key
 * itself), so this form forgets both when the call ends, whatever the
 * answer. Connecting sends nothing to the receiver.
 */
export function WebhookConnectForm({ channelId, onConnected, onCancel }: ConnectFormProps) {
  const { t } = useTranslation();
  const [url, setUrl] = useState("");
  const [secret, setSecret] = useState("");

  const connect = useConnectAccount(
    () => connectWebhook({ channelId, url: url.trim(), secret }),
    () => {
      setUrl("");
      setSecret("");
    },
    onConnected,
  );
  const checking = connect.isPending;

  return (
    <ConnectFormFrame
      prefix="webhook"
      title={t("catalog.webhook.title")}
      intro={t("catalog.webhook.intro")}
      connect={connect}
      ready={url.trim() !== "" && secret.trim() !== ""}
      connectLabel={t("catalog.webhook.connect")}
      checkingLabel={t("catalog.webhook.checking")}
      onCancel={onCancel}
    >
      <ConnectField
        label={t("catalog.webhook.url")}
        value={url}
        onChange={setUrl}
        inputMode="url"
        placeholder={t("catalog.webhook.urlPlaceholder")}
        hint={t("catalog.webhook.urlHelp")}
        disabled={checking}
        testId="webhook-url"
      />
      <ConnectField
        label={t("catalog.webhook.secret")}
        value={secret}
        onChange={setSecret}
        secret
        hint={`${t("catalog.webhook.secretHelp")} ${t("catalog.webhook.keychainHelp")}`}
        disabled={checking}
        testId="webhook-secret"
      />
    </ConnectFormFrame>
  );
}
