import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { applyLanguage } from "../../i18n";
import type { Insights } from "../../ipc";
import * as ipc from "../../ipc";
import { renderWithProviders } from "../../test/renderWithProviders";
import { DashboardDialog } from "./DashboardDialog";

vi.mock("../../ipc", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../ipc")>();
  return { ...actual, insights: vi.fn(), saveReport: vi.fn(), listChannels: vi.fn(), calendarPosts: vi.fn(), recordMetric: vi.fn() };
});

// jsdom has no canvas; the charts' data is checked in chartData.test.ts and
// the drawn charts in the real-window journey. Here a chart is its label.
vi.mock("react-chartjs-2", () => {
  const Stub = (props: { "aria-label"?: string }) => <div role="img" aria-label={props["aria-label"]} />;
  return { Line: Stub, Bar: Stub, Chart: Stub };
});

const mocked = vi.mocked(ipc);

const emptyBest = {
  cells: Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => null)),
  posts: Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0)),
  suggestions: [] as [number, number][],
};

function figures(first: string, last: string): Insights {
  return {
    workspace: "Toko Roti Sari",
    range: { firstDay: first, lastDay: last },
    goals: [
      { goalId: 1, kind: "community", kpi: "followers", target: 1500, actual: 1200, firstDay: first, lastDay: last, channels: ["Bluesky"] },
      { goalId: 2, kind: "leads", kpi: "conversion_rate", target: 2, actual: null, firstDay: first, lastDay: last, channels: [] },
    ],
    channels: [],
    kpis: [
      { kpi: "engagement_rate", formula: "(likes + comments + shares) ÷ followers × 100", value: 4.256 },
      { kpi: "click_through_rate", formula: "clicks ÷ impressions × 100", value: null },
    ],
    topPosts: [],
    bottomPosts: [],
    pillarMix: [],
    bestTimes: { ...emptyBest, suggestions: [[1, 19]] },
    campaigns: [
      {
        name: "Promo Natal",
        channel: "Instagram",
        firstDay: first,
        lastDay: last,
        budget: 500000,
        spend: 400000,
        kpis: [
          { kpi: "cost_per_click", formula: "spend ÷ clicks", value: 2000 },
          { kpi: "cost_per_mille", formula: "spend ÷ impressions × 1,000", value: null },
          { kpi: "return_on_ad_spend", formula: "revenue ÷ spend", value: 3.5 },
        ],
      },
    ],
  };
}

beforeEach(async () => {
  vi.clearAllMocks();
  await applyLanguage("en");
  mocked.insights.mockImplementation(async (first, last) => figures(first, last));
  mocked.saveReport.mockResolvedValue("/home/sari/Documents/report.pdf");
  mocked.listChannels.mockResolvedValue([]);
  mocked.calendarPosts.mockResolvedValue([]);
});
afterEach(cleanup);

function open() {
  return renderWithProviders(
    <DashboardDialog today="2026-11-25" timeZone="Asia/Jakarta" onClose={() => {}} onOpenPost={() => {}} />,
  );
}

test("shows goals against targets, KPIs with formulas, and unknowns as a dash", async () => {
  open();
  const goals = await screen.findByTestId("goal-progress");
  expect(goals.querySelector('[data-goal="1"]')).toHaveTextContent("80 % of the target");
  expect(goals.querySelector('[data-goal="2"]')).toHaveTextContent("Not measured yet");
  const kpis = screen.getByTestId("kpi-grid");
  expect(within(kpis).getByText("4.26 %")).toBeInTheDocument();
  expect(within(kpis).getByText("clicks ÷ impressions × 100")).toBeInTheDocument();
  expect(kpis.querySelector('[data-kpi="click_through_rate"]')).toHaveTextContent("—");
  expect(kpis).not.toHaveTextContent("NaN");
  expect(screen.getByTestId("best-times")).toHaveTextContent("Tuesday 19:00");
  expect(screen.getByRole("img", { name: "Best times to post" })).toBeInTheDocument();
  const campaigns = screen.getByTestId("campaigns");
  expect(campaigns).toHaveTextContent("Promo Natal (Instagram)");
  expect(campaigns).toHaveTextContent("400,000 / 500,000");
  expect(campaigns).toHaveTextContent("3.5");
  expect(mocked.insights).toHaveBeenCalledWith("2026-11-01", "2026-11-30");
});

test("a range choice asks for those days, and a reversed range is refused before asking", async () => {
  const user = userEvent.setup();
  open();
  await screen.findByTestId("goal-progress");
  await user.selectOptions(screen.getByTestId("dashboard-range"), "lastWeek");
  await waitFor(() => expect(mocked.insights).toHaveBeenLastCalledWith("2026-11-16", "2026-11-22"));

  await user.selectOptions(screen.getByTestId("dashboard-range"), "custom");
  const [from, to] = [screen.getByLabelText("From"), screen.getByLabelText("To")];
  await user.clear(to);
  await user.type(to, "2026-10-01");
  expect(await screen.findByTestId("range-error")).toBeInTheDocument();
  expect(screen.getByTestId("save-report-pdf")).toBeDisabled();
  expect(from).toHaveValue("2026-11-01");
});

test("saves the report in the chosen language and says where", async () => {
  const user = userEvent.setup();
  open();
  await screen.findByTestId("goal-progress");
  await user.selectOptions(screen.getByTestId("report-language"), "id");
  await user.click(screen.getByTestId("save-report-pdf"));
  await waitFor(() => expect(mocked.saveReport).toHaveBeenCalledWith("2026-11-01", "2026-11-30", "id", "pdf", "Save the report"));
  expect(await screen.findByText("/home/sari/Documents/report.pdf")).toBeInTheDocument();
});

test("speaks Indonesian with Indonesian numbers", async () => {
  await applyLanguage("id");
  open();
  const kpis = await screen.findByTestId("kpi-grid");
  expect(within(kpis).getByText("4,26 %")).toBeInTheDocument();
  expect(within(kpis).getByText("Tingkat interaksi")).toBeInTheDocument();
  expect(screen.getByTestId("best-times")).toHaveTextContent("Selasa 19:00");
});

test("a typed figure must be a number before anything is sent, then is saved for the account", async () => {
  const user = userEvent.setup();
  mocked.listChannels.mockResolvedValue([
    { id: 7, name: "Instagram", network: "instagram", color: "#c13584", maxCharacters: null } as unknown as ipc.ChannelDto,
  ]);
  mocked.calendarPosts.mockResolvedValue([]);
  mocked.recordMetric.mockImplementation(async (input) => ({
    id: 1,
    channelId: input.channelId,
    postId: null,
    metric: input.metric,
    value: input.value,
    source: "manual",
    takenAt: "2026-11-25T00:00:00Z",
    periodEnd: null,
    recordedAt: "2026-11-25T00:00:00Z",
  }));
  open();
  await screen.findByTestId("goal-progress");
  await user.click(screen.getByTestId("type-figure"));
  await user.selectOptions(await screen.findByTestId("figure-about"), "account:7");
  await user.type(screen.getByTestId("figure-value"), "banyak");
  await user.click(screen.getByTestId("figure-save"));
  expect(await screen.findByTestId("figure-problem")).toHaveTextContent("Type a number");
  expect(mocked.recordMetric).not.toHaveBeenCalled();

  await user.clear(screen.getByTestId("figure-value"));
  await user.type(screen.getByTestId("figure-value"), "1 240");
  await user.click(screen.getByTestId("figure-save"));
  await waitFor(() =>
    expect(mocked.recordMetric).toHaveBeenCalledWith({ channelId: 7, postId: null, metric: "followers", value: 1240, at: "2026-11-25" }),
  );
});
