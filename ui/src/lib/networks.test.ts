import { accountSupport } from "./networks";

describe("account support", () => {
  it("connects Bluesky, Mastodon, Telegram and webhooks, promises the other automatic networks, and helps with the rest", () => {
    expect(accountSupport({ network: "bluesky", automatic: true })).toBe("connect");
    expect(accountSupport({ network: "telegram", automatic: true })).toBe("connect");
    expect(accountSupport({ network: "webhook", automatic: true })).toBe("connect");
    expect(accountSupport({ network: "mastodon", automatic: true })).toBe("connect");
    expect(accountSupport({ network: "x", automatic: true })).toBe("later");
    expect(accountSupport({ network: "instagram", automatic: false })).toBe("assisted");
  });
});
