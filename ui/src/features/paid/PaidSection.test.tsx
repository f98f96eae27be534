import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { applyLanguage } from "../../i18n";
import type { CampaignDto, CampaignInput, ChannelDto, KpiFigure, PaidDto } from "../../ipc";
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
    createCampaign: vi.fn(),
    updateCampaign: vi.fn(),
    deleteCampaign: vi.fn(),
    createPartner: vi.fn(),
    createCollaboration: vi.fn(),
  };
});

const mocked = vi.mocked(ipc);

const CHANNELS: ChannelDto[] = [{ id: 1, name: "Instagram Toko", network: "instagram", color: "#c13584", automatic: false }];

/** The figures as the engine works them out, so the screen shows what it is given. */
function kpis(c: CampaignInput): KpiFigure[] {
  const ratio = (top: number | null, bottom: number | null) => (top === null || !bottom ? null : top / bottom);
  return [
    { kpi: "cost_per_click", formula: "spend ÷ clicks", value: ratio(c.spend, c.clicks) },
    {
      kpi: "cost_per_mille",
      formula: "spend ÷ impressions × 1,000",
      value: ratio(c.spend === null ? null : c.spend * 1000, c.impressions),
    },
    { kpi: "return_on_ad_spend", formula: "revenue ÷ spend", value: ratio(c.revenue, c.spend) },
  ];
}

function campaignDto(id: number, input: CampaignInput): CampaignDto {
  return { id, ...input, kpis: kpis(input) };
}

const PROMO: CampaignInput = {
  name: "Promo Natal",
  channelId: 1,
  starts: "2026-12-01",
  ends: "2026-12-24",
  budget: 500000,
  spend: 400000,
  impressions: 80000,
  clicks: 0,
  conversions: null,
  revenue: 1200000,
  postIds: [],
};

let paid: PaidDto;
let nextId: number;

beforeEach(() => {
  vi.clearAllMocks();
  nextId = 100;
  paid = { campaigns: [campaignDto(1, PROMO)], partners: [], collaborations: [] };
  mocked.getPaid.mockImplementation(async () => structuredClone(paid));
  mocked.listChannels.mockResolvedValue(CHANNELS);
  mocked.calendarPosts.mockResolvedValue([]);
  mocked.createCampaign.mockImplementation(async (input) => {
    const c = campaignDto(nextId++, input);
    paid.campaigns.push(c);
    return c;
  });
  mocked.updateCampaign.mockImplementation(async (id, input) => {
    const c = campaignDto(id, input);
    paid.campaigns = paid.campaigns.map((x) => (x.id === id ? c : x));
    return c;
  });
  mocked.deleteCampaign.mockImplementation(async (id) => {
    paid.campaigns = paid.campaigns.filter((c) => c.id !== id);
    return null;
  });
  mocked.createPartner.mockImplementation(async (input) => {
    const p = { id: nextId++, ...input, audience: input.audience, engagementRate: input.engagementRate };
    paid.partners.push(p);
    return p;
  });
  mocked.createCollaboration.mockImplementation(async (input) => {
    const k = { id: nextId++, ...input, kpis: [] };
    paid.collaborations.push(k);
    return k;
  });
});

afterEach(async () => {
  cleanup();
  await applyLanguage("en");
});

async function open() {
  renderWithProviders(<PaidSection today="2026-11-23" />);
  expect(await screen.findByTestId("campaign-row")).toHaveTextContent("Promo Natal");
}

function kpiValue(row: HTMLElement, kpi: string) {
  const card = row.querySelector(`[data-kpi="${kpi}"]`);
  if (!(card instanceof HTMLElement)) throw new Error(`no ${kpi} card`);
  return card;
}

describe("Paid and partners", () => {
  it("shows each campaign's CPC, CPM and ROAS with its formula, and a dash where a denominator is zero", async () => {
    await open();
    const row = screen.getByTestId("campaign-row");
    expect(row).toHaveTextContent("2026-12-01 – 2026-12-24 · Instagram Toko");
    expect(kpiValue(row, "cost_per_click")).toHaveTextContent("—");
    expect(kpiValue(row, "cost_per_click")).toHaveTextContent("spend ÷ clicks");
    expect(kpiValue(row, "cost_per_mille")).toHaveTextContent("5,000");
    expect(kpiValue(row, "return_on_ad_spend")).toHaveTextContent("3");
    expect(kpiValue(row, "return_on_ad_spend")).toHaveTextContent("revenue ÷ spend");
  });

  it("refuses a blank name, a backwards period and a negative spend without sending, keeping what was typed", async () => {
    const user = userEvent.setup();
    await open();
    await user.click(screen.getByTestId("campaign-add-open"));
    const form = screen.getByTestId("campaign-form");
    await user.type(within(form).getByTestId("campaign-ends"), "2026-11-01");
    await user.type(within(form).getByTestId("campaign-budget"), "100000");
    await user.type(within(form).getByTestId("campaign-spend"), "-5");
    await user.type(within(form).getByTestId("campaign-clicks"), "2,5");
    await user.click(within(form).getByTestId("campaign-save"));
    const problem = within(form).getByTestId("campaign-problem");
    expect(problem).toHaveTextContent("Give it a name first.");
    expect(problem).toHaveTextContent("The period ends before it starts.");
    expect(problem).toHaveTextContent("Spent: -5 is less than zero.");
    expect(problem).toHaveTextContent("Clicks: 2,5 is not a whole number.");
    expect(within(form).getByTestId("campaign-spend")).toHaveValue("-5");
    expect(mocked.createCampaign).not.toHaveBeenCalled();

    await applyLanguage("id");
    await user.click(within(form).getByTestId("campaign-save"));
    expect(within(form).getByTestId("campaign-problem")).toHaveTextContent("Terpakai: -5 kurang dari nol.");
  });

  it("adds a campaign with unknown figures left empty, edits it, and removes it after asking", async () => {
    const user = userEvent.setup();
    await open();
    await user.click(screen.getByTestId("campaign-add-open"));
    const form = screen.getByTestId("campaign-form");
    await user.type(within(form).getByTestId("campaign-name"), "Boost roti");
    await user.type(within(form).getByTestId("campaign-ends"), "2026-11-30");
    await user.type(within(form).getByTestId("campaign-budget"), "150000");
    await user.type(within(form).getByTestId("campaign-spend"), "99999,5");
    await user.type(within(form).getByTestId("campaign-clicks"), "300");
    await user.click(within(form).getByTestId("campaign-save"));
    expect(mocked.createCampaign).toHaveBeenCalledWith({
      name: "Boost roti",
      channelId: null,
      starts: "2026-11-23",
      ends: "2026-11-30",
      budget: 150000,
      spend: 99999.5,
      impressions: null,
      clicks: 300,
      conversions: null,
      revenue: null,
      postIds: [],
    });
    await waitFor(() => expect(screen.getAllByTestId("campaign-row")).toHaveLength(2));

    const added = screen.getAllByTestId("campaign-row")[1];
    if (!added) throw new Error("no new row");
    await user.click(within(added).getByRole("button", { name: "Edit" }));
    // The row's own form comes first; the add form stays below the list.
    const edit = screen.getAllByTestId("campaign-form")[0] as HTMLElement;
    expect(within(edit).getByTestId("campaign-name")).toHaveValue("Boost roti");
    const revenue = within(edit).getByTestId("campaign-revenue");
    await user.type(revenue, "300000");
    await user.click(within(edit).getByTestId("campaign-save"));
    expect(mocked.updateCampaign).toHaveBeenCalledWith(100, expect.objectContaining({ revenue: 300000, spend: 99999.5 }));
    await waitFor(() =>
      expect(kpiValue(screen.getAllByTestId("campaign-row")[1] as HTMLElement, "return_on_ad_spend")).toHaveTextContent("3"),
    );

    await user.click(screen.getAllByTestId("campaign-remove")[0] as HTMLElement);
    expect(screen.getByTestId("confirm-dialog")).toHaveTextContent("Remove “Promo Natal”?");
    await user.click(screen.getByTestId("confirm-yes"));
    expect(mocked.deleteCampaign).toHaveBeenCalledWith(1);
    await waitFor(() =>
      expect(screen.getAllByTestId("campaign-row").map((r) => r.textContent)).toEqual([expect.stringContaining("Boost roti")]),
    );
  });

  it("adds a partner after an engagement rate over 100 % is fixed, then links them to a campaign", async () => {
    const user = userEvent.setup();
    await open();
    await user.click(screen.getByTestId("partner-add-open"));
    const form = screen.getByTestId("partner-form");
    await user.type(within(form).getByTestId("partner-name"), "Sari Bakes");
    await user.type(within(form).getByTestId("partner-handle"), "@saribakes");
    await user.type(within(form).getByTestId("partner-audience"), "48000");
    await user.type(within(form).getByTestId("partner-engagement"), "140");
    await user.click(within(form).getByTestId("partner-save"));
    expect(within(form).getByTestId("partner-problem")).toHaveTextContent("Engagement rate (%): 140 is over 100%.");
    expect(mocked.createPartner).not.toHaveBeenCalled();
    await user.clear(within(form).getByTestId("partner-engagement"));
    await user.type(within(form).getByTestId("partner-engagement"), "4,5");
    await user.click(within(form).getByTestId("partner-save"));
    expect(mocked.createPartner).toHaveBeenCalledWith({
      name: "Sari Bakes",
      network: "instagram",
      handle: "@saribakes",
      audience: 48000,
      engagementRate: 4.5,
      rate: null,
      notes: "",
    });
    expect(await screen.findByTestId("partner-row")).toHaveTextContent("Instagram · @saribakes");

    await user.click(screen.getByTestId("collaboration-add-open"));
    const work = screen.getByTestId("collaboration-form");
    // The partner added after the form was first shown is the one offered.
    expect(within(work).getByTestId("collaboration-partner")).toHaveValue("100");
    await user.type(within(work).getByTestId("collaboration-cost"), "1500000");
    await user.type(within(work).getByTestId("collaboration-reach"), "-1");
    await user.click(within(work).getByTestId("collaboration-save"));
    expect(within(work).getByTestId("collaboration-problem")).toHaveTextContent("Reach: -1 is less than zero.");
    await user.clear(within(work).getByTestId("collaboration-reach"));
    await user.click(within(work).getByTestId("collaboration-save"));
    expect(mocked.createCollaboration).toHaveBeenCalledWith({
      partnerId: 100,
      campaignId: 1,
      reach: null,
      clicks: null,
      conversions: null,
      revenue: null,
      cost: 1500000,
      postIds: [],
    });
    expect(await screen.findByTestId("collaboration-row")).toHaveTextContent("Sari Bakes · Promo Natal");
  });
});
