/**
 * DEVELOPMENT ONLY: the media commands of the mocked backend (see
 * mockBackend.ts). Pictures are drawn as SVG `data:` URLs; the checks follow
 * a few of jadwal-media's rules, enough to see every part of the editor.
 */
import { emit } from "@tauri-apps/api/event";

import type { AttachmentDto } from "../bindings/AttachmentDto";
import type { AttachmentInput } from "../bindings/AttachmentInput";
import type { CropDto } from "../bindings/CropDto";
import type { ImportProgressDto } from "../bindings/ImportProgressDto";
import type { ImportResultDto } from "../bindings/ImportResultDto";
import type { IpcError } from "../bindings/IpcError";
import type { MediaDto } from "../bindings/MediaDto";
import type { MediaFixDto } from "../bindings/MediaFixDto";
import type { MediaProblemDto } from "../bindings/MediaProblemDto";
import type { Network } from "../bindings/Network";
import type { NetworkPresetsDto } from "../bindings/NetworkPresetsDto";
import type { PresetName } from "../bindings/PresetName";
import type { StoreChangedDto } from "../bindings/StoreChangedDto";
import type { ThumbnailDto } from "../bindings/ThumbnailDto";

/** What the media commands need from the rest of the mock. */
export interface MediaMockContext {
  /** A live post's text and networks (with their channel ids); throws not_found otherwise. */
  post: (id: number) => { id: number; text: string; channels: { id: number; network: Network }[] };
  /** The ids of live posts. */
  livePostIds: () => number[];
  /** A new draft on the tray with the same text and channels; its id. */
  copyAsDraft: (id: number) => number;
  changed: (change: StoreChangedDto) => void;
  fail: (code: string, message: string, params?: Record<string, string>) => never;
}

interface Picture extends Omit<MediaDto, "usedBy"> {
  hue: number;
}

type Attached = AttachmentInput;

const MB = 1_000_000;

const CROP_SHAPES: Partial<Record<PresetName, [string, number, number]>> = {
  instagram_portrait: ["Instagram 4:5", 1080, 1350],
  instagram_square: ["Instagram 1:1", 1080, 1080],
  instagram_landscape: ["Instagram 1.91:1", 1080, 566],
  story: ["Story 9:16", 1080, 1920],
  x: ["X 16:9", 1600, 900],
  facebook: ["Facebook", 1200, 630],
  linkedin: ["LinkedIn", 1200, 627],
  pinterest: ["Pinterest 2:3", 1000, 1500],
  google_business: ["Google Business 4:3", 1200, 900],
};
const FIT_SHAPES: Partial<Record<PresetName, string>> = { bluesky: "Bluesky", mastodon: "Mastodon" };

/** The renditions each network gets, as the real backend serves them (mock data). */
const NETWORK_PRESETS: NetworkPresetsDto[] = [
  { network: "bluesky", presets: ["bluesky"] },
  { network: "mastodon", presets: ["mastodon"] },
  { network: "telegram", presets: ["mastodon"] },
  { network: "instagram", presets: ["instagram_portrait", "instagram_square", "instagram_landscape"] },
  { network: "facebook", presets: ["facebook"] },
  { network: "linkedin", presets: ["linkedin"] },
  { network: "x", presets: ["x"] },
  { network: "tiktok", presets: ["story"] },
  { network: "pinterest", presets: ["pinterest"] },
  { network: "threads", presets: ["instagram_portrait"] },
  { network: "google_business", presets: ["google_business"] },
  { network: "webhook", presets: [] },
];

/** A few of jadwal-media's rules: count, formats, bytes, shape. */
const RULES: Partial<Record<Network, { max: number; formats: string[]; bytes?: number; ratio?: [number, number] }>> = {
  bluesky: { max: 4, formats: ["jpeg", "png", "webp"], bytes: 976_560 },
  mastodon: { max: 4, formats: ["jpeg", "png", "gif", "webp"], bytes: 16 * MB },
  instagram: { max: 10, formats: ["jpeg"], bytes: 8 * MB, ratio: [0.8, 1.91] },
  facebook: { max: 10, formats: ["jpeg", "png"] },
  x: { max: 4, formats: ["jpeg", "png", "gif", "webp"], bytes: 5 * MB },
};

const NETWORK_NAMES: Partial<Record<Network, string>> = {
  bluesky: "Bluesky",
  mastodon: "Mastodon",
  instagram: "Instagram",
  facebook: "Facebook",
  x: "X",
};

/** Files the mocked file picker offers, in turn: some good, some refused. */
const PICKER_BATCHES: string[][] = [
  ["/home/sari/Pictures/etalase-pagi.jpg", "/home/sari/Pictures/IMG_2041.HEIC", "/home/sari/Documents/price-list.pdf"],
  ["/home/sari/Pictures/kue-lapis.png", "/home/sari/Pictures/banner-wide.jpg"],
];

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (ch) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[ch] ?? ch);

/** A picture's stand-in: a gradient with a "subject" off-centre, so crops are easy to follow. */
function drawing(picture: Picture): string {
  const scale = 400 / Math.max(picture.width, picture.height);
  const w = Math.round(picture.width * scale);
  const h = Math.round(picture.height * scale);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${picture.hue} 60% 70%)"/>` +
    `<stop offset="1" stop-color="hsl(${(picture.hue + 50) % 360} 55% 45%)"/></linearGradient></defs>` +
    `<rect width="${w}" height="${h}" fill="url(#g)"/>` +
    `<circle cx="${w * 0.3}" cy="${h * 0.4}" r="${Math.min(w, h) * 0.18}" fill="#fff" fill-opacity="0.85"/>` +
    `<text x="8" y="${h - 10}" font-family="sans-serif" font-size="16" fill="#fff">${escapeXml(picture.originalName)}</text></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

const clamp01 = (v: number) => Math.min(Math.max(v, 0), 1);

function cropOf(picture: Picture, preset: PresetName, fx: number, fy: number): CropDto | null {
  const shape = CROP_SHAPES[preset];
  if (shape) {
    const [label, outWidth, outHeight] = shape;
    const target = outWidth / outHeight;
    const ratio = picture.width / picture.height;
    const width = ratio > target ? target / ratio : 1;
    const height = ratio > target ? 1 : ratio / target;
    const x = clamp01(Math.min(Math.max(fx - width / 2, 0), 1 - width));
    const y = clamp01(Math.min(Math.max(fy - height / 2, 0), 1 - height));
    return { preset, label, x, y, width, height, outWidth, outHeight };
  }
  const label = FIT_SHAPES[preset];
  if (!label) return null;
  const scale = Math.min(1, 2000 / Math.max(picture.width, picture.height));
  return {
    preset,
    label,
    x: 0,
    y: 0,
    width: 1,
    height: 1,
    outWidth: Math.round(picture.width * scale),
    outHeight: Math.round(picture.height * scale),
  };
}

export function mediaHandlers(ctx: MediaMockContext): Record<string, (args: Record<string, unknown>) => unknown> {
  const library = new Map<string, Picture>();
  const onPosts = new Map<number, Attached[]>();
  let nextHash = 1;
  let pickerTurn = 0;

  const addPicture = (name: string, format: string, width: number, height: number, byteSize: number, animated = false) => {
    const hash = (nextHash++).toString(16).padStart(64, "a");
    const picture: Picture = {
      hash,
      format,
      byteSize,
      width,
      height,
      originalName: name,
      animated,
      importedAt: new Date().toISOString(),
      hue: (nextHash * 67) % 360,
    };
    library.set(hash, picture);
    return picture;
  };

  const find = (hash: unknown) => library.get(String(hash)) ?? ctx.fail("media_not_found", "that picture is not in the media library");

  const dto = (picture: Picture): MediaDto => {
    const { hue: _hue, ...rest } = picture;
    const live = new Set(ctx.livePostIds());
    const usedBy = [...onPosts]
      .filter(([postId, list]) => live.has(postId) && list.some((a) => a.hash === picture.hash))
      .map(([postId]) => ({ postId, excerpt: ctx.post(postId).text.slice(0, 60) }));
    return { ...rest, usedBy };
  };

  const attachments = (postId: number): AttachmentDto[] =>
    (onPosts.get(postId) ?? []).map((a, position) => {
      const p = find(a.hash);
      return {
        hash: a.hash,
        position,
        alt: a.alt,
        focalX: a.focalX,
        focalY: a.focalY,
        originalName: p.originalName,
        format: p.format,
        width: p.width,
        height: p.height,
        byteSize: p.byteSize,
      };
    });

  const store = (postId: number, list: Attached[]) => {
    ctx.post(postId);
    onPosts.set(postId, list);
    ctx.changed({ topics: ["posts"], postIds: [postId] });
    return attachments(postId);
  };

  const importOne = (path: string): ImportResultDto => {
    const file = path.split(/[\\/]/).pop() ?? path;
    const ext = file.split(".").pop()?.toLowerCase() ?? "";
    const refuse = (code: string, message: string, extra: Record<string, string> = {}): ImportResultDto => {
      const error: IpcError = { code, message, params: { file, path, ...extra } };
      return { file: path, media: null, alreadyInLibrary: false, error };
    };
    if (ext === "heic" || ext === "heif") return refuse("media_heic", `“${file}” is an iPhone HEIC photo, which Jadwal cannot read yet`);
    const formats: Record<string, string> = { jpg: "jpeg", jpeg: "jpeg", png: "png", webp: "webp", gif: "gif" };
    const format = formats[ext];
    if (!format) return refuse("media_not_an_image", `“${file}” is not a picture`);
    const known = [...library.values()].find((p) => p.originalName === file);
    if (known) return { file: path, media: dto(known), alreadyInLibrary: true, error: null };
    const wide = file.includes("wide") || file.includes("banner");
    const picture = addPicture(file, format, wide ? 3000 : 3024, wide ? 1000 : 4032, format === "png" ? 2_400_000 : 1_800_000, format === "gif");
    return { file: path, media: dto(picture), alreadyInLibrary: false, error: null };
  };

  const importMany = async (paths: string[]): Promise<ImportResultDto[]> => {
    const results: ImportResultDto[] = [];
    for (const [index, path] of paths.entries()) {
      // Decoding a photo takes a moment.
      await new Promise((resolve) => setTimeout(resolve, 400));
      const result = importOne(path);
      results.push(result);
      const progress: ImportProgressDto = { done: index + 1, total: paths.length, file: path, ok: result.error === null };
      void emit("media-import-progress", progress);
    }
    if (results.some((r) => r.media)) ctx.changed({ topics: ["media"], postIds: [] });
    return results;
  };

  const checks = (postId: number): MediaProblemDto[] => {
    const post = ctx.post(postId);
    const list = attachments(postId);
    const byNetwork = new Map<Network, number[]>();
    for (const c of post.channels) byNetwork.set(c.network, [...(byNetwork.get(c.network) ?? []), c.id]);
    const problems: MediaProblemDto[] = [];
    for (const [network, channelIds] of byNetwork) {
      const rules = RULES[network];
      if (!rules) continue;
      const net = NETWORK_NAMES[network] ?? network;
      const problem = (p: Omit<MediaProblemDto, "network" | "channelIds">) => problems.push({ network, channelIds, ...p });
      if (list.length > rules.max) {
        problem({
          hash: null,
          position: null,
          code: "too_many_images",
          severity: "error",
          message: `${net} takes ${rules.max} pictures in a post and this one has ${list.length}`,
          fix: { kind: "move_to_new_post", keep: rules.max },
        });
      }
      for (const a of list) {
        const at = { hash: a.hash, position: a.position };
        if (!rules.formats.includes(a.format)) {
          problem({ ...at, code: "format_not_accepted", severity: "error", message: `“${a.originalName}” is a ${a.format} and ${net} does not take it`, fix: { kind: "convert_to_jpeg" } });
        }
        if (rules.bytes && a.byteSize > rules.bytes) {
          problem({ ...at, code: "too_heavy", severity: "error", message: `“${a.originalName}” is too heavy for ${net}`, fix: { kind: "recompress", maxBytes: rules.bytes } });
        }
        const ratio = a.width / a.height;
        if (rules.ratio && (ratio < rules.ratio[0] || ratio > rules.ratio[1])) {
          const preset: PresetName = ratio < 1 ? "instagram_portrait" : "instagram_landscape";
          problem({ ...at, code: "shape_not_accepted", severity: "error", message: `“${a.originalName}” is a shape ${net} does not take`, fix: { kind: "use_rendition", preset } });
        }
        if (find(a.hash).animated && network !== "x") {
          problem({ ...at, code: "animation_dropped", severity: "warning", message: `“${a.originalName}” moves, but ${net} shows pictures still`, fix: null });
        }
      }
    }
    return problems;
  };

  const fixed = (picture: Picture, fix: MediaFixDto): Picture => {
    const stem = picture.originalName.replace(/\.[^.]+$/, "");
    switch (fix.kind) {
      case "convert_to_jpeg":
        return addPicture(`${stem}.jpg`, "jpeg", picture.width, picture.height, Math.round(picture.byteSize * 0.6));
      case "recompress":
        return addPicture(`${stem} (lighter).jpg`, "jpeg", picture.width, picture.height, Math.round(fix.maxBytes * 0.9));
      case "shrink":
        return addPicture(`${stem} (smaller).jpg`, "jpeg", fix.maxSide, Math.round((fix.maxSide * picture.height) / picture.width), picture.byteSize / 4);
      case "use_rendition": {
        const [label, w, h] = CROP_SHAPES[fix.preset] ?? ["Copy", picture.width, picture.height];
        return addPicture(`${stem} (${label}).jpg`, "jpeg", w, h, 700_000);
      }
      case "move_to_new_post":
        return picture;
    }
  };

  // Something to look at from the start: pictures on the first posts.
  const sourdough = addPicture("sourdough-pagi.jpg", "jpeg", 4000, 3000, 3_400_000);
  const croissant = addPicture("promo-croissant.png", "png", 1080, 1350, 2_100_000);
  const sari = addPicture("bu-sari.jpg", "jpeg", 1200, 1600, 640_000);
  addPicture("menu-board-wide.jpg", "jpeg", 3000, 1000, 900_000);
  const ids = ctx.livePostIds();
  const seed = (postId: number | undefined, pictures: Picture[], alt: string[]) => {
    if (postId === undefined) return;
    onPosts.set(
      postId,
      pictures.map((p, i) => ({ hash: p.hash, alt: alt[i] ?? "", focalX: 0.5, focalY: 0.5 })),
    );
  };
  seed(ids[0], [sourdough], ["Sourdough loaves cooling on a rack"]);
  seed(ids[1], [croissant, sourdough], ["", "Sourdough loaves cooling on a rack"]);
  seed(ids[2], [sari], ["Bu Sari shaping dough at the bakery counter"]);

  return {
    import_media: ({ paths }) => importMany((paths as string[]) ?? []),
    choose_and_import_media: () => {
      const batch = PICKER_BATCHES[pickerTurn % PICKER_BATCHES.length] ?? [];
      pickerTurn += 1;
      return importMany(batch);
    },
    media_library: ({ query }) => {
      const q = typeof query === "string" ? query.trim().toLowerCase() : "";
      const alts = (hash: string) => [...onPosts.values()].flat().filter((a) => a.hash === hash).map((a) => a.alt.toLowerCase());
      return [...library.values()]
        .reverse()
        .filter((p) => !q || p.originalName.toLowerCase().includes(q) || alts(p.hash).some((alt) => alt.includes(q)))
        .map(dto);
    },
    media_thumbnails: ({ hashes }) =>
      ((hashes as string[]) ?? []).map((hash): ThumbnailDto => ({ hash, postId: null, dataUrl: drawing(find(hash)) })),
    post_thumbnails: ({ postIds }) =>
      ((postIds as number[]) ?? []).flatMap((postId): ThumbnailDto[] => {
        const first = onPosts.get(postId)?.[0];
        return first ? [{ hash: first.hash, postId, dataUrl: drawing(find(first.hash)) }] : [];
      }),
    network_presets: () => NETWORK_PRESETS,
    media_crops: ({ hash, focalX, focalY }) => {
      const picture = find(hash);
      return (Object.keys({ ...CROP_SHAPES, ...FIT_SHAPES }) as PresetName[]).flatMap(
        (preset) => cropOf(picture, preset, Number(focalX), Number(focalY)) ?? [],
      );
    },
    post_media: ({ postId }) => {
      ctx.post(Number(postId));
      return attachments(Number(postId));
    },
    set_post_media: ({ postId, items }) => {
      const list: Attached[] = [];
      for (const item of items as AttachmentInput[]) {
        find(item.hash);
        if (!list.some((a) => a.hash === item.hash)) list.push({ ...item, alt: item.alt.trim() });
      }
      return store(Number(postId), list);
    },
    update_post_media: ({ postId, item }) => {
      const i = item as AttachmentInput;
      const list = onPosts.get(Number(postId)) ?? [];
      if (!list.some((a) => a.hash === i.hash)) ctx.fail("media_not_found", "the picture is not on this post");
      return store(
        Number(postId),
        list.map((a) => (a.hash === i.hash ? { ...i, alt: i.alt.trim() } : a)),
      );
    },
    post_media_checks: ({ postId }) => checks(Number(postId)),
    apply_media_fix: ({ postId, hash, fix }) => {
      const id = Number(postId);
      const f = fix as MediaFixDto;
      const list = onPosts.get(id) ?? [];
      if (f.kind === "move_to_new_post") {
        const newPostId = ctx.copyAsDraft(id);
        onPosts.set(newPostId, list.slice(f.keep));
        store(id, list.slice(0, f.keep));
        return { media: attachments(id), newPostId };
      }
      const copy = fixed(find(hash), f);
      ctx.changed({ topics: ["media"], postIds: [] });
      store(
        id,
        list.map((a) => (a.hash === hash ? { ...a, hash: copy.hash } : a)),
      );
      return { media: attachments(id), newPostId: null };
    },
  };
}
