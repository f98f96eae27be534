import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";

import { createQueryClient } from "../data/queryClient";
import { ToastProvider } from "../features/toast/ToastProvider";
import { UndoProvider } from "../features/undo/UndoProvider";

/** Renders `ui` inside the providers the app wraps every screen in. */
export function renderWithProviders(ui: ReactElement) {
  const queryClient = createQueryClient();
  const result = render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <UndoProvider>{ui}</UndoProvider>
      </ToastProvider>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}
