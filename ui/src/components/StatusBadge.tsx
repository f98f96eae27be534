import { useTranslation } from "react-i18next";

import type { PostStatus } from "../ipc";

export const STATUS_ICON: Record<PostStatus, string> = {
  draft: "✎",
  scheduled: "◷",
  published: "✓",
  failed: "!",
};

/** A post's status in words, with an icon so colour is never the only cue. */
export function StatusBadge({ status }: { status: PostStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--${status}`}>
      <span aria-hidden="true">{STATUS_ICON[status]}</span> {t(`status.${status}`)}
    </span>
  );
}
