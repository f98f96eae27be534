import type { QueryKey } from "@tanstack/react-query";

import type { StoreChangedDto } from "../ipc";
import { queryKeys } from "./queryKeys";

/**
 * The queries to refresh after Rust reports a write. Unknown topics refresh
 * everything: a new topic from a newer Rust side should never leave the
 * window showing stale data.
 */
export function queryKeysForChange(change: StoreChangedDto): QueryKey[] {
  const keys: QueryKey[] = [];
  const add = (key: QueryKey) => {
    if (!keys.some((k) => JSON.stringify(k) === JSON.stringify(key))) keys.push(key);
  };
  for (const topic of change.topics) {
    switch (topic) {
      case "posts":
        add(queryKeys.posts);
        if (change.postIds.length === 0) add(queryKeys.postRoot);
        for (const id of change.postIds) add(queryKeys.post(id));
        break;
      case "media":
        add(queryKeys.mediaLibraryRoot);
        break;
      case "metrics":
        add(queryKeys.metricsRoot);
        break;
      case "channels":
        add(queryKeys.channels);
        // A channel's network or limit decides how text is counted.
        add(queryKeys.measureRoot);
        break;
      case "labels":
        add(queryKeys.labels);
        break;
      case "accounts":
        add(queryKeys.accounts);
        break;
      case "settings":
        add(queryKeys.appState);
        // A new time zone moves every wall time.
        add(queryKeys.posts);
        add(queryKeys.postRoot);
        break;
      default:
        // "workspace" (another workspace opened) and anything new.
        return [[]];
    }
  }
  return keys;
}
