import { render, screen } from "@testing-library/react";

import type { ChannelDto, PostSummaryDto } from "../../ipc";
import { TrayItem } from "../tray/TrayItem";
import { PostChip } from "./PostChip";

const hostile = '<img src=x onerror="alert(1)"><b>Promo</b>';

const post: PostSummaryDto = {
  id: 42,
  status: "draft",
  start: "2026-11-23T09:30",
  excerpt: hostile,
  channelIds: [1],
  labelIds: [],
};

const channels = new Map<number, ChannelDto>([
  [1, { id: 1, name: "<i>Toko</i>", network: "instagram", color: "#c0569b", automatic: false }],
]);

describe("user text is text, never HTML", () => {
  it("shows a chip's excerpt character for character", () => {
    const { container } = render(<PostChip post={post} channels={channels} language="en" showTime />);
    expect(screen.getByText(hostile)).toBeInTheDocument();
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
  });

  it("shows a tray item's excerpt and channel name as typed", () => {
    const { container } = render(
      <ul>
        <TrayItem post={{ ...post, start: null }} channels={channels} labels={new Map()} onOpen={() => undefined} />
      </ul>,
    );
    expect(screen.getByText(hostile)).toBeInTheDocument();
    expect(screen.getByText("<i>Toko</i>")).toBeInTheDocument();
    expect(container.querySelector("img, b, i")).toBeNull();
  });
});

describe("post chip", () => {
  it("carries the test hooks, the time and the status in words", () => {
    render(<PostChip post={{ ...post, excerpt: "Roti tawar" }} channels={channels} language="en" showTime />);
    const chip = screen.getByTestId("post-chip");
    expect(chip).toHaveAttribute("data-post-id", "42");
    expect(chip).toHaveTextContent("9:30 AM");
    expect(chip).toHaveTextContent("Draft");
    expect(chip.className).toContain("post-chip--draft");
  });

  it("writes the time the Indonesian way", () => {
    render(<PostChip post={{ ...post, excerpt: "Roti tawar" }} channels={channels} language="id" showTime />);
    expect(screen.getByTestId("post-chip")).toHaveTextContent("09.30");
  });

  it("shows the post's first picture when it has one, and nothing otherwise", () => {
    const { rerender } = render(<PostChip post={{ ...post, excerpt: "Roti" }} channels={channels} language="en" showTime />);
    expect(screen.queryByTestId("chip-thumbnail")).toBeNull();
    rerender(<PostChip post={{ ...post, excerpt: "Roti" }} channels={channels} language="en" showTime thumbnail="data:image/jpeg;base64,AAAA" />);
    expect(screen.getByTestId("chip-thumbnail")).toHaveAttribute("src", "data:image/jpeg;base64,AAAA");
    expect(screen.getByTestId("chip-thumbnail")).toHaveAttribute("alt", "");
  });
});

