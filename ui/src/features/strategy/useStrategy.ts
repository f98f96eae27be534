import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { queryKeys } from "../../data/queryKeys";
import { getStrategy } from "../../ipc";

export function useStrategy() {
  return useQuery({ queryKey: queryKeys.strategy, queryFn: getStrategy });
}

/**
 * A write to the plan that refreshes it (and the labels and calendar gaps it
 * feeds) on success. The store's change event would do the same a moment
 * later; refreshing here keeps the screen in step with the click.
 */
export function usePlanWrite<Args, Result>(write: (args: Args) => Promise<Result>, onDone?: (result: Result) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: Args) => write(args),
    onSuccess: (result) => {
      onDone?.(result);
      void Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.strategy }),
        queryClient.invalidateQueries({ queryKey: queryKeys.labels }),
        queryClient.invalidateQueries({ queryKey: queryKeys.planGapsRoot }),
      ]);
    },
  });
}
