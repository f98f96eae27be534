import { useEffect } from "react";

import { onOpenPostRequest } from "../../ipc";

/** Opens the post a clicked desktop notification is about. */
export function useOpenPostRequests(openPost: (postId: number) => void) {
  useEffect(() => onOpenPostRequest(openPost), [openPost]);
}
