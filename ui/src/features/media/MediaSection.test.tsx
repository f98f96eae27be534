import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import type { FileDrop } from "../../ipc";
import * as ipc from "../../ipc";
import { attachment, HASH_A, HASH_B, media, mockMediaIpc, problem, thumbUrl } from "../../test/mediaFixtures";
import { renderWithProviders } from "../../test/renderWithProviders";
import { MediaSection } from "./MediaSection";

vi.mock("../../ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../ipc")>()),
  ...(await import("../../test/mediaFixtures")).mediaIpcMocks(),
}));

const mocked = vi.mocked(ipc);
const POST_ID = 7;

function renderSection(props: Partial<Parameters<typeof MediaSection>[0]> = {}) {
  return renderWithProviders(
    <MediaSection
      postId={POST_ID}
      ensurePost={() => Promise.resolve(POST_ID)}
      canSave
      readOnly={false}
      networks={["instagram"]}
      {...props}
    />,
  );
}

const card = (hash: string) =>
  screen.getAllByTestId("media-attachment").find((el) => el.dataset.hash === hash)!;

beforeEach(() => {
  vi.clearAllMocks();
  mockMediaIpc(mocked);
  mocked.setPostMedia.mockImplementation(async (_, items) =>
    items.map((item, position) => attachment({ ...item, position })),
  );
  mocked.updatePostMedia.mockImplementation(async (_, item) => [attachment({ ...item })]);
});

describe("the editor's pictures", () => {
  it("shows each picture with its thumbnail, and warns while its alt text is empty", async () => {
    mocked.postMedia.mockResolvedValue([attachment(), attachment({ hash: HASH_B, position: 1, alt: "", originalName: "promo.png" })]);
    renderSection();
    await waitFor(() => expect(screen.getAllByTestId("media-attachment")).toHaveLength(2));
    expect(mocked.postMedia).toHaveBeenCalledWith(POST_ID);
    await waitFor(() => expect(within(card(HASH_A)).getByTestId("media-focal").querySelector("img")).toHaveAttribute("src", thumbUrl(HASH_A)));
    // One request for both thumbnails.
    expect(mocked.mediaThumbnails).toHaveBeenCalledTimes(1);
    expect(within(card(HASH_B)).getByTestId("media-alt-missing")).toHaveTextContent("No alt text yet");
    expect(within(card(HASH_A)).queryByTestId("media-alt-missing")).toBeNull();
  });

  it("sets the focal point where the picture is clicked, saves it and asks for the new crops", async () => {
    mocked.postMedia.mockResolvedValue([attachment()]);
    renderSection();
    const focal = await screen.findByTestId("media-focal");
    vi.spyOn(focal, "getBoundingClientRect").mockReturnValue(DOMRect.fromRect({ x: 100, y: 50, width: 200, height: 150 }));

    fireEvent.click(focal, { clientX: 150, clientY: 170, detail: 1 });

    await waitFor(() =>
      expect(mocked.updatePostMedia).toHaveBeenCalledWith(POST_ID, {
        hash: HASH_A,
        alt: "Sourdough loaves on a rack",
        focalX: 0.25,
        focalY: 0.8,
      }),
    );
    expect(focal).toHaveAttribute("data-focal-x", "0.25");
    expect(focal).toHaveAttribute("data-focal-y", "0.8");
    await waitFor(() => expect(mocked.mediaCrops).toHaveBeenCalledWith(HASH_A, 0.25, 0.8));
  });

  it("saves the alt text when the field is left", async () => {
    const user = userEvent.setup();
    mocked.postMedia.mockResolvedValue([attachment({ alt: "" })]);
    renderSection();
    const alt = await screen.findByTestId("media-alt");
    await user.type(alt, "Roti");
    fireEvent.blur(alt);
    await waitFor(() =>
      expect(mocked.updatePostMedia).toHaveBeenCalledWith(POST_ID, { hash: HASH_A, alt: "Roti", focalX: 0.5, focalY: 0.5 }),
    );
    expect(mocked.updatePostMedia).toHaveBeenCalledTimes(1);
  });

  it("shows the picture as each of the post's networks will, cut to each preset's rectangle", async () => {
    mocked.postMedia.mockResolvedValue([attachment()]);
    mocked.mediaCrops.mockResolvedValue([
      { preset: "instagram_portrait", label: "Instagram 4:5", x: 0.2, y: 0, width: 0.5, height: 1, outWidth: 1080, outHeight: 1350 },
      { preset: "instagram_square", label: "Instagram 1:1", x: 0.1, y: 0, width: 0.75, height: 1, outWidth: 1080, outHeight: 1080 },
      { preset: "x", label: "X 16:9", x: 0, y: 0.1, width: 1, height: 0.8, outWidth: 1600, outHeight: 900 },
    ]);
    // The table from Rust gives Instagram two of these three here.
    mocked.networkPresets.mockResolvedValue([{ network: "instagram", presets: ["instagram_portrait", "instagram_square"] }]);
    renderSection({ networks: ["instagram"] });
    await waitFor(() => expect(screen.getAllByTestId("media-preview")).toHaveLength(2));
    expect(mocked.networkPresets).toHaveBeenCalledTimes(1);
    const [portrait, square] = screen.getAllByTestId("media-preview");
    expect(portrait).toHaveAttribute("data-preset", "instagram_portrait");
    expect(portrait).toHaveTextContent("Instagram 4:5 1080×1350");
    expect(square).toHaveAttribute("data-preset", "instagram_square");
    // X is not one of the post's networks.
    expect(screen.queryByText(/X 16:9/)).toBeNull();
    const image = portrait!.querySelector("img")!;
    expect(image.style.width).toBe("200%");
    expect(image.style.left).toBe("-40%");
    expect(image.style.top).toBe("0%");
  });

  it("lists each problem by its picture, errors and warnings apart, and applies a fix in one click", async () => {
    const user = userEvent.setup();
    mocked.postMedia.mockResolvedValue([attachment()]);
    const heavy = problem();
    const moves = problem({ code: "animation_dropped", severity: "warning", fix: null, network: "instagram" });
    const tooMany = problem({ hash: null, position: null, code: "too_many_images", network: "bluesky", fix: { kind: "move_to_new_post", keep: 4 } });
    mocked.postMediaChecks.mockResolvedValue([heavy, moves, tooMany]);
    mocked.applyMediaFix.mockResolvedValue({ media: [attachment({ hash: HASH_B })], newPostId: null });
    renderSection();

    await waitFor(() => expect(screen.getAllByTestId("media-problem")).toHaveLength(3));
    const onPicture = within(card(HASH_A)).getAllByTestId("media-problem");
    expect(onPicture.map((el) => [el.dataset.code, el.dataset.severity])).toEqual([
      ["too_heavy", "error"],
      ["animation_dropped", "warning"],
    ]);
    expect(onPicture[0]).toHaveTextContent("Picture 1: This picture is too heavy (too many bytes) for Bluesky.");
    expect(within(onPicture[1]!).queryByTestId("media-fix")).toBeNull();

    const postWide = screen.getAllByTestId("media-problem").find((el) => el.dataset.code === "too_many_images")!;
    expect(card(HASH_A)).not.toContainElement(postWide);

    await user.click(within(onPicture[0]!).getByTestId("media-fix"));
    expect(mocked.applyMediaFix).toHaveBeenCalledWith(POST_ID, HASH_A, { kind: "recompress", maxBytes: 976_560 });
    // The checks run again after the fix.
    await waitFor(() => expect(mocked.postMediaChecks).toHaveBeenCalledTimes(2));
    expect(await screen.findByText("Fixed.")).toBeInTheDocument();
  });

  it("tells the person when a fix moved pictures to a new draft", async () => {
    const user = userEvent.setup();
    mocked.postMedia.mockResolvedValue([attachment()]);
    mocked.postMediaChecks.mockResolvedValue([
      problem({ hash: null, position: null, code: "too_many_images", fix: { kind: "move_to_new_post", keep: 4 } }),
    ]);
    mocked.applyMediaFix.mockResolvedValue({ media: [attachment()], newPostId: 12 });
    renderSection();
    await user.click(await screen.findByTestId("media-fix"));
    expect(mocked.applyMediaFix).toHaveBeenCalledWith(POST_ID, null, { kind: "move_to_new_post", keep: 4 });
    expect(await screen.findByTestId("toast")).toHaveTextContent("The extra pictures are now in a new draft");
  });

  it("moves and removes pictures", async () => {
    const user = userEvent.setup();
    mocked.postMedia.mockResolvedValue([attachment(), attachment({ hash: HASH_B, position: 1, alt: "" })]);
    renderSection();
    await waitFor(() => expect(screen.getAllByTestId("media-attachment")).toHaveLength(2));
    await user.click(within(card(HASH_B)).getByTestId("media-move-up"));
    expect(mocked.setPostMedia).toHaveBeenLastCalledWith(POST_ID, [
      expect.objectContaining({ hash: HASH_B }),
      expect.objectContaining({ hash: HASH_A }),
    ]);
    await waitFor(() => expect(screen.getAllByTestId("media-attachment")[0]).toHaveAttribute("data-hash", HASH_B));
    await user.click(within(card(HASH_A)).getByTestId("media-remove"));
    expect(mocked.setPostMedia).toHaveBeenLastCalledWith(POST_ID, [expect.objectContaining({ hash: HASH_B })]);
  });

  it("adds picked files to the post and names each refused file with its reason", async () => {
    const user = userEvent.setup();
    mocked.postMedia.mockResolvedValueOnce([attachment()]).mockResolvedValue([attachment()]);
    mocked.chooseAndImportMedia.mockResolvedValue([
      { file: "/home/sari/kue.png", media: media({ hash: HASH_B, originalName: "kue.png" }), alreadyInLibrary: false, error: null },
      {
        file: "/home/sari/notes.pdf",
        media: null,
        alreadyInLibrary: false,
        error: { code: "media_not_an_image", message: "“notes.pdf” is not a picture", params: { file: "notes.pdf" } },
      },
    ]);
    renderSection();
    await user.click(await screen.findByTestId("media-add-files"));

    expect(mocked.chooseAndImportMedia).toHaveBeenCalledWith("Choose pictures");
    await waitFor(() =>
      expect(mocked.setPostMedia).toHaveBeenCalledWith(POST_ID, [
        expect.objectContaining({ hash: HASH_A }),
        { hash: HASH_B, alt: "", focalX: 0.5, focalY: 0.5 },
      ]),
    );
    const refused = await screen.findByTestId("media-import-error");
    expect(refused).toHaveTextContent("“notes.pdf” is not a picture. Use a JPEG, PNG, WebP or GIF.");
    expect(screen.getByTestId("media-import-results")).toHaveTextContent("Pictures added: 1.");
  });

  it("shows the progress Rust reports while files are added", async () => {
    const user = userEvent.setup();
    let report: (p: ipc.ImportProgressDto) => void = () => undefined;
    mocked.onMediaImportProgress.mockImplementation((handler) => {
      report = handler;
      return () => undefined;
    });
    mocked.chooseAndImportMedia.mockReturnValue(new Promise(() => undefined));
    renderSection();
    await user.click(await screen.findByTestId("media-add-files"));
    act(() => report({ done: 2, total: 5, file: "/a.jpg", ok: true }));
    expect(screen.getByTestId("media-import-progress")).toHaveTextContent("Adding pictures… 2 of 5");
    expect(screen.getByTestId("media-import-progress").querySelector("progress")).toHaveAttribute("max", "5");
  });

  it("highlights while files hover over the window and imports what is dropped", async () => {
    let drop: (d: FileDrop) => void = () => undefined;
    mocked.onFileDrop.mockImplementation((handler) => {
      drop = handler;
      return () => undefined;
    });
    mocked.importMedia.mockResolvedValue([]);
    renderSection();
    const section = screen.getByTestId("media-section");
    expect(section).toHaveAttribute("data-drop-active", "false");
    act(() => drop({ kind: "over" }));
    expect(section).toHaveAttribute("data-drop-active", "true");
    act(() => drop({ kind: "drop", paths: ["/home/sari/a.jpg", "/home/sari/b.png"] }));
    expect(section).toHaveAttribute("data-drop-active", "false");
    await waitFor(() => expect(mocked.importMedia).toHaveBeenCalledWith(["/home/sari/a.jpg", "/home/sari/b.png"]));
  });

  it("saves a new post first, then attaches the pictures to it", async () => {
    const user = userEvent.setup();
    const ensurePost = vi.fn().mockResolvedValue(31);
    mocked.postMedia.mockResolvedValue([]);
    mocked.chooseAndImportMedia.mockResolvedValue([
      { file: "/a.jpg", media: media({ hash: HASH_B }), alreadyInLibrary: true, error: null },
    ]);
    renderSection({ postId: null, ensurePost });
    expect(screen.getByTestId("media-new-post-hint")).toHaveTextContent("saves this post as a draft first");
    await user.click(screen.getByTestId("media-add-files"));
    await waitFor(() => expect(mocked.setPostMedia).toHaveBeenCalledWith(31, [{ hash: HASH_B, alt: "", focalX: 0.5, focalY: 0.5 }]));
    expect(ensurePost).toHaveBeenCalledTimes(1);
  });

  it("waits for text before a new post can take pictures", () => {
    renderSection({ postId: null, canSave: false });
    expect(screen.getByTestId("media-add-files")).toBeDisabled();
    expect(screen.getByTestId("media-open-library")).toBeDisabled();
    expect(screen.getByTestId("media-new-post-hint")).toHaveTextContent("Write something first");
  });
});
