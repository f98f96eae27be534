import { keepPreviousData, useQuery } from "@tanstack/react-query";

import { queryKeys } from "../../data/queryKeys";
import { planGaps } from "../../ipc";

/** Where the visible range falls short of the plan; shared by the grid and the panel. */
export function usePlanGaps(range: { from: string; to: string } | null) {
  return useQuery({
    queryKey: queryKeys.planGaps(range?.from ?? "", range?.to ?? ""),
    queryFn: () => (range ? planGaps(range.from, range.to) : Promise.reject(new Error("no range"))),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
}
