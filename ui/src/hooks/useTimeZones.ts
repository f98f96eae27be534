import { useQuery } from "@tanstack/react-query";

import { queryKeys } from "../data/queryKeys";
import { listTimeZones } from "../ipc";

export function useTimeZones(enabled = true) {
  return useQuery({ queryKey: queryKeys.timeZones, queryFn: listTimeZones, enabled });
}
