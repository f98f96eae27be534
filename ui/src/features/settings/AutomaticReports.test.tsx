import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { applyLanguage } from "../../i18n";
import type { AutoReportSettings, AutoReportsDto } from "../../ipc";
import * as ipc from "../../ipc";
import { renderWithProviders } from "../../test/renderWithProviders";
import { AutomaticReports } from "./AutomaticReports";

vi.mock("../../ipc", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../ipc")>();
  return {
    ...actual,
    autoReports: vi.fn(),
    setAutoReports: vi.fn(),
    chooseReportFolder: vi.fn(),
    openReportFolder: vi.fn(),
  };
});

const mocked = vi.mocked(ipc);

const OFF: AutoReportsDto = {
  settings: { enabled: false, folder: null, weekly: true, monthly: true, language: "en", formats: ["pdf"] },
  lastOutcome: null,
};

/** What Rust holds: every save is answered with it, as the real command does. */
let saved: AutoReportsDto;

beforeEach(() => {
  vi.clearAllMocks();
  saved = structuredClone(OFF);
  mocked.autoReports.mockImplementation(async () => saved);
  mocked.setAutoReports.mockImplementation(async (settings: AutoReportSettings) => {
    saved = { ...saved, settings };
    return saved;
  });
  mocked.openReportFolder.mockResolvedValue(null);
});

afterEach(async () => {
  cleanup();
  await applyLanguage("en");
});

const section = () => renderWithProviders(<AutomaticReports timeZone="Asia/Jakarta" />);

describe("automatic reports", () => {
  it("asks for a folder when turned on without one, then saves both", async () => {
    mocked.chooseReportFolder.mockResolvedValue("/home/sari/Laporan");
    section();
    const on = await screen.findByTestId("auto-reports-on");
    expect(on).not.toBeChecked();
    expect(screen.getByTestId("auto-reports-folder")).toHaveTextContent("No folder chosen yet.");

    await userEvent.click(on);
    await waitFor(() => expect(mocked.setAutoReports).toHaveBeenCalledTimes(1));
    expect(mocked.chooseReportFolder).toHaveBeenCalledWith("Folder for automatic reports");
    expect(mocked.setAutoReports).toHaveBeenCalledWith({ ...OFF.settings, enabled: true, folder: "/home/sari/Laporan" });
    await waitFor(() => expect(screen.getByTestId("auto-reports-on")).toBeChecked());
    expect(screen.getByTestId("auto-reports-folder")).toHaveTextContent("/home/sari/Laporan");
  });

  it("stays off and saves nothing when the folder picker is closed", async () => {
    mocked.chooseReportFolder.mockResolvedValue(null);
    section();
    await userEvent.click(await screen.findByTestId("auto-reports-on"));
    await waitFor(() => expect(mocked.chooseReportFolder).toHaveBeenCalled());
    expect(mocked.setAutoReports).not.toHaveBeenCalled();
    expect(screen.getByTestId("auto-reports-on")).not.toBeChecked();
  });

  it("saves each choice at once and never leaves no period or no format", async () => {
    saved.settings = { ...saved.settings, enabled: true, folder: "/srv/reports" };
    section();
    const pdf = await screen.findByTestId("auto-reports-pdf");
    expect(pdf).toBeChecked();
    expect(pdf).toBeDisabled();

    await userEvent.click(screen.getByTestId("auto-reports-csv"));
    await waitFor(() =>
      expect(mocked.setAutoReports).toHaveBeenLastCalledWith(expect.objectContaining({ formats: ["pdf", "csv"] })),
    );
    await waitFor(() => expect(screen.getByTestId("auto-reports-pdf")).toBeEnabled());

    await userEvent.click(screen.getByTestId("auto-reports-monthly"));
    await waitFor(() =>
      expect(mocked.setAutoReports).toHaveBeenLastCalledWith(expect.objectContaining({ weekly: true, monthly: false })),
    );
    await waitFor(() => expect(screen.getByTestId("auto-reports-weekly")).toBeDisabled());

    await userEvent.selectOptions(screen.getByTestId("auto-reports-language"), "id");
    await waitFor(() =>
      expect(mocked.setAutoReports).toHaveBeenLastCalledWith(expect.objectContaining({ language: "id" })),
    );
  });

  it("shows the files last written and opens their folder", async () => {
    saved = {
      settings: { ...OFF.settings, enabled: true, folder: "/srv/reports" },
      lastOutcome: {
        at: "2026-11-23T02:30:00Z",
        written: ["/srv/reports/Toko 2026-11-16 to 2026-11-22.pdf", "/srv/reports/Toko 2026-10-01 to 2026-10-31.pdf"],
        problem: null,
      },
    };
    section();
    const outcome = await screen.findByTestId("auto-reports-outcome");
    expect(outcome).toHaveTextContent("Last saved Nov 23, 2026, 9:30 AM (2 files):");
    expect(within(outcome).getByText("/srv/reports/Toko 2026-11-16 to 2026-11-22.pdf")).toBeInTheDocument();
    await userEvent.click(screen.getByTestId("auto-reports-open"));
    await waitFor(() => expect(mocked.openReportFolder).toHaveBeenCalledTimes(1));
  });

  it("says in the reader's language why the last report could not be saved", async () => {
    saved = {
      settings: { ...OFF.settings, enabled: true, folder: "/media/usb/Laporan" },
      lastOutcome: {
        at: "2026-11-23T02:30:00Z",
        written: [],
        problem: {
          code: "report_folder_missing",
          message: "The folder /media/usb/Laporan for automatic reports is not there",
          params: { path: "/media/usb/Laporan" },
        },
      },
    };
    section();
    const problem = await screen.findByTestId("auto-reports-problem");
    expect(problem).toHaveTextContent("The folder /media/usb/Laporan is not there: a drive may be unplugged");
    expect(problem).toHaveTextContent("Jadwal tries again within the hour.");

    await applyLanguage("id");
    await waitFor(() =>
      expect(screen.getByTestId("auto-reports-problem")).toHaveTextContent(
        "Folder /media/usb/Laporan tidak ada: mungkin drive-nya dicabut",
      ),
    );
    expect(screen.getByTestId("auto-reports-problem")).toHaveTextContent("Jadwal mencoba lagi dalam satu jam.");
    expect(screen.getByTestId("auto-reports-choose")).toHaveTextContent("Pilih folder…");
  });

  it("shows Rust's refusal and the switch as it really is", async () => {
    saved.settings = { ...saved.settings, folder: "/media/usb/Laporan" };
    mocked.setAutoReports.mockRejectedValue(
      new ipc.IpcFailure({
        code: "report_folder_missing",
        message: "the folder is not there",
        params: { path: "/media/usb/Laporan" },
      }),
    );
    section();
    await userEvent.click(await screen.findByTestId("auto-reports-on"));
    expect(await screen.findByTestId("auto-reports-save-error")).toHaveTextContent(
      "The folder /media/usb/Laporan is not there",
    );
    expect(screen.getByTestId("auto-reports-on")).not.toBeChecked();
  });
});
