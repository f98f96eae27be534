import { screen } from "@testing-library/react";

import { i18n } from "../../i18n";
import * as ipc from "../../ipc";
import { renderWithProviders } from "../../test/renderWithProviders";
import { OfflineBanner } from "./OfflineBanner";

vi.mock("../../ipc", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../ipc")>();
  return { ...actual, publishingStatus: vi.fn() };
});

const mocked = vi.mocked(ipc);

describe("OfflineBanner", () => {
  afterEach(async () => {
    await i18n.changeLanguage("en");
  });

  it("stays away while nothing waits for the internet", async () => {
    mocked.publishingStatus.mockResolvedValue({ waitingForInternet: 0, waitingSince: null });
    renderWithProviders(<OfflineBanner timeZone="Asia/Jakarta" />);
    await vi.waitFor(() => expect(mocked.publishingStatus).toHaveBeenCalled());
    expect(screen.queryByTestId("offline-banner")).toBeNull();
  });

  it("says how many posts wait and since when, in the workspace's zone", async () => {
    mocked.publishingStatus.mockResolvedValue({ waitingForInternet: 2, waitingSince: "2026-11-23T02:00:00Z" });
    renderWithProviders(<OfflineBanner timeZone="Asia/Jakarta" />);
    const banner = await screen.findByTestId("offline-banner");
    expect(banner).toHaveAttribute("data-waiting", "2");
    expect(banner).toHaveTextContent("2 posts could not reach their networks");
    // 02:00 UTC is 09:00 in Jakarta.
    expect(banner).toHaveTextContent(/9:00/);
  });

  it("speaks Bahasa Indonesia", async () => {
    await i18n.changeLanguage("id");
    mocked.publishingStatus.mockResolvedValue({ waitingForInternet: 1, waitingSince: null });
    renderWithProviders(<OfflineBanner timeZone="Asia/Jakarta" />);
    expect(await screen.findByTestId("offline-banner")).toHaveTextContent("Menunggu koneksi internet");
  });
});
