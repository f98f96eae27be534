import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { queryKeys } from "../../data/queryKeys";
import { publishingStatus } from "../../ipc";

/** The instant in the workspace's zone, in the window's language. */
function formatInstant(utc: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone, dateStyle: "medium", timeStyle: "short" }).format(new Date(utc));
}

/**
 * Says plainly that posts wait for the internet, instead of letting them look
 * scheduled while nothing goes out. It disappears by itself: every try is a
 * store change, which refreshes the status.
 */
export function OfflineBanner({ timeZone }: { timeZone: string }) {
  const { t, i18n } = useTranslation();
  const status = useQuery({ queryKey: queryKeys.publishingStatus, queryFn: publishingStatus });
  const waiting = status.data?.waitingForInternet ?? 0;
  if (waiting === 0) return null;
  const since = status.data?.waitingSince;
  return (
    <div className="notice notice--warning offline-banner" role="status" data-testid="offline-banner" data-waiting={waiting}>
      <p className="offline-banner__title">{t("offline.title")}</p>
      <p>
        {t("offline.body", { count: waiting })}{" "}
        {since ? t("offline.since", { when: formatInstant(since, timeZone, i18n.language) }) : null}
      </p>
    </div>
  );
}
