import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";

import type { ImportProgressDto } from "./bindings/ImportProgressDto";
import type { StoreChangedDto } from "./bindings/StoreChangedDto";

export type Unsubscribe = () => void;

/**
 * Runs `subscribe` and returns a function that stops it; the function is safe
 * to call before the subscription has settled (React effects clean up
 * synchronously, Tauri's listeners resolve later).
 */
function subscription(subscribe: (isStopped: () => boolean) => Promise<UnlistenFn>): Unsubscribe {
  let stopped = false;
  let unlisten: UnlistenFn | null = null;
  // A plain browser has no Tauri: getCurrentWebview() throws at once there.
  new Promise<UnlistenFn>((resolve) => resolve(subscribe(() => stopped)))
    .then((stop) => {
      if (stopped) stop();
      else unlisten = stop;
    })
    .catch(() => {
      // Outside Tauri (a plain browser) there is nothing to listen to.
    });
  return () => {
    stopped = true;
    unlisten?.();
  };
}

function onEvent<T>(name: string, handler: (payload: T) => void): Unsubscribe {
  return subscription((isStopped) =>
    listen<T>(name, (event) => {
      if (!isStopped()) handler(event.payload);
    }),
  );
}

/** Calls `handler` each time Rust reports written data. Returns a function that stops listening. */
export function onStoreChanged(handler: (change: StoreChangedDto) => void): Unsubscribe {
  return onEvent("store-changed", handler);
}

/** Calls `handler` as each file of an import finishes (in no fixed order). */
export function onMediaImportProgress(handler: (progress: ImportProgressDto) => void): Unsubscribe {
  return onEvent("media-import-progress", handler);
}

/** Files dragged from the OS file manager over the window: hovering, dropped (with their paths), or gone. */
export type FileDrop = { kind: "over" } | { kind: "drop"; paths: string[] } | { kind: "leave" };

/** Calls `handler` while files are dragged over the window and when they are dropped. */
export function onFileDrop(handler: (drop: FileDrop) => void): Unsubscribe {
  return subscription((isStopped) =>
    getCurrentWebview().onDragDropEvent((event) => {
      if (isStopped()) return;
      const payload = event.payload;
      if (payload.type === "drop") handler({ kind: "drop", paths: payload.paths });
      else if (payload.type === "leave") handler({ kind: "leave" });
      else handler({ kind: "over" });
    }),
  );
}

/** Calls `handler` with a post's id when the person clicks a notification about it. */
export function onOpenPostRequest(handler: (postId: number) => void): Unsubscribe {
  return onEvent<number>("open-post", handler);
}
