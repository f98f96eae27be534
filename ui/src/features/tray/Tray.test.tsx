import { screen, waitFor } from "@testing-library/react";
import { createRef } from "react";

import type { PostSummaryDto } from "../../ipc";
import * as ipc from "../../ipc";
import { NO_FILTERS } from "../../lib/filters";
import { renderWithProviders } from "../../test/renderWithProviders";
import { Tray } from "./Tray";

vi.mock("../../ipc", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../ipc")>();
  return { ...actual, trayPosts: vi.fn(), listChannels: vi.fn(), listLabels: vi.fn(), postThumbnails: vi.fn() };
});

const mocked = vi.mocked(ipc);

const draft = (id: number): PostSummaryDto => ({ id, status: "draft", start: null, excerpt: `Draft ${id}`, channelIds: [], labelIds: [] });

describe("the tray's thumbnails", () => {
  it("asks for the first picture of every draft in one call and shows the ones that have one", async () => {
    mocked.trayPosts.mockResolvedValue([draft(3), draft(1), draft(2)]);
    mocked.listChannels.mockResolvedValue([]);
    mocked.listLabels.mockResolvedValue([]);
    mocked.postThumbnails.mockResolvedValue([{ hash: "a".repeat(64), postId: 2, dataUrl: "data:image/jpeg;base64,BBBB" }]);
    renderWithProviders(<Tray filters={NO_FILTERS} trayRef={createRef<HTMLElement>()} dropActive={false} onOpenPost={() => undefined} />);

    await waitFor(() => expect(screen.getAllByTestId("tray-thumbnail")).toHaveLength(1));
    expect(mocked.postThumbnails).toHaveBeenCalledTimes(1);
    expect(mocked.postThumbnails).toHaveBeenCalledWith([1, 2, 3]);
    const withPicture = screen.getAllByTestId("tray-item").find((el) => el.dataset.postId === "2")!;
    expect(withPicture.querySelector("img")).toHaveAttribute("src", "data:image/jpeg;base64,BBBB");
  });
});
