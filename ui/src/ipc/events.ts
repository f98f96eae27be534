import { listen } from "@tauri-apps/api/event";

import type { StoreChangedDto } from "./bindings/StoreChangedDto";

export type Unsubscribe = () => void;

/**
 * Calls `handler` each time Rust reports written data. Returns a function that
 * stops listening; it is safe to call before the subscription has settled
 * (React effects clean up synchronously, `listen` resolves later).
 */
export function onStoreChanged(handler: (change: StoreChangedDto) => void): Unsubscribe {
  let stopped = false;
  let unlisten: (() => void) | null = null;
  listen<StoreChangedDto>("store-changed", (event) => {
    if (!stopped) handler(event.payload);
  })
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
