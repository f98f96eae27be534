import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";

import { queryKeys } from "../data/queryKeys";
import {
  mediaCrops,
  mediaLibrary,
  mediaThumbnails,
  networkPresets,
  postMedia,
  postMediaChecks,
  postThumbnails,
} from "../ipc";

/** The same list in one order, so the same request has the same key. */
function sortedUnique<T extends string | number>(values: readonly T[]): T[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A saved post's pictures, in order; nothing for a post not saved yet. */
export function usePostMedia(postId: number | null) {
  return useQuery({
    queryKey: queryKeys.postMedia(postId ?? -1),
    queryFn: () => postMedia(postId ?? -1),
    enabled: postId !== null,
  });
}

/** What the post's networks would refuse or show differently; refreshed with the post. */
export function usePostMediaChecks(postId: number | null) {
  return useQuery({
    queryKey: queryKeys.postMediaChecks(postId ?? -1),
    queryFn: () => postMediaChecks(postId ?? -1),
    enabled: postId !== null,
  });
}

/** The library, searched by name and alt text ("" lists everything). */
export function useMediaLibrary(query: string) {
  const trimmed = query.trim();
  return useQuery({
    queryKey: queryKeys.mediaLibrary(trimmed),
    queryFn: () => mediaLibrary(trimmed === "" ? null : trimmed),
    placeholderData: keepPreviousData,
  });
}

/** Each answer's data; one function for every render, so TanStack keeps the combined list stable. */
function dataOfEach<T>(results: readonly { data: T | undefined }[]): (T | undefined)[] {
  return results.map((result) => result.data);
}

/** How many thumbnails one call asks for: a page of the library. */
export const THUMBNAILS_PER_CALL = 48;

/**
 * Small `data:` URLs of library pictures by hash, asked for a page at a time
 * (in the order given, so showing more asks only for the new page).
 */
export function useMediaThumbnails(hashes: readonly string[]): ReadonlyMap<string, string> {
  const pages = useMemo(() => {
    const unique = [...new Set(hashes)];
    const out: string[][] = [];
    for (let i = 0; i < unique.length; i += THUMBNAILS_PER_CALL) out.push(unique.slice(i, i + THUMBNAILS_PER_CALL));
    return out;
  }, [hashes]);
  const answers = useQueries({
    queries: pages.map((page) => ({
      queryKey: queryKeys.mediaThumbnails(page),
      queryFn: () => mediaThumbnails(page),
      // A hash names the bytes: its thumbnail never changes.
      staleTime: Infinity,
    })),
    combine: dataOfEach,
  });
  return useMemo(() => {
    const map = new Map<string, string>();
    for (const thumb of answers.flatMap((answer) => answer ?? [])) map.set(thumb.hash, thumb.dataUrl);
    return map;
  }, [answers]);
}

/** The first picture of each post that has one, by post id: one call for all the posts shown. */
export function usePostThumbnails(postIds: readonly number[]): ReadonlyMap<number, string> {
  const wanted = useMemo(() => sortedUnique(postIds), [postIds]);
  const query = useQuery({
    queryKey: queryKeys.postThumbnails(wanted),
    queryFn: () => postThumbnails(wanted),
    enabled: wanted.length > 0,
    placeholderData: keepPreviousData,
  });
  return useMemo(() => {
    const map = new Map<number, string>();
    for (const thumb of query.data ?? []) if (thumb.postId !== null) map.set(thumb.postId, thumb.dataUrl);
    return map;
  }, [query.data]);
}

/** Where each preset cuts a picture around its focal point (the previous cut stays while the next loads). */
export function useMediaCrops(hash: string, focalX: number, focalY: number, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.mediaCrops(hash, focalX, focalY),
    queryFn: () => mediaCrops(hash, focalX, focalY),
    enabled,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}

/** The renditions each network gets, asked once: they ship with the app. */
export function useNetworkPresets() {
  return useQuery({
    queryKey: queryKeys.networkPresets,
    queryFn: networkPresets,
    staleTime: Infinity,
    gcTime: Infinity,
  });
}
