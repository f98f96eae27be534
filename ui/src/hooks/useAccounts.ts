import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";

import { queryKeys } from "../data/queryKeys";
import { listAccounts, type AccountDto } from "../ipc";

export function useAccounts() {
  return useQuery({ queryKey: queryKeys.accounts, queryFn: listAccounts });
}

/** Accounts by channel id: a channel has at most one. */
export function useAccountMap(): Map<number, AccountDto> {
  const { data } = useAccounts();
  return useMemo(() => new Map((data ?? []).map((a) => [a.channelId, a])), [data]);
}
