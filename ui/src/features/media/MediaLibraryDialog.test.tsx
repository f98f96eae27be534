import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import * as ipc from "../../ipc";
import { HASH_A, HASH_B, media, mockMediaIpc, thumbUrl } from "../../test/mediaFixtures";
import { renderWithProviders } from "../../test/renderWithProviders";
import { MediaLibraryDialog } from "./MediaLibraryDialog";

vi.mock("../../ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../ipc")>()),
  ...(await import("../../test/mediaFixtures")).mediaIpcMocks(),
}));

const mocked = vi.mocked(ipc);
const HASH_C = "c".repeat(64);

const LIBRARY = [
  media({ hash: HASH_A, originalName: "sourdough.jpg", usedBy: [{ postId: 4, excerpt: "Fresh <b>sourdough</b> at 7" }] }),
  media({ hash: HASH_B, originalName: "croissant.png" }),
  media({ hash: HASH_C, originalName: "menu.jpg" }),
];

const item = (hash: string) => screen.getAllByTestId("media-library-item").find((el) => el.dataset.hash === hash)!;

beforeEach(() => {
  vi.clearAllMocks();
  mockMediaIpc(mocked);
  mocked.mediaLibrary.mockImplementation(async (query) =>
    query ? LIBRARY.filter((m) => m.originalName.includes(query)) : LIBRARY,
  );
});

describe("the media library", () => {
  it("shows every picture with its thumbnail and the posts it is used in, as text", async () => {
    renderWithProviders(<MediaLibraryDialog onClose={() => undefined} />);
    await waitFor(() => expect(screen.getAllByTestId("media-library-item")).toHaveLength(3));
    expect(mocked.mediaLibrary).toHaveBeenCalledWith(null);
    await waitFor(() => expect(item(HASH_A).querySelector("img")).toHaveAttribute("src", thumbUrl(HASH_A)));
    expect(mocked.mediaThumbnails).toHaveBeenCalledTimes(1);
    expect(within(item(HASH_A)).getByText("Fresh <b>sourdough</b> at 7")).toBeInTheDocument();
    expect(item(HASH_A).querySelector("b")).toBeNull();
    expect(item(HASH_B)).toHaveTextContent("Not used in any post yet.");
    // Browsing only: nothing to attach to.
    expect(screen.queryByTestId("media-library-attach")).toBeNull();
  });

  it("searches by what is typed, once the typing settles", async () => {
    const user = userEvent.setup();
    renderWithProviders(<MediaLibraryDialog onClose={() => undefined} />);
    await user.type(screen.getByTestId("media-library-search"), "crois");
    await waitFor(() => expect(mocked.mediaLibrary).toHaveBeenLastCalledWith("crois"));
    await waitFor(() => expect(screen.getAllByTestId("media-library-item")).toHaveLength(1));
    expect(mocked.mediaLibrary).not.toHaveBeenCalledWith("c");
  });

  it("says when nothing matches", async () => {
    const user = userEvent.setup();
    renderWithProviders(<MediaLibraryDialog onClose={() => undefined} />);
    await user.type(screen.getByTestId("media-library-search"), "zzz");
    expect(await screen.findByTestId("media-library-empty")).toHaveTextContent("No picture matches “zzz”.");
  });

  it("attaches the pictures picked, in the order they were picked, and not the ones already on the post", async () => {
    const user = userEvent.setup();
    const onAttach = vi.fn().mockResolvedValue(undefined);
    renderWithProviders(<MediaLibraryDialog onClose={() => undefined} onAttach={onAttach} attachedHashes={[HASH_A]} />);
    await waitFor(() => expect(screen.getAllByTestId("media-library-item")).toHaveLength(3));
    expect(within(item(HASH_A)).getByTestId("media-library-select")).toBeDisabled();
    expect(screen.getByTestId("media-library-attach")).toBeDisabled();

    await user.click(within(item(HASH_C)).getByTestId("media-library-select"));
    await user.click(within(item(HASH_B)).getByTestId("media-library-select"));
    expect(within(item(HASH_B)).getByTestId("media-library-select")).toHaveAttribute("aria-pressed", "true");
    await user.click(screen.getByTestId("media-library-attach"));
    expect(onAttach).toHaveBeenCalledWith([HASH_C, HASH_B]);
  });

  it("shows why attaching failed", async () => {
    const user = userEvent.setup();
    const onAttach = vi.fn().mockRejectedValue(new ipc.IpcFailure({ code: "not_editable", message: "published", params: {} }));
    renderWithProviders(<MediaLibraryDialog onClose={() => undefined} onAttach={onAttach} />);
    await waitFor(() => expect(screen.getAllByTestId("media-library-item")).toHaveLength(3));
    await user.click(within(item(HASH_B)).getByTestId("media-library-select"));
    await user.click(screen.getByTestId("media-library-attach"));
    expect(await screen.findByTestId("media-library-error")).toHaveTextContent("already published");
  });

  it("asks for the thumbnails of the pictures on screen only, a page at a time", async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 50 }, (_, i) => media({ hash: i.toString(16).padStart(64, "0"), originalName: `p${i}.jpg` }));
    mocked.mediaLibrary.mockResolvedValue(many);
    renderWithProviders(<MediaLibraryDialog onClose={() => undefined} />);
    await waitFor(() => expect(screen.getAllByTestId("media-library-item")).toHaveLength(48));
    await waitFor(() => expect(mocked.mediaThumbnails).toHaveBeenCalled());
    expect(mocked.mediaThumbnails.mock.calls[0]![0]).toHaveLength(48);
    await user.click(screen.getByTestId("media-library-more"));
    expect(screen.getAllByTestId("media-library-item")).toHaveLength(50);
    // Only the new page is asked for.
    await waitFor(() => expect(mocked.mediaThumbnails).toHaveBeenCalledTimes(2));
    expect(mocked.mediaThumbnails.mock.lastCall![0]).toEqual([many[48]!.hash, many[49]!.hash]);
    expect(screen.queryByTestId("media-library-more")).toBeNull();
  });
});
