import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type ComponentType } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorNotice } from "../../components/ErrorNotice";
import { queryKeys } from "../../data/queryKeys";
import { disconnectAccount, type AccountDto, type ChannelDto, type Network } from "../../ipc";
import type { ConnectFormProps } from "./connectForm";

type AccountState = "none" | "connected" | "login_needed";

function stateOf(account: AccountDto | null): AccountState {
  if (!account) return "none";
  // Anything but "connected" asks for a new login: never claim a login works when unsure.
  return account.status === "connected" ? "connected" : "login_needed";
}

/** Networks whose handles are @names; a Telegram chat number or a webhook's host is shown as it is. */
const AT_HANDLES: readonly Network[] = ["bluesky", "mastodon"];

/** The account's picture: only the small copy Rust made (the window loads nothing from the internet). */
function Avatar({ account }: { account: AccountDto }) {
  const src = account.avatarUrl;
  if (!src || !src.startsWith("data:image/")) return null;
  return <img className="account__avatar" src={src} alt="" width={24} height={24} data-testid="account-avatar" />;
}

/** "Name (handle)", or the handle alone when the account has no display name. */
function accountName(account: AccountDto): string {
  const handle = AT_HANDLES.includes(account.network) ? `@${account.handle.replace(/^@/, "")}` : account.handle;
  return account.displayName ? `${account.displayName} (${handle})` : handle;
}

interface AccountPanelProps {
  channel: ChannelDto;
  account: AccountDto | null;
  /** The network's connect form, opened by Connect and Connect again. */
  Form: ComponentType<ConnectFormProps>;
  /** What to do when the network no longer accepts the saved login, in the network's words. */
  loginNeededHelp: string;
}

/** A channel's account on any network that connects: connect, connect again, or disconnect. */
export function AccountPanel({ channel, account, Form, loginNeededHelp }: AccountPanelProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [formOpen, setFormOpen] = useState(false);
  const [justConnected, setJustConnected] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const state = stateOf(account);

  const disconnect = useMutation({
    mutationFn: () => disconnectAccount(channel.id),
    onSuccess: () => {
      queryClient.setQueryData<AccountDto[]>(queryKeys.accounts, (old) =>
        (old ?? []).filter((a) => a.channelId !== channel.id),
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.accounts });
      setJustConnected(false);
    },
    onSettled: () => setConfirming(false),
  });

  const openForm = () => {
    setJustConnected(false);
    disconnect.reset();
    setFormOpen(true);
  };

  return (
    <div className="account" data-testid="channel-account" data-channel-id={channel.id} data-state={state}>
      <div className="account__line">
        {state === "none" ? <span className="account__badge">{t("catalog.account.notConnected")}</span> : null}
        {state === "connected" && account ? (
          <>
            <Avatar account={account} />
            <span className="account__handle" data-testid="account-handle">
              {accountName(account)}
            </span>
          </>
        ) : null}
        {state === "login_needed" && account ? (
          <>
            <span className="account__badge account__badge--warning" data-testid="account-login-needed">
              {t("catalog.account.loginNeeded")}
            </span>
            <span className="account__handle">{accountName(account)}</span>
          </>
        ) : null}
        <span className="account__actions">
          {!formOpen && state !== "connected" ? (
            <button
              type="button"
              className="button button--small"
              onClick={openForm}
              data-testid="connect-account"
              data-channel-id={channel.id}
            >
              {state === "none" ? t("catalog.account.connect") : t("catalog.account.connectAgain")}
            </button>
          ) : null}
          {!formOpen && state !== "none" ? (
            <button
              type="button"
              className="button button--danger-quiet button--small"
              onClick={() => setConfirming(true)}
              data-testid="disconnect-account"
              data-channel-id={channel.id}
            >
              {t("catalog.account.disconnect")}
            </button>
          ) : null}
        </span>
      </div>

      {state === "login_needed" && !formOpen ? <p className="field__hint">{loginNeededHelp}</p> : null}
      {justConnected && state === "connected" ? (
        <p className="notice notice--info" role="status" data-testid="account-connected">
          {t("catalog.account.justConnected")}
        </p>
      ) : null}
      {formOpen ? (
        <Form
          channelId={channel.id}
          initialHandle={account?.handle ?? ""}
          onConnected={() => {
            setFormOpen(false);
            setJustConnected(true);
          }}
          onCancel={() => setFormOpen(false)}
        />
      ) : null}
      <ErrorNotice error={disconnect.error} testId="account-error" />

      {confirming ? (
        <ConfirmDialog
          title={t("catalog.account.disconnectTitle", { name: channel.name })}
          confirmLabel={t("catalog.account.disconnect")}
          danger
          busy={disconnect.isPending}
          onConfirm={() => disconnect.mutate()}
          onCancel={() => setConfirming(false)}
        >
          <p>{t("catalog.account.disconnectBody")}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
