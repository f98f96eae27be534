import { render, screen } from "@testing-library/react";

import type { ChannelDto } from "../../ipc";
import { OnServerNote } from "./OnServerNote";

const CHANNELS = new Map<number, ChannelDto>([
  [3, { id: 3, name: "Mastodon toko", network: "mastodon", color: "#6364ff", automatic: true }],
  [5, { id: 5, name: "Mastodon kedua", network: "mastodon", color: "#6364ff", automatic: true }],
]);

describe("a post in a network's own schedule", () => {
  it("says which channels have it and that it goes out with the computer off", () => {
    render(<OnServerNote channelIds={[3]} channelMap={CHANNELS} />);
    expect(screen.getByTestId("editor-on-server")).toHaveTextContent(
      "Mastodon toko already has this post in its own schedule: it goes out even if this computer is off.",
    );
  });

  it("names every channel, and says nothing when none has it", () => {
    const { unmount } = render(<OnServerNote channelIds={[3, 5]} channelMap={CHANNELS} />);
    expect(screen.getByTestId("editor-on-server")).toHaveTextContent("Mastodon toko and Mastodon kedua already have");
    unmount();
    render(<OnServerNote channelIds={[]} channelMap={CHANNELS} />);
    expect(screen.queryByTestId("editor-on-server")).toBeNull();
  });
});
