import { QueryClient } from "@tanstack/react-query";

/**
 * Data comes from a local process, not a network: retrying does not help,
 * and nothing goes stale by itself. Queries refresh only when Rust says
 * something changed (store-changed) or after the window's own writes.
 * Whether the computer is online says nothing about Rust answering, so
 * neither queries nor changes wait for a connection ("always"): with the
 * default they pause, silently, once the system reports being offline.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        staleTime: Number.POSITIVE_INFINITY,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        networkMode: "always",
      },
      mutations: { retry: false, networkMode: "always" },
    },
  });
}
