import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, type FormEvent, type HTMLAttributes, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { queryKeys } from "../../data/queryKeys";
import type { AccountDto } from "../../ipc";

/** What the account panel gives each network's connect form. */
export interface ConnectFormProps {
  channelId: number;
  /** The account's handle when connecting again; "" the first time. */
  initialHandle: string;
  onConnected: (account: AccountDto) => void;
  onCancel: () => void;
}

/**
 * The connect call for one form. `connect` reads the form's fields from the
 * render that submits; there are no mutation variables, because TanStack
 * keeps those after the call ends and a secret must not outlive it.
 * `forgetSecrets` runs when the call ends, whatever the answer.
 */
export function useConnectAccount(
  connect: () => Promise<AccountDto>,
  forgetSecrets: () => void,
  onConnected: (account: AccountDto) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: connect,
    onSuccess: (account) => {
      // Show the account at once; the refetch confirms it.
      queryClient.setQueryData<AccountDto[]>(queryKeys.accounts, (old) => [
        ...(old ?? []).filter((a) => a.channelId !== account.channelId),
        account,
      ]);
      void queryClient.invalidateQueries({ queryKey: queryKeys.accounts });
      onConnected(account);
    },
    onSettled: forgetSecrets,
  });
}

interface ConnectFormFrameProps {
  /** Names the form's test ids: `<prefix>-form`, `<prefix>-error`, `<prefix>-connect`. */
  prefix: string;
  title: string;
  /** Words above the fields, if the network needs them. */
  intro?: string;
  connect: ReturnType<typeof useConnectAccount>;
  /** Every field the network needs is filled in. */
  ready: boolean;
  connectLabel: string;
  checkingLabel: string;
  onCancel: () => void;
  children: ReactNode;
}

/** The frame every connect form shares: title, fields, the error in words, Cancel and Connect. */
export function ConnectFormFrame({
  prefix,
  title,
  intro,
  connect,
  ready,
  connectLabel,
  checkingLabel,
  onCancel,
  children,
}: ConnectFormFrameProps) {
  const { t } = useTranslation();
  const checking = connect.isPending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!checking && ready) connect.mutate();
  };

  return (
    <form className="connect-form" onSubmit={submit} data-testid={`${prefix}-form`} aria-busy={checking}>
      <h4 className="catalog-form__title">{title}</h4>
      {intro ? <p className="field__hint">{intro}</p> : null}
      {children}
      <ErrorNotice error={connect.error} testId={`${prefix}-error`} />
      <div className="connect-form__actions">
        <button type="button" className="button button--quiet button--small" onClick={onCancel} disabled={checking}>
          {t("common.cancel")}
        </button>
        <button
          type="submit"
          className="button button--primary button--small"
          disabled={checking || !ready}
          data-testid={`${prefix}-connect`}
        >
          {checking ? checkingLabel : connectLabel}
        </button>
      </div>
      {/* The button's new words are not announced; this is. */}
      <p className="sr-only" role="status">
        {checking ? checkingLabel : ""}
      </p>
    </form>
  );
}

interface ConnectFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
  testId: string;
  hint?: string;
  placeholder?: string;
  /** A password, token or secret: hidden as it is typed. */
  secret?: boolean;
  inputMode?: HTMLAttributes<HTMLInputElement>["inputMode"];
}

/** One labelled text field of a connect form; nothing typed is suggested, corrected or remembered. */
export function ConnectField({ label, value, onChange, disabled, testId, hint, placeholder, secret, inputMode }: ConnectFieldProps) {
  const hintId = useId();
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        // Never type="url": the browser's own check is untranslated; Rust's answer is.
        type={secret ? "password" : "text"}
        inputMode={inputMode}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        disabled={disabled}
        aria-describedby={hint ? hintId : undefined}
        data-testid={testId}
      />
      {hint ? (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      ) : null}
    </label>
  );
}

/** Settings most people never need, folded away. */
export function AdvancedFields({ summary, testId, children }: { summary: string; testId: string; children: ReactNode }) {
  return (
    <details className="connect-form__advanced">
      <summary data-testid={testId}>{summary}</summary>
      {children}
    </details>
  );
}
