import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import type { AccountDto, ChannelDto } from "../../ipc";
import * as ipc from "../../ipc";
import { renderWithProviders } from "../../test/renderWithProviders";
import { CatalogDialog } from "./CatalogDialog";

vi.mock("../../ipc", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../ipc")>();
  return {
    ...actual,
    listChannels: vi.fn(),
    listLabels: vi.fn(),
    listAccounts: vi.fn(),
    connectBluesky: vi.fn(),
    disconnectAccount: vi.fn(),
  };
});

const mocked = vi.mocked(ipc);

const CHANNELS: ChannelDto[] = [
  { id: 1, name: "Toko Bluesky", network: "bluesky", color: "#1185fe", automatic: true },
  { id: 2, name: "Toko Insta", network: "instagram", color: "#c0569b", automatic: false },
  { id: 3, name: "Toko Mastodon", network: "mastodon", color: "#6364ff", automatic: true },
  { id: 4, name: "Toko Bluesky Dua", network: "bluesky", color: "#1185fe", automatic: true },
];

const ACCOUNT: AccountDto = {
  channelId: 4,
  network: "bluesky",
  handle: "tokoroti.bsky.social",
  displayName: "Toko Roti",
  avatarUrl: null,
  status: "connected",
  verifiedAt: "2026-11-20T10:00:00Z",
};

const accountOf = (channelId: number) =>
  screen.getAllByTestId("channel-account").find((el) => el.dataset.channelId === String(channelId))!;

function openCatalog() {
  return renderWithProviders(<CatalogDialog onClose={() => undefined} />);
}

/** Opens channel 1's form and fills it in. */
async function fillConnectForm(user: ReturnType<typeof userEvent.setup>, password: string) {
  await screen.findAllByTestId("channel-account");
  const connect = screen.getAllByTestId("connect-account").find((el) => el.dataset.channelId === "1")!;
  expect(within(accountOf(1)).getByText("Not connected")).toBeInTheDocument();
  await user.click(connect);
  await user.type(screen.getByTestId("bluesky-identifier"), "tokoroti.bsky.social");
  await user.type(screen.getByTestId("bluesky-app-password"), password);
}

beforeEach(() => {
  vi.clearAllMocks();
  mocked.listChannels.mockResolvedValue(CHANNELS);
  mocked.listLabels.mockResolvedValue([]);
  mocked.listAccounts.mockResolvedValue([ACCOUNT]);
  mocked.disconnectAccount.mockResolvedValue(null);
});

describe("a channel's account", () => {
  it("says per network whether it connects, comes later or is posted with help", async () => {
    openCatalog();
    await screen.findAllByTestId("channel-account");
    const notes = screen.getAllByTestId("account-note");
    expect(notes.find((el) => el.dataset.channelId === "2")).toHaveTextContent("Posted with your help (reminder + copied text)");
    expect(notes.find((el) => el.dataset.channelId === "3")).toHaveTextContent("Connecting accounts for Mastodon comes later");
    expect(within(accountOf(4)).getByTestId("account-handle")).toHaveTextContent("Toko Roti (@tokoroti.bsky.social)");
    expect(within(accountOf(4)).queryByTestId("connect-account")).toBeNull();
  });

  it("keeps the app password out of sight and out of state, and explains a refusal in words", async () => {
    const user = userEvent.setup();
    mocked.connectBluesky.mockRejectedValue(
      new ipc.IpcFailure({ code: "wrong_password", message: "Bluesky did not accept this handle and app password", params: {} }),
    );
    openCatalog();
    await fillConnectForm(user, "abcd-efgh-ijkl-mnop");

    const password = screen.getByTestId("bluesky-app-password");
    expect(password).toHaveAttribute("type", "password");
    expect(password).toHaveAttribute("autocomplete", "off");
    expect(screen.getByTestId("bluesky-service")).not.toBeVisible();
    expect(screen.getByText(/Settings → Privacy and security → App passwords/)).toBeInTheDocument();

    await user.click(screen.getByTestId("bluesky-connect"));

    expect(mocked.connectBluesky).toHaveBeenCalledWith({
      channelId: 1,
      identifier: "tokoroti.bsky.social",
      appPassword: "abcd-efgh-ijkl-mnop",
      service: null,
    });
    const error = await screen.findByTestId("bluesky-error");
    expect(error).toHaveTextContent("Bluesky did not accept this handle and app password. Check them, or make a new app password");
    expect(screen.getByTestId("bluesky-app-password")).toHaveValue("");
    // What was typed besides the password stays, to try again.
    expect(screen.getByTestId("bluesky-identifier")).toHaveValue("tokoroti.bsky.social");
  });

  it("explains a missing keychain in words a shop owner understands", async () => {
    const user = userEvent.setup();
    mocked.connectBluesky.mockRejectedValue(
      new ipc.IpcFailure({ code: "keychain_missing", message: "Jadwal found no keychain", params: {} }),
    );
    openCatalog();
    await fillConnectForm(user, "abcd-efgh-ijkl-mnop");
    await user.click(screen.getByTestId("bluesky-connect"));
    expect(await screen.findByTestId("bluesky-error")).toHaveTextContent(
      "Your computer's password store (keychain) is not available, so Jadwal cannot keep this password safely. Nothing was saved.",
    );
    expect(screen.getByTestId("bluesky-app-password")).toHaveValue("");
  });

  it("shows progress while Bluesky checks, then the verified account", async () => {
    const user = userEvent.setup();
    let answer: (account: AccountDto) => void = () => undefined;
    mocked.connectBluesky.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    openCatalog();
    await fillConnectForm(user, "abcd-efgh-ijkl-mnop");
    await user.click(screen.getByTestId("bluesky-advanced"));
    await user.type(screen.getByTestId("bluesky-service"), " https://pds.example.com ");
    await user.click(screen.getByTestId("bluesky-connect"));

    expect(screen.getByTestId("bluesky-connect")).toBeDisabled();
    expect(screen.getByTestId("bluesky-connect")).toHaveTextContent("Checking with Bluesky…");
    expect(mocked.connectBluesky).toHaveBeenCalledWith(expect.objectContaining({ service: "https://pds.example.com" }));

    mocked.listAccounts.mockResolvedValue([ACCOUNT, { ...ACCOUNT, channelId: 1, displayName: null }]);
    answer({ ...ACCOUNT, channelId: 1, displayName: null });

    await waitFor(() => expect(within(accountOf(1)).getByTestId("account-handle")).toHaveTextContent("@tokoroti.bsky.social"));
    expect(screen.queryByTestId("bluesky-app-password")).toBeNull();
    expect(within(accountOf(1)).getByTestId("account-connected")).toBeInTheDocument();
  });

  it("asks before disconnecting", async () => {
    const user = userEvent.setup();
    openCatalog();
    await screen.findAllByTestId("channel-account");
    await user.click(within(accountOf(4)).getByTestId("disconnect-account"));
    const confirm = await screen.findByTestId("confirm-dialog");
    expect(mocked.disconnectAccount).not.toHaveBeenCalled();
    mocked.listAccounts.mockResolvedValue([]);
    await user.click(within(confirm).getByTestId("confirm-yes"));
    await waitFor(() => expect(mocked.disconnectAccount).toHaveBeenCalledWith(4));
    await waitFor(() => expect(within(accountOf(4)).getByText("Not connected")).toBeInTheDocument());
  });

  it("offers to connect again when the login stopped working", async () => {
    mocked.listAccounts.mockResolvedValue([{ ...ACCOUNT, status: "login_needed" }]);
    const user = userEvent.setup();
    openCatalog();
    await waitFor(() => expect(within(accountOf(4)).getByTestId("account-login-needed")).toHaveTextContent("Login needed"));
    const again = within(accountOf(4)).getByTestId("connect-account");
    expect(again).toHaveTextContent("Connect again");
    await user.click(again);
    expect(screen.getByTestId("bluesky-identifier")).toHaveValue("tokoroti.bsky.social");
  });
});
