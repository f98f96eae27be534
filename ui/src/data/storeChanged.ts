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
        // The dashboard is made of figures.
        add(queryKeys.insightsRoot);
        break;
      case "channels":
        add(queryKeys.channels);
        // A channel's rhythm goes with it.
        add(queryKeys.strategy);
        add(queryKeys.planGapsRoot);
        add(queryKeys.insightsRoot);
        // A channel's network or limit decides how text is counted.
        add(queryKeys.measureRoot);
        break;
      case "labels":
        add(queryKeys.labels);
        // A pillar is a label.
        add(queryKeys.strategy);
        add(queryKeys.planGapsRoot);
        add(queryKeys.insightsRoot);
        break;
      case "strategy":
        add(queryKeys.strategy);
        add(queryKeys.planGapsRoot);
        // Goals and pillars' shares are on the dashboard.
        add(queryKeys.insightsRoot);
        break;
      case "accounts":
        add(queryKeys.accounts);
        break;
      case "settings":
        add(queryKeys.appState);
        // The automatic reports' outcome is kept among the settings.
        add(queryKeys.autoReports);
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
