import { i18n } from "../../i18n";
import { PRESET_TABLE, problem } from "../../test/mediaFixtures";
import { presetsFor } from "./networkPresets";
import { fixLabel, problemText } from "./problemText";

const en = i18n.getFixedT("en");
const id = i18n.getFixedT("id");

/** jadwal-media's ProblemCode::as_str, every one. */
const PROBLEM_CODES = [
  "too_many_images",
  "animation_not_alone",
  "format_not_accepted",
  "too_heavy",
  "too_light",
  "shape_not_accepted",
  "too_small",
  "too_large",
  "too_long",
  "animation_dropped",
];

describe("picture problems in words", () => {
  it("translates by code, naming the network and the picture's place", () => {
    const p = problem({ network: "bluesky", position: 1, code: "too_heavy" });
    expect(problemText(en, p)).toBe("Picture 2: This picture is too heavy (too many bytes) for Bluesky.");
    expect(problemText(id, p)).toBe("Gambar 2: Gambar ini terlalu berat (terlalu banyak byte) untuk Bluesky.");
  });

  it("names no picture for a problem of the whole post", () => {
    const p = problem({ network: "x", hash: null, position: null, code: "too_many_images" });
    expect(problemText(en, p)).toBe("X (Twitter) takes fewer pictures in one post than this one has.");
  });

  it("falls back to Rust's message for a code it does not know", () => {
    const p = problem({ code: "brand_new_rule", message: "Something new about “a.jpg”", position: null });
    expect(problemText(en, p)).toBe("Something new about “a.jpg”");
  });

  it("has words for every problem code in both languages", () => {
    for (const code of PROBLEM_CODES) {
      const p = problem({ code, message: "RUST", position: null });
      expect(problemText(en, p)).not.toBe("RUST");
      expect(problemText(id, p)).not.toBe("RUST");
    }
  });

  it("says what each fix does", () => {
    expect(fixLabel(en, { kind: "use_rendition", preset: "instagram_portrait" })).toBe("Use the Instagram 4:5 cut");
    expect(fixLabel(en, { kind: "move_to_new_post", keep: 4 })).toBe("Keep 4, move the rest to a new draft");
    expect(fixLabel(id, { kind: "convert_to_jpeg" })).toBe("Ubah ke JPEG");
  });
});

describe("previews per network", () => {
  it("shows each network's cuts once, in the order the networks come", () => {
    expect(presetsFor(PRESET_TABLE, ["threads", "instagram", "webhook", "bluesky"])).toEqual([
      "instagram_portrait",
      "instagram_square",
      "instagram_landscape",
      "bluesky",
    ]);
  });

  it("previews nothing for a network missing from the table", () => {
    expect(presetsFor([], ["instagram"])).toEqual([]);
    expect(presetsFor(PRESET_TABLE, ["webhook"])).toEqual([]);
  });
});
