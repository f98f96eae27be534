import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { queryKeys } from "../../data/queryKeys";
import { connectBluesky, type AccountDto } from "../../ipc";

interface BlueskyConnectFormProps {
  channelId: number;
  /** The handle to start from when connecting again. */
  initialIdentifier?: string;
  onConnected: (account: AccountDto) => void;
  onCancel: () => void;
}

/**
 * Handle (or e-mail) and app password for one Bluesky channel. Rust checks
 * them with Bluesky and keeps the password in the OS keychain; this form only
 * holds it until the answer comes back, whatever the answer.
 */
export function BlueskyConnectForm({ channelId, initialIdentifier = "", onConnected, onCancel }: BlueskyConnectFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [identifier, setIdentifier] = useState(initialIdentifier);
  const [appPassword, setAppPassword] = useState("");
  const [service, setService] = useState("");

  const connect = useMutation({
    // No mutation variables: TanStack keeps those after the call ends, and
    // the password must not outlive it. The closure reads this render's fields.
    mutationFn: () =>
      connectBluesky({ channelId, identifier: identifier.trim(), appPassword, service: service.trim() || null }),
    onSuccess: (account) => {
      // Show the account at once; the refetch confirms it.
      queryClient.setQueryData<AccountDto[]>(queryKeys.accounts, (old) => [
        ...(old ?? []).filter((a) => a.channelId !== account.channelId),
        account,
      ]);
      void queryClient.invalidateQueries({ queryKey: queryKeys.accounts });
      onConnected(account);
    },
    onSettled: () => setAppPassword(""),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!connect.isPending) connect.mutate();
  };

  const checking = connect.isPending;
  const ready = identifier.trim() !== "" && appPassword.trim() !== "";

  return (
    <form className="connect-form" onSubmit={submit} data-testid="bluesky-form" aria-busy={checking}>
      <h4 className="catalog-form__title">{t("catalog.bluesky.title")}</h4>
      <label className="field">
        <span className="field__label">{t("catalog.bluesky.identifier")}</span>
        <input
          value={identifier}
          onChange={(event) => setIdentifier(event.target.value)}
          placeholder={t("catalog.bluesky.identifierPlaceholder")}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          disabled={checking}
          data-testid="bluesky-identifier"
        />
      </label>
      <label className="field">
        <span className="field__label">{t("catalog.bluesky.appPassword")}</span>
        <input
          type="password"
          value={appPassword}
          onChange={(event) => setAppPassword(event.target.value)}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          disabled={checking}
          aria-describedby={`bluesky-password-help-${channelId}`}
          data-testid="bluesky-app-password"
        />
        <span id={`bluesky-password-help-${channelId}`} className="field__hint">
          {t("catalog.bluesky.appPasswordHelp")} {t("catalog.bluesky.keychainHelp")}
        </span>
      </label>
      <details className="connect-form__advanced">
        <summary data-testid="bluesky-advanced">{t("catalog.bluesky.advanced")}</summary>
        <label className="field">
          <span className="field__label">{t("catalog.bluesky.service")}</span>
          <input
            // Not type="url": the browser's own check is untranslated; Rust's answer is.
            inputMode="url"
            value={service}
            onChange={(event) => setService(event.target.value)}
            placeholder="https://"
            autoComplete="off"
            spellCheck={false}
            disabled={checking}
            data-testid="bluesky-service"
          />
          <span className="field__hint">{t("catalog.bluesky.serviceHelp")}</span>
        </label>
      </details>
      <ErrorNotice error={connect.error} testId="bluesky-error" />
      <div className="connect-form__actions">
        <button type="button" className="button button--quiet button--small" onClick={onCancel} disabled={checking}>
          {t("common.cancel")}
        </button>
        <button
          type="submit"
          className="button button--primary button--small"
          disabled={checking || !ready}
          data-testid="bluesky-connect"
        >
          {checking ? t("catalog.bluesky.checking") : t("catalog.bluesky.connect")}
        </button>
      </div>
      {/* The button's new words are not announced; this is. */}
      <p className="sr-only" role="status">
        {checking ? t("catalog.bluesky.checking") : ""}
      </p>
    </form>
  );
}
