import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import type { PlanGapsDto, StrategyDto } from "../../ipc";
import * as ipc from "../../ipc";
import { renderWithProviders } from "../../test/renderWithProviders";
import { PlanGapsPanel } from "./PlanGapsPanel";

vi.mock("../../ipc", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../ipc")>();
  return { ...actual, planGaps: vi.fn(), listChannels: vi.fn() };
});

const mocked = vi.mocked(ipc);

const PLAN: StrategyDto = {
  swot: [],
  goals: [],
  personas: [],
  pillars: [{ labelId: 7, name: "Education", color: "#3f9d5a", share: 40 }],
  rhythm: [{ channelId: 1, postsPerWeek: 3 }],
};

const GAPS: PlanGapsDto = {
  rhythm: [{ channelId: 1, weekStart: "2026-11-23", planned: 1, wanted: 3, slots: ["2026-11-25T10:00", "2026-11-28T10:00"] }],
  pillars: [{ labelId: 7, target: 40, actual: 0, posts: 0, total: 1 }],
  goals: [
    {
      goal: {
        id: 3,
        kind: "awareness",
        measure: "followers",
        kpi: null,
        target: 500,
        starts: "2026-11-23",
        ends: "2026-11-29",
        channelIds: [1],
      },
      slot: "2026-11-23T09:00",
    },
  ],
  farOffPoints: 10,
};

const RANGE = { from: "2026-11-23", to: "2026-11-30" };

beforeEach(() => {
  vi.clearAllMocks();
  mocked.listChannels.mockResolvedValue([
    { id: 1, name: "Instagram Toko", network: "instagram", color: "#c13584", automatic: false },
  ]);
});

describe("the plan gaps beside the calendar", () => {
  it("names each gap and opens a new draft on the slot's day, time and channel", async () => {
    mocked.planGaps.mockResolvedValue(GAPS);
    const onFill = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<PlanGapsPanel range={RANGE} plan={PLAN} onFill={onFill} onOpenStrategy={() => {}} />);

    const rhythm = await screen.findByTestId("plan-gap-rhythm");
    expect(await within(rhythm).findByText(/Instagram Toko, week of November 23: 1 of 3 posts/)).toBeInTheDocument();
    expect(mocked.planGaps).toHaveBeenCalledWith("2026-11-23", "2026-11-30");
    expect(screen.getByTestId("plan-gap-pillar")).toHaveTextContent("Education: 0% of posts, target 40%");
    expect(screen.getByTestId("plan-gap-pillar")).toHaveTextContent("More than 10 points off, over the 1 posts in view.");
    expect(screen.getByTestId("plan-gap-goal")).toHaveTextContent("Awareness goal (Nov 23, 2026 – Nov 29, 2026) has no posts yet");

    await user.click(within(rhythm).getAllByTestId("plan-slot")[1] as HTMLElement);
    expect(onFill).toHaveBeenCalledWith({ date: "2026-11-28", time: "10:00", channelIds: [1] });
    await user.click(screen.getByTestId("plan-pillar-fill"));
    expect(onFill).toHaveBeenLastCalledWith({ labelIds: [7] });
    await user.click(screen.getByTestId("plan-goal-fill"));
    expect(onFill).toHaveBeenLastCalledWith({ date: "2026-11-23", time: "09:00", channelIds: [1] });
  });

  it("says the view follows the plan when nothing is missing, and stays away without a plan", async () => {
    mocked.planGaps.mockResolvedValue({ rhythm: [], pillars: [], goals: [], farOffPoints: 10 });
    const { unmount } = renderWithProviders(
      <PlanGapsPanel range={RANGE} plan={PLAN} onFill={() => {}} onOpenStrategy={() => {}} />,
    );
    expect(await screen.findByText("This view follows your plan.")).toBeInTheDocument();
    unmount();
    renderWithProviders(
      <PlanGapsPanel range={RANGE} plan={{ ...PLAN, pillars: [], rhythm: [] }} onFill={() => {}} onOpenStrategy={() => {}} />,
    );
    expect(screen.queryByTestId("plan-gaps")).not.toBeInTheDocument();
  });
});
