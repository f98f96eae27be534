import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";

import { queryKeys } from "../data/queryKeys";
import { listChannels, listLabels, type ChannelDto, type LabelDto } from "../ipc";

export function useChannels() {
  return useQuery({ queryKey: queryKeys.channels, queryFn: listChannels });
}

export function useLabels() {
  return useQuery({ queryKey: queryKeys.labels, queryFn: listLabels });
}

/** Channels by id, for chips that only carry ids. */
export function useChannelMap(): Map<number, ChannelDto> {
  const { data } = useChannels();
  return useMemo(() => new Map((data ?? []).map((c) => [c.id, c])), [data]);
}

export function useLabelMap(): Map<number, LabelDto> {
  const { data } = useLabels();
  return useMemo(() => new Map((data ?? []).map((l) => [l.id, l])), [data]);
}
