/**
 * Pictures as Rust describes them, for tests of the media features, and the
 * mocked media commands: a test file mocks them with
 *   vi.mock("…/ipc", async (importOriginal) => ({
 *     ...(await importOriginal()), ...(await import("…/test/mediaFixtures")).mediaIpcMocks(), …
 *   }));
 * and `mockMediaIpc` gives them their default answers.
 */
import type * as ipcModule from "../ipc";
import type { AttachmentDto, MediaDto, MediaProblemDto, NetworkPresetsDto } from "../ipc";

export const HASH_A = "a".repeat(64);
export const HASH_B = "b".repeat(64);

export function attachment(overrides: Partial<AttachmentDto> = {}): AttachmentDto {
  return {
    hash: HASH_A,
    position: 0,
    alt: "Sourdough loaves on a rack",
    focalX: 0.5,
    focalY: 0.5,
    originalName: "sourdough.jpg",
    format: "jpeg",
    width: 4000,
    height: 3000,
    byteSize: 3_400_000,
    ...overrides,
  };
}

export function media(overrides: Partial<MediaDto> = {}): MediaDto {
  return {
    hash: HASH_A,
    format: "jpeg",
    byteSize: 3_400_000,
    width: 4000,
    height: 3000,
    originalName: "sourdough.jpg",
    animated: false,
    importedAt: "2026-11-20T10:00:00Z",
    usedBy: [],
    ...overrides,
  };
}

export function problem(overrides: Partial<MediaProblemDto> = {}): MediaProblemDto {
  return {
    network: "bluesky",
    channelIds: [1],
    hash: HASH_A,
    position: 0,
    code: "too_heavy",
    severity: "error",
    message: "“sourdough.jpg” is 3.4 MB and Bluesky takes at most 1 MB per picture; make a lighter copy",
    fix: { kind: "recompress", maxBytes: 976_560 },
    ...overrides,
  };
}

/** Part of the table Rust serves: the networks the tests post to. */
export const PRESET_TABLE: NetworkPresetsDto[] = [
  { network: "bluesky", presets: ["bluesky"] },
  { network: "instagram", presets: ["instagram_portrait", "instagram_square", "instagram_landscape"] },
  { network: "threads", presets: ["instagram_portrait"] },
  { network: "webhook", presets: [] },
];

/** A thumbnail's `data:` URL for a hash, so a test can tell which picture an <img> shows. */
export const thumbUrl = (hash: string) => `data:image/jpeg;base64,${hash.slice(0, 8)}`;

/** Every media command and event, as mocks (for `vi.mock` of the ipc module). */
export function mediaIpcMocks() {
  return {
    postMedia: vi.fn(),
    postMediaChecks: vi.fn(),
    mediaThumbnails: vi.fn(),
    mediaCrops: vi.fn(),
    networkPresets: vi.fn(),
    mediaLibrary: vi.fn(),
    setPostMedia: vi.fn(),
    updatePostMedia: vi.fn(),
    applyMediaFix: vi.fn(),
    importMedia: vi.fn(),
    chooseAndImportMedia: vi.fn(),
    onFileDrop: vi.fn(),
    onMediaImportProgress: vi.fn(),
  };
}

type MockedIpc = ReturnType<typeof vi.mocked<typeof ipcModule>>;

/** Default answers: a post with no pictures, no problems, an empty library, no events. */
export function mockMediaIpc(mocked: MockedIpc) {
  mocked.postMedia.mockResolvedValue([]);
  mocked.postMediaChecks.mockResolvedValue([]);
  mocked.mediaThumbnails.mockImplementation(async (hashes) =>
    hashes.map((hash) => ({ hash, postId: null, dataUrl: thumbUrl(hash) })),
  );
  mocked.mediaCrops.mockResolvedValue([]);
  mocked.networkPresets.mockResolvedValue(PRESET_TABLE);
  mocked.mediaLibrary.mockResolvedValue([]);
  mocked.onFileDrop.mockReturnValue(() => undefined);
  mocked.onMediaImportProgress.mockReturnValue(() => undefined);
}
