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

  it("says a post's fate is unknown, naming the channel when it can", () => {
    const error = { code: "outcome_unknown", message: "never heard back", params: { channel: "Toko Telegram" } };
    expect(errorText(en, error)).toBe(
      "Jadwal sent the post to Toko Telegram but never heard back. Check whether it arrived, then tell Jadwal under Needs your decision.",
    );
    expect(errorText(id, error)).toBe(
      "Jadwal sudah mengirim postingan ke Toko Telegram tetapi tidak mendapat jawaban. Periksa apakah postingan itu sampai, lalu beri tahu Jadwal di Perlu keputusan Anda.",
    );
    expect(errorText(en, { ...error, params: {} })).toBe(
      "Jadwal sent the post but never heard back. Check whether it arrived, then tell Jadwal under Needs your decision.",
    );
  });

  it("quotes what was typed when a link is not a web address", () => {
    const error = { code: "not_a_web_address", message: "not a web address", params: { value: "instagram.com/p/1" } };
    expect(errorText(en, error)).toBe("“instagram.com/p/1” is not a web address. A link to a post starts with https://.");
    expect(errorText(id, error)).toBe("“instagram.com/p/1” bukan alamat web. Tautan ke postingan diawali https://.");
    expect(errorText(en, { ...error, params: {} })).toBe("That is not a web address. A link to a post starts with https://.");
  });

  it("refuses to open anything but a web address, in both languages", () => {
    const error = { code: "link_not_web", message: "Only web addresses can be opened.", params: {} };
    expect(errorText(en, error)).toBe("Only web addresses (starting with https://) can be opened.");
    expect(errorText(id, error)).toBe("Hanya alamat web (diawali https://) yang bisa dibuka.");
  });

  it("explains a refused bot token or signing secret, and a channel Telegram cannot find, without Rust's English", () => {
    const token = { code: "bad_credentials", message: "Telegram did not accept the bot token; check it and connect again", params: {} };
    expect(errorText(en, token)).toMatch(/^The network did not accept the key Jadwal has \(a Telegram bot token, or a webhook's signing secret\)/);
    expect(errorText(id, token)).toMatch(/^Jaringan tidak menerima kunci yang dipakai Jadwal/);
    const chat = { code: "chat_not_found", message: "Telegram cannot find the channel @x", params: {} };
    expect(errorText(en, chat)).toContain("your bot is an administrator of the channel");
    expect(errorText(id, chat)).toContain("bot Anda adalah admin kanal itu");
  });

  it("no longer claims every connect form is for Bluesky", () => {
    const error = { code: "wrong_network", message: "Toko is a Telegram channel", params: {} };
    expect(errorText(en, error)).not.toContain("Bluesky");
    expect(errorText(id, error)).not.toContain("Bluesky");
  });
});

