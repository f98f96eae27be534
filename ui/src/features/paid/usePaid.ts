import { useQuery } from "@tanstack/react-query";

import { queryKeys } from "../../data/queryKeys";
import { getPaid } from "../../ipc";

/** Campaigns, partners and collaborations. Under the plan's key, so plan writes refresh it. */
export function usePaid() {
  return useQuery({ queryKey: queryKeys.paid, queryFn: getPaid });
}
