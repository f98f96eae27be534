import { useEffect, useRef, useState } from "react";

import { onFileDrop } from "../../ipc";

/**
 * Files dragged from the OS file manager onto the window, while `enabled`:
 * `over` is true while they hover (to show where they go); `onDrop` gets the
 * paths. Mounted only with the editor, so a drop elsewhere does nothing.
 */
export function useFileDrop(enabled: boolean, onDrop: (paths: string[]) => void): boolean {
  const [over, setOver] = useState(false);
  const onDropRef = useRef(onDrop);
  onDropRef.current = onDrop;

  useEffect(() => {
    if (!enabled) {
      setOver(false);
      return;
    }
    return onFileDrop((drop) => {
      if (drop.kind === "over") {
        setOver(true);
        return;
      }
      setOver(false);
      if (drop.kind === "drop" && drop.paths.length > 0) onDropRef.current(drop.paths);
    });
  }, [enabled]);

  return over;
}
