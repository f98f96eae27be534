import type { EventInput } from "@fullcalendar/core";

import type { PostSummaryDto } from "../../ipc";
import { wallTimeToCalendar } from "../../lib/wallTime";

/** What each FullCalendar event carries, for the chip and the drop handlers. */
export interface PostEventProps {
  post: PostSummaryDto;
}

/**
 * Dated posts as FullCalendar events. Only data goes in: no `html`, and the
 * chip is drawn by React (`PostChip`), so user text is always text.
 */
export function toCalendarEvents(posts: readonly PostSummaryDto[]): EventInput[] {
  return posts.flatMap((post) => {
    if (post.start === null) return [];
    const extendedProps: PostEventProps = { post };
    return [
      {
        id: String(post.id),
        title: post.excerpt,
        start: wallTimeToCalendar(post.start),
        allDay: false,
        // A published post is history: it cannot be moved.
        editable: post.status !== "published",
        classNames: ["post-event", `post-event--${post.status}`],
        extendedProps,
      },
    ];
  });
}

export function postOfEvent(event: { extendedProps: Record<string, unknown> }): PostSummaryDto | undefined {
  return (event.extendedProps as Partial<PostEventProps>).post;
}
