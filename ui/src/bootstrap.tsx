import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { createQueryClient } from "./data/queryClient";
import { ErrorBoundary } from "./features/startup/ErrorBoundary";
import { StartupGate } from "./features/startup/StartupGate";
import { guessLanguage, initI18n } from "./i18n";
import "./styles/index.css";

/** Mounts the app in #root. Shared by the real entry and the mocked dev entry. */
export function renderApp() {
  initI18n(guessLanguage());
  const root = document.getElementById("root");
  if (!root) throw new Error("index.html has no #root");
  const queryClient = createQueryClient();
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <QueryClientProvider client={queryClient}>
          <StartupGate />
        </QueryClientProvider>
      </ErrorBoundary>
    </StrictMode>,
  );
}
