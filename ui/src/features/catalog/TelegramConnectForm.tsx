import { useState } from "react";
import { useTranslation } from "react-i18next";

import { connectTelegram } from "../../ipc";
import { AdvancedFields, ConnectField, ConnectFormFrame, useConnectAccount, type ConnectFormProps } from "./connectForm";

/**
 * A bot token from @BotFather and the channel the bot posts to (the bot must
 * be an administrator there). Rust asks Telegram whether the bot can see the
 * channel and keeps the token in the OS keychain; this form only holds it
 * until the answer comes back, whatever the answer.
 */
export function TelegramConnectForm({ channelId, initialHandle, onConnected, onCancel }: ConnectFormProps) {
  const { t } = useTranslation();
  const [botToken, setBotToken] = useState("");
  // Connecting again: the chat as Jadwal knows it (@name, or its number).
  const [chat, setChat] = useState(initialHandle);
  const [apiUrl, setApiUrl] = useState("");

  const connect = useConnectAccount(
    () => connectTelegram({ channelId, botToken: botToken.trim(), chat: chat.trim(), apiUrl: apiUrl.trim() || null }),
    () => setBotToken(""),
    onConnected,
  );
  const checking = connect.isPending;

  return (
    <ConnectFormFrame
      prefix="telegram"
      title={t("catalog.telegram.title")}
      connect={connect}
      ready={botToken.trim() !== "" && chat.trim() !== ""}
      connectLabel={t("catalog.telegram.connect")}
      checkingLabel={t("catalog.telegram.checking")}
      onCancel={onCancel}
    >
      <ConnectField
        label={t("catalog.telegram.token")}
        value={botToken}
        onChange={setBotToken}
        secret
        hint={`${t("catalog.telegram.tokenHelp")} ${t("catalog.telegram.keychainHelp")}`}
        disabled={checking}
        testId="telegram-token"
      />
      <ConnectField
        label={t("catalog.telegram.chat")}
        value={chat}
        onChange={setChat}
        placeholder={t("catalog.telegram.chatPlaceholder")}
        hint={t("catalog.telegram.chatHelp")}
        disabled={checking}
        testId="telegram-chat"
      />
      <AdvancedFields summary={t("catalog.telegram.advanced")} testId="telegram-advanced">
        <ConnectField
          label={t("catalog.telegram.apiUrl")}
          value={apiUrl}
          onChange={setApiUrl}
          inputMode="url"
          placeholder="https://"
          hint={t("catalog.telegram.apiUrlHelp")}
          disabled={checking}
          testId="telegram-api-url"
        />
      </AdvancedFields>
    </ConnectFormFrame>
  );
}
