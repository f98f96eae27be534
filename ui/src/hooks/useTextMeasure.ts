import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";

import { queryKeys } from "../data/queryKeys";
import { measureText, type MeasureInput, type TextMeasureDto } from "../ipc";
import { useDebouncedValue } from "./useDebouncedValue";

/** How long to wait after the last keystroke before asking Rust to count. */
export const MEASURE_DEBOUNCE_MS = 150;

/**
 * Live counts per channel, by each network's own rule (Rust counts: graphemes,
 * weighted characters and UTF-16 units differ from JavaScript's `length`).
 */
export function useTextMeasure(input: MeasureInput) {
  const settled = useDebouncedValue(input, MEASURE_DEBOUNCE_MS);
  const query = useQuery({
    queryKey: queryKeys.measure(settled),
    queryFn: () => measureText(settled),
    enabled: settled.targets.length > 0,
    placeholderData: keepPreviousData,
    gcTime: 30_000,
  });
  const byChannel = useMemo(
    () => new Map<number, TextMeasureDto>((query.data ?? []).map((m) => [m.channelId, m])),
    [query.data],
  );
  return { byChannel, error: query.error };
}
