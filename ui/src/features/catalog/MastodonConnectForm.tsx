import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import {
  cancelMastodonCodeSignIn,
  connectMastodon,
  finishMastodonCodeSignIn,
  ipcErrorOf,
  startMastodonCodeSignIn,
  type MastodonCodeSignInDto,
} from "../../ipc";
import { CopyText } from "../decisions/CopyText";
import { ConnectField, ConnectFormFrame, useConnectAccount, type ConnectFormProps } from "./connectForm";

/**
 * The person's Mastodon server. Rust opens the server's own sign-in page in
 * the browser and waits (up to ten minutes) for the person to approve there;
 * no password passes through Jadwal, and the access token goes to the OS
 * keychain. When the browser cannot come back to Jadwal (no address could be
 * opened here, or the browser is on another device), the server shows a code
 * for the person to paste instead.
 */
export function MastodonConnectForm({ channelId, initialHandle, onConnected, onCancel }: ConnectFormProps) {
  const { t } = useTranslation();
  // Connecting again: the server from the handle (name@server).
  const [instance, setInstance] = useState(initialHandle.includes("@") ? initialHandle.split("@").pop() ?? "" : "");
  const [codeSignIn, setCodeSignIn] = useState<MastodonCodeSignInDto | null>(null);
  const [noListener, setNoListener] = useState(false);

  const start = useMutation({
    mutationFn: () => startMastodonCodeSignIn({ channelId, instance: instance.trim() }),
    onSuccess: setCodeSignIn,
  });
  const connect = useConnectAccount(
    () => connectMastodon({ channelId, instance: instance.trim() }),
    () => {},
    onConnected,
  );

  // Jadwal could not open an address for the browser to come back to: the code is the way left.
  const listenerFailed = connect.isError && ipcErrorOf(connect.error).code === "sign_in_listener";
  useEffect(() => {
    if (listenerFailed && !noListener) {
      setNoListener(true);
      start.mutate();
    }
  }, [listenerFailed, noListener, start]);

  if (codeSignIn) {
    return (
      <MastodonCodeForm
        signIn={codeSignIn}
        noListener={noListener}
        onConnected={onConnected}
        onCancel={() => {
          void cancelMastodonCodeSignIn(channelId).catch(() => undefined);
          onCancel();
        }}
      />
    );
  }

  return (
    <ConnectFormFrame
      prefix="mastodon"
      title={t("catalog.mastodon.title")}
      intro={t("catalog.mastodon.intro")}
      connect={connect}
      ready={instance.trim() !== "" && !start.isPending}
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
        disabled={connect.isPending || start.isPending}
        testId="mastodon-instance"
      />
      {noListener ? <p className="field__hint">{t("catalog.mastodon.noListener")}</p> : null}
      <div className="connect-form__alternative">
        <button
          type="button"
          className="button button--quiet button--small"
          disabled={instance.trim() === "" || start.isPending}
          onClick={() => start.mutate()}
          data-testid="mastodon-use-code"
        >
          {start.isPending ? t("catalog.mastodon.starting") : t("catalog.mastodon.useCode")}
        </button>
        <span className="field__hint">{t("catalog.mastodon.useCodeHelp")}</span>
      </div>
      <ErrorNotice error={start.error} testId="mastodon-code-start-error" />
    </ConnectFormFrame>
  );
}

interface MastodonCodeFormProps {
  signIn: MastodonCodeSignInDto;
  /** The code way was taken because Jadwal could not listen for the browser. */
  noListener: boolean;
  onConnected: ConnectFormProps["onConnected"];
  onCancel: () => void;
}

/** The second step of the code sign-in: the page to open, and the code it shows. */
function MastodonCodeForm({ signIn, noListener, onConnected, onCancel }: MastodonCodeFormProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState("");
  const finish = useConnectAccount(
    () => finishMastodonCodeSignIn({ channelId: signIn.channelId, code: code.trim() }),
    // The code works once: a refused one is typed again, not kept.
    () => setCode(""),
    onConnected,
  );
  return (
    <ConnectFormFrame
      prefix="mastodon-code"
      title={t("catalog.mastodon.title")}
      intro={signIn.browserOpened ? t("catalog.mastodon.codeOpened") : t("catalog.mastodon.codeNotOpened")}
      connect={finish}
      ready={code.trim() !== ""}
      connectLabel={t("catalog.mastodon.finish")}
      checkingLabel={t("catalog.mastodon.finishing")}
      onCancel={onCancel}
    >
      {noListener ? <p className="field__hint">{t("catalog.mastodon.noListener")}</p> : null}
      <CopyText label={t("catalog.mastodon.address")} text={signIn.authorizeUrl} testId="mastodon-code-address" />
      <ConnectField
        label={t("catalog.mastodon.code")}
        value={code}
        onChange={setCode}
        hint={t("catalog.mastodon.codeHelp")}
        disabled={finish.isPending}
        secret
        testId="mastodon-code"
      />
    </ConnectFormFrame>
  );
}
