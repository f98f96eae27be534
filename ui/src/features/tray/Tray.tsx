import { Draggable } from "@fullcalendar/interaction";
import { useEffect, useMemo, type RefObject } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { useChannelMap, useLabelMap } from "../../hooks/useCatalog";
import { usePostThumbnails } from "../../hooks/useMedia";
import { useTrayPosts } from "../../hooks/usePosts";
import { applyFilters, isFiltering, type PostFilters } from "../../lib/filters";
import { DEFAULT_TIME } from "../editor/editorDraft";
import { TrayItem } from "./TrayItem";

interface TrayProps {
  filters: PostFilters;
  trayRef: RefObject<HTMLElement | null>;
  /** A chip from the calendar is being dragged: the tray invites the drop. */
  dropActive: boolean;
  onOpenPost: (postId: number) => void;
}

const ITEM_SELECTOR = '[data-testid="tray-item"]';

/** Drafts without a date, waiting to be dragged onto the calendar. */
export function Tray({ filters, trayRef, dropActive, onOpenPost }: TrayProps) {
  const { t } = useTranslation();
  const tray = useTrayPosts();
  const channels = useChannelMap();
  const labels = useLabelMap();
  const posts = useMemo(() => applyFilters(tray.data ?? [], filters), [tray.data, filters]);
  const hidden = (tray.data?.length ?? 0) - posts.length;
  const thumbnails = usePostThumbnails(useMemo(() => posts.map((post) => post.id), [posts]));

  // One Draggable for the whole list: items come and go without rewiring.
  useEffect(() => {
    const element = trayRef.current;
    if (!element) return;
    const draggable = new Draggable(element, {
      itemSelector: ITEM_SELECTOR,
      eventData: (item) => ({
        id: item.dataset.postId,
        title: item.dataset.excerpt ?? "",
        // Dropped on a day in the month view: 09:00, like a click on that day.
        startTime: DEFAULT_TIME,
        duration: "01:00",
        create: true,
      }),
    });
    return () => draggable.destroy();
  }, [trayRef]);

  return (
    <aside
      ref={trayRef}
      className={dropActive ? "tray tray--drop" : "tray"}
      data-testid="tray"
      aria-labelledby="tray-title"
    >
      <header className="tray__header">
        <h2 id="tray-title" className="tray__title">
          {t("tray.title")}
        </h2>
        <p className="tray__hint">{dropActive ? t("tray.dropHint") : t("tray.hint")}</p>
      </header>
      {tray.isError ? <ErrorNotice error={tray.error} testId="tray-error" /> : null}
      {posts.length === 0 && !tray.isPending ? (
        <p className="tray__empty">{hidden > 0 ? t("tray.allFiltered") : t("tray.empty")}</p>
      ) : (
        <ul className="tray__list">
          {posts.map((post) => (
            <TrayItem
              key={post.id}
              post={post}
              channels={channels}
              labels={labels}
              thumbnail={thumbnails.get(post.id)}
              onOpen={() => onOpenPost(post.id)}
            />
          ))}
        </ul>
      )}
      {hidden > 0 && posts.length > 0 && isFiltering(filters) ? (
        <p className="tray__hidden">{t("tray.hiddenByFilters", { amount: hidden })}</p>
      ) : null}
    </aside>
  );
}
