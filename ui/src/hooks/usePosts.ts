import { keepPreviousData, useQuery } from "@tanstack/react-query";

import { queryKeys } from "../data/queryKeys";
import { calendarPosts, getPost, needsDecision, publishLog, trayPosts } from "../ipc";

/** Posts in the visible range; the previous range stays on screen while the next loads. */
export function useCalendarPosts(range: { from: string; to: string } | null) {
  return useQuery({
    queryKey: queryKeys.calendar(range?.from ?? "", range?.to ?? ""),
    queryFn: () => (range ? calendarPosts(range.from, range.to) : Promise.resolve([])),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
}

export function useTrayPosts() {
  return useQuery({ queryKey: queryKeys.tray, queryFn: trayPosts });
}

/** Scheduled posts that did not go out on time and wait for the person. */
export function useHeldPosts() {
  return useQuery({ queryKey: queryKeys.held, queryFn: needsDecision });
}

export function usePost(id: number | null) {
  return useQuery({
    queryKey: queryKeys.post(id ?? -1),
    queryFn: () => getPost(id ?? -1),
    enabled: id !== null,
  });
}

/** A post's publishing history, oldest first; fetched only while `enabled` (the section is open). */
export function usePublishLog(id: number | null, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.publishLog(id ?? -1),
    queryFn: () => publishLog(id ?? -1),
    enabled: id !== null && enabled,
  });
}
