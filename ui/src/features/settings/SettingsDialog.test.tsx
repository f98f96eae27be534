import { useQuery } from "@tanstack/react-query";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { queryKeys } from "../../data/queryKeys";
import { applyLanguage } from "../../i18n";
import type { AppStateDto, SettingsInput } from "../../ipc";
import * as ipc from "../../ipc";
import { renderWithProviders } from "../../test/renderWithProviders";
import { SettingsDialog } from "./SettingsDialog";

vi.mock("../../ipc", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../ipc")>();
  return {
    ...actual,
    appState: vi.fn(),
    updateSettings: vi.fn(),
    listTimeZones: vi.fn(),
    startAtLogin: vi.fn(),
    setStartAtLogin: vi.fn(),
    autoReports: vi.fn(),
  };
});

const mocked = vi.mocked(ipc);

const STATE: AppStateDto = {
  version: "0.1.0",
  dataDir: "/home/sari/.local/share/id.jadwal.app",
  workspaceName: "Toko Roti Sari",
  timeZone: "Asia/Jakarta",
  language: "en",
  nowLocal: "2026-11-23T08:00",
  keepRunning: true,
  gracePeriod: "1h",
};

/** The dialog as the app shows it: fed from the cached app state. */
function Harness() {
  const state = useQuery({ queryKey: queryKeys.appState, queryFn: ipc.appState });
  return state.data ? <SettingsDialog appState={state.data} onClose={() => {}} /> : null;
}

let saved: AppStateDto;
let loginItem: boolean;

beforeEach(() => {
  vi.clearAllMocks();
  saved = { ...STATE };
  loginItem = false;
  mocked.appState.mockImplementation(async () => saved);
  mocked.listTimeZones.mockResolvedValue(["Asia/Jakarta", "Asia/Makassar"]);
  mocked.updateSettings.mockImplementation(async (input: SettingsInput) => {
    saved = {
      ...saved,
      keepRunning: input.keepRunning ?? saved.keepRunning,
      gracePeriod: input.gracePeriod ?? saved.gracePeriod,
      language: input.language ?? saved.language,
    };
    return saved;
  });
  mocked.autoReports.mockResolvedValue({
    settings: { enabled: false, folder: null, weekly: true, monthly: true, language: "en", formats: ["pdf"] },
    lastOutcome: null,
  });
  mocked.startAtLogin.mockImplementation(async () => loginItem);
  mocked.setStartAtLogin.mockImplementation(async (enabled: boolean) => {
    loginItem = enabled;
    return loginItem;
  });
});

afterEach(async () => {
  // Unmount first: a language change re-renders whatever is still shown.
  cleanup();
  await applyLanguage("en");
});

describe("publishing settings", () => {
  it("keeps publishing with the window closed until turned off, and says what closing then does", async () => {
    renderWithProviders(<Harness />);
    const keep = await screen.findByTestId("keep-running");
    expect(keep).toBeChecked();
    expect(screen.getByLabelText("Keep publishing when the window is closed")).toBe(keep);
    expect(screen.getByText(/closing the window leaves Jadwal in the tray/)).toBeInTheDocument();

    await userEvent.click(keep);

    expect(mocked.updateSettings).toHaveBeenCalledWith({ language: null, timeZone: null, keepRunning: false });
    await waitFor(() => expect(screen.getByTestId("keep-running")).not.toBeChecked());
    expect(screen.getByText(/closing the window quits Jadwal/)).toBeInTheDocument();
    expect(mocked.updateSettings).toHaveBeenCalledTimes(1);
  });

  it("offers the four grace periods and saves the one picked", async () => {
    renderWithProviders(<Harness />);
    const grace = await screen.findByLabelText("Posts missed while Jadwal was closed");
    expect(grace).toHaveValue("1h");
    expect(within(grace).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "15 minutes",
      "1 hour",
      "3 hours",
      "12 hours",
    ]);

    await userEvent.selectOptions(grace, "3 hours");

    expect(mocked.updateSettings).toHaveBeenCalledWith({ language: null, timeZone: null, gracePeriod: "3h" });
    await waitFor(() => expect(screen.getByTestId("grace-period")).toHaveValue("3h"));
  });

  it("reads starting at login from the system and changes it there", async () => {
    loginItem = true;
    renderWithProviders(<Harness />);
    const login = await screen.findByLabelText("Start Jadwal when I log in");
    await waitFor(() => expect(login).toBeEnabled());
    expect(login).toBeChecked();

    await userEvent.click(login);

    expect(mocked.setStartAtLogin).toHaveBeenCalledWith(false);
    await waitFor(() => expect(screen.getByTestId("start-at-login")).not.toBeChecked());
    expect(loginItem).toBe(false);
    expect(mocked.updateSettings).not.toHaveBeenCalled();
  });

  it("says so in words when the system refuses, and shows what the system has", async () => {
    mocked.setStartAtLogin.mockRejectedValue(
      new ipc.IpcFailure({ code: "login_item", message: "could not write the login item", params: {} }),
    );
    renderWithProviders(<Harness />);
    const login = await screen.findByTestId("start-at-login");
    await waitFor(() => expect(login).toBeEnabled());

    await userEvent.click(login);

    expect(await screen.findByTestId("start-at-login-error")).toHaveTextContent(
      "Jadwal could not change whether it starts when you log in.",
    );
    expect(screen.getByTestId("start-at-login")).not.toBeChecked();
  });

  it("speaks Indonesian", async () => {
    await applyLanguage("id");
    renderWithProviders(<Harness />);
    expect(await screen.findByLabelText("Tetap menerbitkan saat jendela ditutup")).toBeChecked();
    expect(screen.getByLabelText("Jalankan Jadwal saat saya masuk ke komputer")).toBeInTheDocument();
    expect(screen.getByRole("option", { name: "12 jam" })).toBeInTheDocument();
  });
});
