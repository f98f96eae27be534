import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import type { AccountDto, ChannelDto } from "../../ipc";
import * as ipc from "../../ipc";
import { pendingCall, refusal } from "../../test/ipcFixtures";
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
    connectMastodon: vi.fn(),
    startMastodonCodeSignIn: vi.fn(),
    finishMastodonCodeSignIn: vi.fn(),
    cancelMastodonCodeSignIn: vi.fn(),
    connectTelegram: vi.fn(),
    connectWebhook: vi.fn(),
    disconnectAccount: vi.fn(),
  };
});

const mocked = vi.mocked(ipc);

const CHANNELS: ChannelDto[] = [
  { id: 1, name: "Toko Bluesky", network: "bluesky", color: "#1185fe", automatic: true },
  { id: 2, name: "Toko Insta", network: "instagram", color: "#c0569b", automatic: false },
  { id: 3, name: "Toko Mastodon", network: "mastodon", color: "#6364ff", automatic: true },
  { id: 4, name: "Toko Bluesky Dua", network: "bluesky", color: "#1185fe", automatic: true },
  { id: 5, name: "Toko Telegram", network: "telegram", color: "#2aabee", automatic: true },
  { id: 6, name: "Toko Zapier", network: "webhook", color: "#ff4f00", automatic: true },
  { id: 7, name: "Toko X", network: "x", color: "#000000", automatic: true },
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

const TELEGRAM: AccountDto = {
  channelId: 5,
  network: "telegram",
  handle: "@tokoroti",
  displayName: "Toko Roti",
  avatarUrl: null,
  status: "connected",
  verifiedAt: "2026-11-20T10:00:00Z",
};

const WEBHOOK: AccountDto = {
  channelId: 6,
  network: "webhook",
  handle: "hooks.zapier.com",
  displayName: null,
  avatarUrl: null,
  status: "connected",
  verifiedAt: "2026-11-20T10:00:00Z",
};

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

async function openForm(user: ReturnType<typeof userEvent.setup>, channelId: number) {
  openCatalog();
  await screen.findAllByTestId("channel-account");
  await user.click(within(accountOf(channelId)).getByTestId("connect-account"));
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
    expect(notes.find((el) => el.dataset.channelId === "7")).toHaveTextContent("Connecting accounts for X (Twitter) comes later");
    expect(within(accountOf(4)).getByTestId("account-handle")).toHaveTextContent("Toko Roti (@tokoroti.bsky.social)");
    expect(within(accountOf(4)).queryByTestId("connect-account")).toBeNull();
    // Mastodon, Telegram and webhooks connect like Bluesky; X still comes later.
    expect(within(accountOf(3)).getByText("Not connected")).toBeInTheDocument();
    expect(within(accountOf(5)).getByText("Not connected")).toBeInTheDocument();
    expect(within(accountOf(6)).getByTestId("connect-account")).toHaveTextContent("Connect");
    expect(notes.map((el) => el.dataset.channelId)).toEqual(["2", "7"]);
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

  it("shows the account's picture only as the small copy Rust made", async () => {
    const PICTURE = "data:image/jpeg;base64,/9j/4AAQSkZJRg==";
    mocked.listAccounts.mockResolvedValue([
      { ...ACCOUNT, avatarUrl: PICTURE },
      // Kept by an older version: a remote address, which the window must not load.
      { ...ACCOUNT, channelId: 1, avatarUrl: "https://cdn.bsky.app/avatar.jpg" },
    ]);
    openCatalog();
    await screen.findAllByTestId("channel-account");
    await waitFor(() => expect(within(accountOf(4)).getByTestId("account-avatar")).toHaveAttribute("src", PICTURE));
    expect(within(accountOf(4)).getByTestId("account-avatar")).toHaveAttribute("alt", "");
    expect(within(accountOf(1)).queryByTestId("account-avatar")).toBeNull();
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

describe("connecting Mastodon", () => {
  it("asks only for the server, then waits while the person signs in in the browser", async () => {
    const user = userEvent.setup();
    const call = pendingCall<AccountDto>();
    mocked.connectMastodon.mockReturnValue(call.promise);
    await openForm(user, 3);
    expect(screen.getByTestId("mastodon-form")).toHaveTextContent("Jadwal never sees your password");
    expect(screen.getByTestId("mastodon-connect")).toBeDisabled();
    await user.type(screen.getByTestId("mastodon-instance"), " mastodon.social ");
    await user.click(screen.getByTestId("mastodon-connect"));

    expect(mocked.connectMastodon).toHaveBeenCalledWith({ channelId: 3, instance: "mastodon.social" });
    expect(screen.getByTestId("mastodon-connect")).toHaveTextContent("Waiting for you to sign in…");

    const account: AccountDto = { ...TELEGRAM, channelId: 3, network: "mastodon", handle: "tokoroti@mastodon.social" };
    mocked.listAccounts.mockResolvedValue([account]);
    call.resolve(account);
    await waitFor(() => expect(within(accountOf(3)).getByTestId("account-handle")).toHaveTextContent("Toko Roti (@tokoroti@mastodon.social)"));
  });

  it("says so when the sign-in was not finished in time, in Bahasa Indonesia too", async () => {
    const user = userEvent.setup();
    mocked.connectMastodon.mockRejectedValue(refusal("sign_in_timed_out", "the sign-in was not finished within ten minutes"));
    await openForm(user, 3);
    await user.type(screen.getByTestId("mastodon-instance"), "mastodon.social");
    await user.click(screen.getByTestId("mastodon-connect"));
    expect(await screen.findByTestId("mastodon-error")).toHaveTextContent("not finished within ten minutes");
  });
});

describe("connecting Mastodon with a code", () => {
  const AUTHORIZE = "https://mastodon.social/oauth/authorize?response_type=code&client_id=cid&redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob";
  const MASTODON: AccountDto = { ...TELEGRAM, channelId: 3, network: "mastodon", handle: "tokoroti@mastodon.social" };

  it("opens the page, shows its address, and connects with the pasted code when asked", async () => {
    const user = userEvent.setup();
    mocked.startMastodonCodeSignIn.mockResolvedValue({ channelId: 3, authorizeUrl: AUTHORIZE, browserOpened: true });
    const call = pendingCall<AccountDto>();
    mocked.finishMastodonCodeSignIn.mockReturnValue(call.promise);
    await openForm(user, 3);
    expect(screen.getByTestId("mastodon-use-code")).toBeDisabled();
    await user.type(screen.getByTestId("mastodon-instance"), "mastodon.social");
    await user.click(screen.getByTestId("mastodon-use-code"));

    expect(mocked.startMastodonCodeSignIn).toHaveBeenCalledWith({ channelId: 3, instance: "mastodon.social" });
    expect(mocked.connectMastodon).not.toHaveBeenCalled();
    const form = await screen.findByTestId("mastodon-code-form");
    expect(form).toHaveTextContent("open in your browser");
    expect(within(form).getByTestId("mastodon-code-address-text")).toHaveValue(AUTHORIZE);
    expect(within(form).getByTestId("mastodon-code-connect")).toBeDisabled();
    await user.type(within(form).getByTestId("mastodon-code"), "  kode-rahasia-123 ");
    await user.click(within(form).getByTestId("mastodon-code-connect"));
    expect(mocked.finishMastodonCodeSignIn).toHaveBeenCalledWith({ channelId: 3, code: "kode-rahasia-123" });
    expect(within(form).getByTestId("mastodon-code-connect")).toHaveTextContent("Checking the code…");

    mocked.listAccounts.mockResolvedValue([MASTODON]);
    call.resolve(MASTODON);
    await waitFor(() => expect(within(accountOf(3)).getByTestId("account-handle")).toHaveTextContent("@tokoroti@mastodon.social"));
  });

  it("falls back to the code by itself when Jadwal cannot listen for the browser, and clears a refused code", async () => {
    const user = userEvent.setup();
    mocked.connectMastodon.mockRejectedValue(refusal("sign_in_listener", "could not listen"));
    mocked.startMastodonCodeSignIn.mockResolvedValue({ channelId: 3, authorizeUrl: AUTHORIZE, browserOpened: false });
    mocked.finishMastodonCodeSignIn.mockRejectedValue(refusal("authorization_failed", "invalid_grant", { reason: "invalid_grant" }));
    await openForm(user, 3);
    await user.type(screen.getByTestId("mastodon-instance"), "mastodon.social");
    await user.click(screen.getByTestId("mastodon-connect"));

    const form = await screen.findByTestId("mastodon-code-form");
    expect(mocked.startMastodonCodeSignIn).toHaveBeenCalledTimes(1);
    expect(form).toHaveTextContent("could not listen for your browser's answer");
    expect(form).toHaveTextContent("Open this address in a browser on any device");
    await user.type(within(form).getByTestId("mastodon-code"), "salah");
    await user.click(within(form).getByTestId("mastodon-code-connect"));
    expect(await within(form).findByTestId("mastodon-code-error")).toHaveTextContent("The sign-in was not completed");
    expect(within(form).getByTestId("mastodon-code")).toHaveValue("");

    mocked.cancelMastodonCodeSignIn.mockResolvedValue(null);
    await user.click(within(form).getByRole("button", { name: "Cancel" }));
    expect(mocked.cancelMastodonCodeSignIn).toHaveBeenCalledWith(3);
    await waitFor(() => expect(screen.queryByTestId("mastodon-code-form")).toBeNull());
  });
});

describe("connecting a Telegram channel", () => {
  it("explains the bot and its admin rights, sends the token and the chat, and forgets the token after a refusal", async () => {
    const user = userEvent.setup();
    mocked.connectTelegram.mockRejectedValue(refusal("chat_not_found", "Telegram cannot find the channel @tokoroti"));
    await openForm(user, 5);

    const form = screen.getByTestId("telegram-form");
    expect(form).toHaveTextContent("@BotFather");
    expect(form).toHaveTextContent("as an administrator allowed to post messages");
    expect(form).toHaveTextContent("keychain");
    const token = screen.getByTestId("telegram-token");
    expect(token).toHaveAttribute("type", "password");
    expect(token).toHaveAttribute("autocomplete", "off");
    // The self-hosted server is folded away.
    expect(screen.getByTestId("telegram-api-url")).not.toBeVisible();
    expect(screen.getByTestId("telegram-connect")).toBeDisabled();

    await user.type(token, "123456:ABC-DEF1234ghIkl");
    await user.type(screen.getByTestId("telegram-chat"), "@tokoroti");
    await user.click(screen.getByTestId("telegram-connect"));

    expect(mocked.connectTelegram).toHaveBeenCalledWith({
      channelId: 5,
      botToken: "123456:ABC-DEF1234ghIkl",
      chat: "@tokoroti",
      apiUrl: null,
    });
    expect(await screen.findByTestId("telegram-error")).toHaveTextContent(
      "Telegram cannot find that channel. Check its @name (or its number starting with -100), and that your bot is an administrator of the channel.",
    );
    expect(screen.getByTestId("telegram-token")).toHaveValue("");
    expect(screen.getByTestId("telegram-chat")).toHaveValue("@tokoroti");
  });

  it("sends a self-hosted Bot API server, shows progress, then the chat it verified", async () => {
    const user = userEvent.setup();
    const call = pendingCall<AccountDto>();
    mocked.connectTelegram.mockReturnValue(call.promise);
    await openForm(user, 5);
    await user.type(screen.getByTestId("telegram-token"), "123456:ABC");
    await user.type(screen.getByTestId("telegram-chat"), " -1001234567890 ");
    await user.click(screen.getByTestId("telegram-advanced"));
    await user.type(screen.getByTestId("telegram-api-url"), "https://botapi.example.com");
    await user.click(screen.getByTestId("telegram-connect"));

    expect(mocked.connectTelegram).toHaveBeenCalledWith({
      channelId: 5,
      botToken: "123456:ABC",
      chat: "-1001234567890",
      apiUrl: "https://botapi.example.com",
    });
    expect(screen.getByTestId("telegram-connect")).toBeDisabled();
    expect(screen.getByTestId("telegram-connect")).toHaveTextContent("Checking with Telegram…");
    expect(screen.getByTestId("telegram-token")).toBeDisabled();

    const account = { ...TELEGRAM, handle: "-1001234567890", displayName: "Toko Roti" };
    mocked.listAccounts.mockResolvedValue([account]);
    call.resolve(account);

    // A chat number is not an @name.
    await waitFor(() => expect(within(accountOf(5)).getByTestId("account-handle")).toHaveTextContent("Toko Roti (-1001234567890)"));
    expect(screen.queryByTestId("telegram-form")).toBeNull();
    expect(within(accountOf(5)).getByTestId("account-connected")).toBeInTheDocument();
  });

  it("asks to connect again in Telegram's words when the bot stopped working, starting from the known chat", async () => {
    const user = userEvent.setup();
    mocked.listAccounts.mockResolvedValue([{ ...TELEGRAM, status: "login_needed" }]);
    openCatalog();
    await waitFor(() => expect(within(accountOf(5)).getByTestId("account-login-needed")).toBeInTheDocument());
    expect(accountOf(5)).toHaveTextContent("Check that it is still an administrator");
    expect(accountOf(5)).not.toHaveTextContent("app password");
    await user.click(within(accountOf(5)).getByTestId("connect-account"));
    expect(screen.getByTestId("telegram-chat")).toHaveValue("@tokoroti");
    expect(screen.getByTestId("telegram-token")).toHaveValue("");
  });
});

describe("connecting a webhook", () => {
  it("says where the address and secret are kept and that nothing is sent, then sends both", async () => {
    const user = userEvent.setup();
    mocked.connectWebhook.mockResolvedValue(WEBHOOK);
    await openForm(user, 6);

    const form = screen.getByTestId("webhook-form");
    expect(form).toHaveTextContent("HMAC-SHA256");
    expect(form).toHaveTextContent("keeps both the address and the secret in your computer's password store (keychain)");
    expect(form).toHaveTextContent("Connecting sends nothing");
    expect(screen.getByTestId("webhook-secret")).toHaveAttribute("type", "password");
    expect(screen.getByTestId("webhook-url")).toHaveAttribute("autocomplete", "off");

    await user.type(screen.getByTestId("webhook-url"), " https://hooks.zapier.com/hooks/catch/1/abc ");
    await user.type(screen.getByTestId("webhook-secret"), "s3cret-shared");
    mocked.listAccounts.mockResolvedValue([WEBHOOK]);
    await user.click(screen.getByTestId("webhook-connect"));

    expect(mocked.connectWebhook).toHaveBeenCalledWith({
      channelId: 6,
      url: "https://hooks.zapier.com/hooks/catch/1/abc",
      secret: "s3cret-shared",
    });
    // The host, as it is: a webhook has no @name.
    await waitFor(() => expect(within(accountOf(6)).getByTestId("account-handle")).toHaveTextContent(/^hooks\.zapier\.com$/));
    expect(screen.queryByTestId("webhook-form")).toBeNull();
  });

  it("forgets the address and the secret when the answer is a refusal", async () => {
    const user = userEvent.setup();
    mocked.connectWebhook.mockRejectedValue(refusal("insecure_url", "Jadwal connects to http://x only over HTTPS"));
    await openForm(user, 6);
    await user.type(screen.getByTestId("webhook-url"), "http://hooks.example.com/in");
    await user.type(screen.getByTestId("webhook-secret"), "s3cret");
    await user.click(screen.getByTestId("webhook-connect"));

    expect(await screen.findByTestId("webhook-error")).toHaveTextContent(
      "Jadwal only connects to secure addresses (starting with https://).",
    );
    expect(screen.getByTestId("webhook-url")).toHaveValue("");
    expect(screen.getByTestId("webhook-secret")).toHaveValue("");
    expect(screen.getByTestId("webhook-connect")).toBeDisabled();
  });

  it("closes the form on Cancel without calling anything", async () => {
    const user = userEvent.setup();
    await openForm(user, 6);
    expect(within(accountOf(6)).queryByTestId("connect-account")).toBeNull();
    await user.click(within(screen.getByTestId("webhook-form")).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByTestId("webhook-form")).toBeNull();
    expect(within(accountOf(6)).getByTestId("connect-account")).toBeInTheDocument();
    expect(mocked.connectWebhook).not.toHaveBeenCalled();
  });

  it("asks before disconnecting, in words that fit any network", async () => {
    const user = userEvent.setup();
    mocked.listAccounts.mockResolvedValue([WEBHOOK]);
    openCatalog();
    await waitFor(() => expect(within(accountOf(6)).getByTestId("disconnect-account")).toBeInTheDocument());
    await user.click(within(accountOf(6)).getByTestId("disconnect-account"));
    const confirm = await screen.findByTestId("confirm-dialog");
    expect(confirm).toHaveTextContent("removes its saved login");
    expect(confirm).not.toHaveTextContent("Bluesky");
    await user.click(within(confirm).getByTestId("confirm-yes"));
    await waitFor(() => expect(mocked.disconnectAccount).toHaveBeenCalledWith(6));
  });
});
