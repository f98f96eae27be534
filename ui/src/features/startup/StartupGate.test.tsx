import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";

import { createQueryClient } from "../../data/queryClient";
import * as ipc from "../../ipc";
import { StartupGate } from "./StartupGate";

vi.mock("../../ipc", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../ipc")>();
  return { ...actual, appState: vi.fn() };
});

describe("when the data cannot be opened", () => {
  it("shows only a bilingual error screen with the folder", async () => {
    vi.mocked(ipc.appState).mockRejectedValue(
      new ipc.IpcFailure({
        code: "store_newer_version",
        message: "made by a newer Jadwal",
        params: { path: "/home/sari/.local/share/jadwal" },
      }),
    );
    render(
      <QueryClientProvider client={createQueryClient()}>
        <StartupGate />
      </QueryClientProvider>,
    );
    const screenEl = await screen.findByTestId("startup-error");
    expect(screenEl).toHaveTextContent("Jadwal could not open your data");
    expect(screenEl).toHaveTextContent("Jadwal tidak dapat membuka data Anda");
    expect(screenEl).toHaveTextContent("Please update Jadwal.");
    expect(screenEl).toHaveTextContent("Silakan perbarui Jadwal.");
    expect(screen.getByTestId("startup-data-dir")).toHaveTextContent("/home/sari/.local/share/jadwal");
    expect(screen.queryByTestId("new-post")).toBeNull();
  });
});
