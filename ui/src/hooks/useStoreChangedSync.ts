import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

import { queryKeysForChange } from "../data/storeChanged";
import { onStoreChanged } from "../ipc";

/** Refreshes what Rust says changed. This is the only way data refreshes: no polling. */
export function useStoreChangedSync() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onStoreChanged((change) => {
        for (const queryKey of queryKeysForChange(change)) {
          void queryClient.invalidateQueries({ queryKey });
        }
      }),
    [queryClient],
  );
}
