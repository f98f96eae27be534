import { errorText } from "./errorText";
import { i18n } from "./index";

const en = i18n.getFixedT("en");
const id = i18n.getFixedT("id");

describe("error messages", () => {
  it("translates a known code in both languages", () => {
    const error = { code: "schedule_in_past", message: "the time has passed", params: {} };
    expect(errorText(en, error)).toBe("That time has already passed. Pick a later time.");
    expect(errorText(id, error)).toBe("Waktu itu sudah lewat. Pilih waktu yang lebih lambat.");
  });

  it("fills in the params", () => {
    const error = { code: "over_limit", message: "too long", params: { channels: "Toko Bluesky, Toko X" } };
    expect(errorText(en, error)).toBe("The text is too long for Toko Bluesky, Toko X.");
    expect(errorText(id, error)).toBe("Teks terlalu panjang untuk Toko Bluesky, Toko X.");
  });

  it("never shows a blank it cannot fill", () => {
    const error = { code: "over_limit", message: "too long", params: {} };
    expect(errorText(en, error)).toBe("The text is too long for one of the channels.");
    expect(errorText(en, error)).not.toContain("{{");
  });

  it("names the channel a login is needed for, or says 'this channel'", () => {
    const error = { code: "login_needed", message: "the login stopped working", params: { channel: "Toko Bluesky" } };
    expect(errorText(en, error)).toBe(
      "The login for Toko Bluesky stopped working. Connect the account again under Channels & labels.",
    );
    expect(errorText(id, error)).toBe("Login untuk Toko Bluesky tidak berlaku lagi. Hubungkan akunnya lagi di Kanal & label.");
    expect(errorText(en, { ...error, params: {} })).toBe(
      "The login for this channel stopped working. Connect the account again under Channels & labels.",
    );
  });

  it("falls back to Rust's message for a code it does not know", () => {
    const error = { code: "brand_new_code", message: "Something new happened", params: {} };
    expect(errorText(en, error)).toBe("Something new happened");
    expect(errorText(id, error)).toBe("Something new happened");
  });

  it("does not turn params into markup", () => {
    const error = { code: "over_limit", message: "", params: { channels: "<b>Toko</b>" } };
    expect(errorText(en, error)).toBe("The text is too long for <b>Toko</b>.");
  });

  it("names the file a picture import refused, in both languages", () => {
    const error = {
      code: "media_heic",
      message: "“IMG_2041.HEIC” is an iPhone HEIC photo",
      params: { file: "IMG_2041.HEIC", path: "/home/sari/IMG_2041.HEIC" },
    };
    expect(errorText(en, error)).toMatch(/^“IMG_2041\.HEIC” is an iPhone HEIC photo, which Jadwal cannot read yet\./);
    expect(errorText(id, error)).toMatch(/^“IMG_2041\.HEIC” adalah foto HEIC dari iPhone/);
    expect(errorText(en, { ...error, params: {} })).not.toContain("{{");
  });
});

