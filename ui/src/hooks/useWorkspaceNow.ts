import { useEffect, useState } from "react";

import { nowInZone, type WallTime } from "../lib/wallTime";

/**
 * The wall time now in the workspace's zone, to the minute. Starts from what
 * Rust said at startup and ticks on each minute with Intl; this is a clock,
 * not a data poll.
 */
export function useWorkspaceNow(timeZone: string, fromRust: WallTime): WallTime {
  const [now, setNow] = useState(fromRust);

  useEffect(() => {
    setNow(fromRust);
    const tick = () => {
      try {
        setNow(nowInZone(timeZone));
      } catch {
        // A zone this webview's Intl does not know: keep Rust's value.
      }
    };
    let interval: ReturnType<typeof setInterval> | undefined;
    const untilNextMinute = 60_000 - (Date.now() % 60_000);
    const first = setTimeout(() => {
      tick();
      interval = setInterval(tick, 60_000);
    }, untilNextMinute);
    return () => {
      clearTimeout(first);
      if (interval) clearInterval(interval);
    };
  }, [timeZone, fromRust]);

  return now;
}
