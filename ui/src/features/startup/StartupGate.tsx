import { useLayoutEffect } from "react";
import { useTranslation } from "react-i18next";

import { useAppState } from "../../hooks/useAppState";
import { useStoreChangedSync } from "../../hooks/useStoreChangedSync";
import { applyLanguage } from "../../i18n";
import { ipcErrorOf, type AppStateDto } from "../../ipc";
import { AppShell } from "../app/AppShell";
import { ToastProvider } from "../toast/ToastProvider";
import { UndoProvider } from "../undo/UndoProvider";
import { StartupErrorScreen } from "./StartupErrorScreen";

/** Opens the workspace; shows the full-window error screen when its data cannot be opened. */
export function StartupGate() {
  const { t } = useTranslation();
  const state = useAppState();

  // Once opened, the workspace stays on screen even if a later refresh fails.
  if (state.data) return <Workspace appState={state.data} />;
  if (state.isPending) {
    return (
      <div className="splash" aria-busy="true">
        <span className="splash__mark" aria-hidden="true">
          J
        </span>
        <p>{t("startup.opening")}</p>
      </div>
    );
  }
  return (
    <StartupErrorScreen
      error={ipcErrorOf(state.error)}
      onRetry={() => void state.refetch()}
      retrying={state.isFetching}
    />
  );
}

function Workspace({ appState }: { appState: AppStateDto }) {
  useStoreChangedSync();
  // Before the first paint, so the window never flashes in the other language.
  useLayoutEffect(() => {
    void applyLanguage(appState.language);
  }, [appState.language]);

  return (
    <ToastProvider>
      <UndoProvider>
        <AppShell appState={appState} />
      </UndoProvider>
    </ToastProvider>
  );
}
