import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import type { ChannelDto } from "../ipc";
import * as ipc from "../ipc";
import { renderWithProviders } from "../test/renderWithProviders";
import { ChannelSelect } from "./ChannelSelect";

vi.mock("../ipc", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../ipc")>();
  return { ...actual, listChannels: vi.fn() };
});

const mocked = vi.mocked(ipc);

const CHANNELS: ChannelDto[] = [
  { id: 3, name: "Toko Bluesky", network: "bluesky", color: "#1185fe", automatic: true },
  { id: 7, name: "Toko Insta", network: "instagram", color: "#c0569b", automatic: false },
];

function renderSelect(value: number | null, onChange: (id: number | null) => void = vi.fn()) {
  return renderWithProviders(
    <ChannelSelect value={value} onChange={onChange} label="Channel" emptyLabel="No channel" testId="some-channel" />,
  );
}

/** Waits until the channels have arrived and become options after the empty one. */
async function channelOptions() {
  const select = screen.getByTestId("some-channel");
  await within(select).findByRole("option", { name: "Toko Insta" });
  return within(select).getAllByRole<HTMLOptionElement>("option");
}

beforeEach(() => {
  vi.clearAllMocks();
  mocked.listChannels.mockResolvedValue(CHANNELS);
});

describe("ChannelSelect", () => {
  it("offers the empty choice first, then every channel by name with its id as value", async () => {
    renderSelect(null);
    const options = await channelOptions();
    expect(options.map((o) => [o.value, o.textContent])).toEqual([
      ["", "No channel"],
      ["3", "Toko Bluesky"],
      ["7", "Toko Insta"],
    ]);
    expect(screen.getByLabelText("Channel")).toBe(screen.getByTestId("some-channel"));
  });

  it("shows the chosen channel, and the empty choice for null", async () => {
    const { unmount } = renderSelect(7);
    await channelOptions();
    expect(screen.getByTestId("some-channel")).toHaveValue("7");
    unmount();

    renderSelect(null);
    await channelOptions();
    expect(screen.getByTestId("some-channel")).toHaveValue("");
  });

  it("hands over a channel's id as a number", async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderSelect(null, onChange);
    await channelOptions();
    await user.selectOptions(screen.getByTestId("some-channel"), "Toko Insta");
    expect(onChange).toHaveBeenCalledExactlyOnceWith(7);
  });

  it("hands over null when the empty choice is picked", async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderSelect(3, onChange);
    await channelOptions();
    await user.selectOptions(screen.getByTestId("some-channel"), "No channel");
    expect(onChange).toHaveBeenCalledExactlyOnceWith(null);
  });

  it("offers only the empty choice while the workspace has no channels", async () => {
    mocked.listChannels.mockResolvedValue([]);
    renderSelect(null);
    await vi.waitFor(() => expect(mocked.listChannels).toHaveBeenCalled());
    const options = within(screen.getByTestId("some-channel")).getAllByRole<HTMLOptionElement>("option");
    expect(options.map((o) => o.value)).toEqual([""]);
  });
});
