/**
 * The editor's tests share these: two channels (a Bluesky one that can take
 * threads, an Instagram one), a stand-in for Rust's counter, and the editor
 * opened on a new or a saved post.
 */
import { screen } from "@testing-library/react";

import { EditorDialog, type EditorRequest } from "../features/editor/EditorDialog";
import type { ChannelDto, MeasureInput, TextMeasureDto } from "../ipc";
import { renderWithProviders } from "./renderWithProviders";

export const EDITOR_CHANNELS: ChannelDto[] = [
  { id: 1, name: "Toko Bluesky", network: "bluesky", color: "#3d7fd9", automatic: true },
  { id: 2, name: "Toko Insta", network: "instagram", color: "#c0569b", automatic: false },
];
const LIMITS: Record<number, number> = { 1: 300, 2: 2200 };

/**
 * A stand-in for Rust's counter: one per target, counting the variant if
 * there is one. A Bluesky target over the limit with "post as a thread" on is
 * not over, and goes out as `threadParts` posts.
 */
export function fakeMeasure(threadParts = 2) {
  return async (input: MeasureInput): Promise<TextMeasureDto[]> =>
    input.targets.map(({ channelId, variantText, asThread }) => {
      const used = [...(variantText ?? input.text)].length;
      const limit = LIMITS[channelId] ?? null;
      const threadable = channelId === 1;
      const threaded = threadable && asThread && limit !== null && used > limit;
      return {
        channelId,
        network: EDITOR_CHANNELS.find((c) => c.id === channelId)?.network ?? "webhook",
        used,
        limit,
        unit: threadable ? "graphemes" : "characters",
        over: !threaded && limit !== null && used > limit,
        parts: threaded ? threadParts : 1,
        threadable,
      };
    });
}

export function openEditor(request: EditorRequest = { postId: null, prefill: { date: "2026-12-01" } }) {
  return renderWithProviders(
    <EditorDialog
      request={request}
      timeZone="Asia/Jakarta"
      onClose={() => undefined}
      onOpenChannels={() => undefined}
      onOpenPost={() => undefined}
    />,
  );
}

export const counterOf = (channelId: number) =>
  screen.getAllByTestId("counter").find((el) => el.dataset.channelId === String(channelId));
