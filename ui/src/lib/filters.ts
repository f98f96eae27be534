import type { PostStatus, PostSummaryDto } from "../ipc";

/**
 * What the person chose in the filter bar. An empty set means "all": nothing
 * is hidden until something is picked. Within a group any match is enough
 * (Instagram OR Facebook); across groups all must match (Instagram AND draft).
 */
export interface PostFilters {
  channelIds: ReadonlySet<number>;
  labelIds: ReadonlySet<number>;
  statuses: ReadonlySet<PostStatus>;
}

export const NO_FILTERS: PostFilters = {
  channelIds: new Set(),
  labelIds: new Set(),
  statuses: new Set(),
};

export function isFiltering(filters: PostFilters): boolean {
  return filters.channelIds.size + filters.labelIds.size + filters.statuses.size > 0;
}

export function matchesFilters(post: PostSummaryDto, filters: PostFilters): boolean {
  if (filters.statuses.size > 0 && !filters.statuses.has(post.status)) return false;
  if (filters.channelIds.size > 0 && !post.channelIds.some((id) => filters.channelIds.has(id))) {
    return false;
  }
  if (filters.labelIds.size > 0 && !post.labelIds.some((id) => filters.labelIds.has(id))) {
    return false;
  }
  return true;
}

export function applyFilters<T extends PostSummaryDto>(posts: readonly T[], filters: PostFilters): T[] {
  if (!isFiltering(filters)) return [...posts];
  return posts.filter((post) => matchesFilters(post, filters));
}

/** A copy of `set` with `value` added or removed. */
export function toggled<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

/**
 * Drops chosen channels and labels that no longer exist (deleted in the
 * channels dialog), so a filter cannot hide everything with nothing shown as picked.
 */
export function pruneFilters(
  filters: PostFilters,
  channelIds: readonly number[],
  labelIds: readonly number[],
): PostFilters {
  const channels = new Set(channelIds);
  const labels = new Set(labelIds);
  const keptChannels = [...filters.channelIds].filter((id) => channels.has(id));
  const keptLabels = [...filters.labelIds].filter((id) => labels.has(id));
  if (keptChannels.length === filters.channelIds.size && keptLabels.length === filters.labelIds.size) {
    return filters;
  }
  return { ...filters, channelIds: new Set(keptChannels), labelIds: new Set(keptLabels) };
}
