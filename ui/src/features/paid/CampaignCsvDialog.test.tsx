import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { applyLanguage } from "../../i18n";
import type { CampaignCsvMappingInput, CampaignCsvPlanDto, CampaignCsvPreviewDto, CampaignDto, ChannelDto, PaidDto } from "../../ipc";
import * as ipc from "../../ipc";
import { renderWithProviders } from "../../test/renderWithProviders";
import { PaidSection } from "./PaidSection";

vi.mock("../../ipc", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../ipc")>();
  return {
    ...actual,
    getPaid: vi.fn(),
    listChannels: vi.fn(),
    calendarPosts: vi.fn(),
    chooseMetricsCsv: vi.fn(),
    previewCampaignCsv: vi.fn(),
    checkCampaignCsv: vi.fn(),
    importCampaignCsv: vi.fn(),
  };
});

const mocked = vi.mocked(ipc);

const CHANNELS: ChannelDto[] = [{ id: 1, name: "Instagram Toko", network: "instagram", color: "#c13584", automatic: false }];

const RAMADAN: CampaignDto = {
  id: 7,
  name: "Ramadan Sale",
  channelId: 1,
  starts: "2026-03-01",
  ends: "2026-03-31",
  budget: 500000,
  spend: 10000,
  impressions: 1000,
  clicks: 10,
  conversions: 1,
  revenue: 20000,
  postIds: [],
  kpis: [],
};

const MAPPING: CampaignCsvMappingInput = {
  columns: [
    { column: 0, field: "starts" },
    { column: 1, field: "name" },
    { column: 2, field: "spend" },
    { column: 3, field: "clicks" },
  ],
  dayFirst: true,
  decimalComma: false,
  createMissing: false,
  channelId: null,
  skipBadRows: false,
};

function plan(over: Partial<CampaignCsvPlanDto> = {}): CampaignCsvPlanDto {
  return {
    applied: false,
    rows: 4,
    updates: [
      {
        campaignId: 7,
        name: "Ramadan Sale",
        created: false,
        rows: [2, 3],
        before: { spend: 10000, impressions: 1000, clicks: 10, conversions: 1, revenue: 20000 },
        after: { spend: 250000, impressions: 1000, clicks: 900, conversions: 1, revenue: 20000 },
        starts: "2026-03-01",
        ends: "2026-03-31",
        budget: 500000,
      },
    ],
    leftOut: [{ name: "Brand Awareness", rows: [4] }],
    badRows: 0,
    problems: [],
    ...over,
  };
}

const PREVIEW: CampaignCsvPreviewDto = {
  separator: ",",
  columns: ["Day", "Campaign name", "Amount spent (IDR)", "Link clicks"].map((header, index) => ({ index, header })),
  rows: [
    ["2026-03-01", "Ramadan Sale", "100000", "400"],
    ["2026-03-02", "ramadan sale", "150000", "500"],
    ["2026-03-02", "Brand Awareness", "50000", "120"],
  ],
  rowCount: 3,
  suggested: MAPPING,
  plan: plan(),
};

let paid: PaidDto;

beforeEach(async () => {
  vi.clearAllMocks();
  await applyLanguage("en");
  paid = { campaigns: [structuredClone(RAMADAN)], partners: [], collaborations: [] };
  mocked.getPaid.mockImplementation(async () => structuredClone(paid));
  mocked.listChannels.mockResolvedValue(CHANNELS);
  mocked.calendarPosts.mockResolvedValue([]);
  mocked.chooseMetricsCsv.mockResolvedValue("/home/toko/ads.csv");
  mocked.previewCampaignCsv.mockResolvedValue(structuredClone(PREVIEW));
});

afterEach(async () => {
  cleanup();
  await applyLanguage("en");
});

async function openDialog() {
  const user = userEvent.setup();
  renderWithProviders(<PaidSection today="2026-03-10" />);
  await user.click(await screen.findByTestId("campaign-csv-open"));
  const dialog = screen.getByTestId("campaign-csv");
  await user.click(within(dialog).getByTestId("campaign-csv-choose"));
  await within(dialog).findByTestId("campaign-csv-plan");
  return { user, dialog };
}

describe("importing campaign results from a CSV file", () => {
  it("previews the suggested mapping, the rows summed, old → new and the campaigns left out, then imports", async () => {
    const { user, dialog } = await openDialog();
    expect(mocked.previewCampaignCsv).toHaveBeenCalledWith("/home/toko/ads.csv");
    expect(within(dialog).getByTestId("campaign-csv-column-1")).toHaveValue("name");
    expect(within(dialog).getByTestId("campaign-csv-column-2")).toHaveValue("spend");
    const row = within(dialog).getByTestId("campaign-csv-plan").querySelector('[data-campaign="Ramadan Sale"]');
    if (!(row instanceof HTMLElement)) throw new Error("no plan row");
    expect(row).toHaveTextContent("rows 2, 3 summed");
    expect(row).toHaveTextContent("10,000 → 250,000");
    expect(row).toHaveTextContent("10 → 900");
    expect(within(dialog).getByTestId("campaign-csv-left-out")).toHaveTextContent("Brand Awareness (rows 4)");
    expect(mocked.checkCampaignCsv).not.toHaveBeenCalled();

    mocked.importCampaignCsv.mockImplementation(async () => {
      paid.campaigns = [{ ...RAMADAN, spend: 250000, clicks: 900 }];
      return plan({ applied: true });
    });
    await user.click(within(dialog).getByTestId("campaign-csv-import"));
    expect(mocked.importCampaignCsv).toHaveBeenCalledWith("/home/toko/ads.csv", MAPPING);
    expect(await within(dialog).findByTestId("campaign-csv-result")).toHaveTextContent("Results imported into 1 campaign.");
    await waitFor(() => expect(screen.getByTestId("campaign-row")).toHaveTextContent("spent 250,000"));
  });

  it("names each bad row and cell in Indonesian, imports nothing, and imports the good rows once bad ones are left out", async () => {
    await applyLanguage("id");
    const bad = plan({
      badRows: 1,
      problems: [{ row: 4, column: "Hasil", code: "not_a_number", value: "dua", message: "row 4: “dua” is not a number" }],
    });
    mocked.previewCampaignCsv.mockResolvedValue({ ...structuredClone(PREVIEW), plan: bad });
    const { user, dialog } = await openDialog();
    expect(within(dialog).getByTestId("campaign-csv-bad-rows")).toHaveTextContent("1 baris bermasalah");
    expect(within(dialog).getByTestId("campaign-csv-problems")).toHaveTextContent("Baris 4: “dua” di Hasil bukan angka.");

    mocked.importCampaignCsv.mockResolvedValueOnce(bad);
    await user.click(within(dialog).getByTestId("campaign-csv-import"));
    const refused = await within(dialog).findByTestId("campaign-csv-result");
    expect(refused).toHaveAttribute("data-applied", "false");
    expect(refused).toHaveTextContent("Tidak ada yang diimpor");

    mocked.checkCampaignCsv.mockResolvedValue(bad);
    mocked.importCampaignCsv.mockResolvedValueOnce({ ...bad, applied: true });
    await user.click(within(dialog).getByTestId("campaign-csv-skip-bad"));
    await user.click(within(dialog).getByTestId("campaign-csv-import"));
    await waitFor(() =>
      expect(mocked.importCampaignCsv).toHaveBeenLastCalledWith("/home/toko/ads.csv", { ...MAPPING, skipBadRows: true }),
    );
    expect(await within(dialog).findByText("Hasil diimpor ke 1 kampanye.")).toBeInTheDocument();
  });

  it("asks again when the campaigns Jadwal does not know are to be added, and stops a mapping without a name", async () => {
    const { user, dialog } = await openDialog();
    const added = plan({
      leftOut: [],
      updates: [
        ...plan().updates,
        {
          campaignId: null,
          name: "Brand Awareness",
          created: true,
          rows: [4],
          before: null,
          after: { spend: 50000, impressions: null, clicks: 120, conversions: null, revenue: null },
          starts: "2026-03-02",
          ends: "2026-03-02",
          budget: 50000,
        },
      ],
    });
    mocked.checkCampaignCsv.mockResolvedValue(added);
    await user.click(within(dialog).getByTestId("campaign-csv-create"));
    await user.selectOptions(within(dialog).getByTestId("campaign-csv-channel"), "1");
    await waitFor(() =>
      expect(mocked.checkCampaignCsv).toHaveBeenLastCalledWith("/home/toko/ads.csv", { ...MAPPING, createMissing: true, channelId: 1 }),
    );
    const created = await within(dialog).findByText((_, el) => el?.getAttribute("data-created") === "true");
    expect(created).toHaveTextContent("Brand Awareness (new)");
    expect(within(dialog).queryByTestId("campaign-csv-left-out")).not.toBeInTheDocument();

    const calls = mocked.checkCampaignCsv.mock.calls.length;
    await user.selectOptions(within(dialog).getByTestId("campaign-csv-column-1"), "");
    expect(within(dialog).getByTestId("campaign-csv-blocker")).toHaveTextContent("Pick the column with the campaign name.");
    expect(within(dialog).getByTestId("campaign-csv-import")).toBeDisabled();
    expect(mocked.checkCampaignCsv).toHaveBeenCalledTimes(calls);
  });
});
