import { useState } from "react";
import { useTranslation } from "react-i18next";

import { connectBluesky } from "../../ipc";
import { AdvancedFields, ConnectField, ConnectFormFrame, useConnectAccount, type ConnectFormProps } from "./connectForm";

/**
 * Handle (or e-mail) and app password for one Bluesky channel. Rust checks
 * them with Bluesky and keeps the password in the OS keychain; this form only
 * holds it until the answer comes back, whatever the answer.
 */
export function BlueskyConnectForm({ channelId, initialHandle, onConnected, onCancel }: ConnectFormProps) {
  const { t } = useTranslation();
  const [identifier, setIdentifier] = useState(initialHandle);
  const [appPassword, setAppPassword] = useState("");
  const [service, setService] = useState("");

  const connect = useConnectAccount(
    () => connectBluesky({ channelId, identifier: identifier.trim(), appPassword, service: service.trim() || null }),
    () => setAppPassword(""),
    onConnected,
  );
  const checking = connect.isPending;

  return (
    <ConnectFormFrame
      prefix="bluesky"
      title={t("catalog.bluesky.title")}
      connect={connect}
      ready={identifier.trim() !== "" && appPassword.trim() !== ""}
      connectLabel={t("catalog.bluesky.connect")}
      checkingLabel={t("catalog.bluesky.checking")}
      onCancel={onCancel}
    >
      <ConnectField
        label={t("catalog.bluesky.identifier")}
        value={identifier}
        onChange={setIdentifier}
        placeholder={t("catalog.bluesky.identifierPlaceholder")}
        disabled={checking}
        testId="bluesky-identifier"
      />
      <ConnectField
        label={t("catalog.bluesky.appPassword")}
        value={appPassword}
        onChange={setAppPassword}
        secret
        hint={`${t("catalog.bluesky.appPasswordHelp")} ${t("catalog.bluesky.keychainHelp")}`}
        disabled={checking}
        testId="bluesky-app-password"
      />
      <AdvancedFields summary={t("catalog.bluesky.advanced")} testId="bluesky-advanced">
        <ConnectField
          label={t("catalog.bluesky.service")}
          value={service}
          onChange={setService}
          inputMode="url"
          placeholder="https://"
          hint={t("catalog.bluesky.serviceHelp")}
          disabled={checking}
          testId="bluesky-service"
        />
      </AdvancedFields>
    </ConnectFormFrame>
  );
}
