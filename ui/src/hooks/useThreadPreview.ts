import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";

import { queryKeys } from "../data/queryKeys";
import { previewThreads, type MeasureInput, type ThreadPreviewDto } from "../ipc";
import { useDebouncedValue } from "./useDebouncedValue";
import { MEASURE_DEBOUNCE_MS } from "./useTextMeasure";

/**
 * The parts each "post as a thread" channel's text goes out as, split in Rust
 * by the adapter's own rule (so the preview is what is sent). Asked only while
 * some channel wants a thread.
 */
export function useThreadPreview(input: MeasureInput) {
  const settled = useDebouncedValue(input, MEASURE_DEBOUNCE_MS);
  const query = useQuery({
    queryKey: queryKeys.threadPreview(settled),
    queryFn: () => previewThreads(settled),
    enabled: settled.targets.some((target) => target.asThread),
    placeholderData: keepPreviousData,
    gcTime: 30_000,
  });
  const byChannel = useMemo(
    () => new Map<number, ThreadPreviewDto>((query.data ?? []).map((p) => [p.channelId, p])),
    [query.data],
  );
  return { byChannel, error: query.error };
}
