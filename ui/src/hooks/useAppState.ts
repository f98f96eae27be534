import { useQuery } from "@tanstack/react-query";

import { queryKeys } from "../data/queryKeys";
import { appState } from "../ipc";

export function useAppState() {
  return useQuery({ queryKey: queryKeys.appState, queryFn: appState });
}
