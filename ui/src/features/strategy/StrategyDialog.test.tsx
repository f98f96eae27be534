import { act, cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { applyLanguage } from "../../i18n";
import type { ChannelDto, GoalInput, StrategyDto } from "../../ipc";
import * as ipc from "../../ipc";
import { refusal } from "../../test/ipcFixtures";
import { renderWithProviders } from "../../test/renderWithProviders";
import { StrategyDialog } from "./StrategyDialog";

vi.mock("../../ipc", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../ipc")>();
  return {
    ...actual,
    getStrategy: vi.fn(),
    getPaid: vi.fn(),
    listChannels: vi.fn(),
    listLabels: vi.fn(),
    addSwotItem: vi.fn(),
    updateSwotItem: vi.fn(),
    moveSwotItem: vi.fn(),
    deleteSwotItem: vi.fn(),
    createGoal: vi.fn(),
    updateGoal: vi.fn(),
    deleteGoal: vi.fn(),
    createPersona: vi.fn(),
    addPillar: vi.fn(),
    updatePillar: vi.fn(),
    removePillar: vi.fn(),
    setRhythm: vi.fn(),
  };
});

const mocked = vi.mocked(ipc);

const CHANNELS: ChannelDto[] = [
  { id: 1, name: "Instagram Toko", network: "instagram", color: "#c13584", automatic: false },
  { id: 2, name: "Telegram Toko", network: "telegram", color: "#229ed9", automatic: true },
];

let plan: StrategyDto;
let nextId: number;

beforeEach(() => {
  vi.clearAllMocks();
  nextId = 100;
  plan = {
    swot: [{ id: 1, quadrant: "strengths", text: "Fresh bread daily" }],
    goals: [],
    personas: [],
    pillars: [{ labelId: 7, name: "Education", color: "#3f9d5a", share: 60 }],
    rhythm: [{ channelId: 1, postsPerWeek: 3 }],
  };
  mocked.getStrategy.mockImplementation(async () => structuredClone(plan));
  mocked.listChannels.mockResolvedValue(CHANNELS);
  mocked.getPaid.mockResolvedValue({ campaigns: [], partners: [], collaborations: [] });
  mocked.listLabels.mockResolvedValue([]);
  mocked.addSwotItem.mockImplementation(async (input) => {
    const item = { id: nextId++, ...input };
    plan.swot.push(item);
    return item;
  });
  mocked.deleteSwotItem.mockImplementation(async (id) => {
    plan.swot = plan.swot.filter((i) => i.id !== id);
    return null;
  });
  mocked.updateSwotItem.mockImplementation(async (id, text) => {
    const item = plan.swot.find((i) => i.id === id);
    if (!item) throw refusal("not_found");
    item.text = text;
    return item;
  });
  mocked.moveSwotItem.mockImplementation(async (id, index) => {
    const item = plan.swot.find((i) => i.id === id);
    if (!item) throw refusal("not_found");
    const others = plan.swot.filter((i) => i.id !== id);
    const same = others.filter((i) => i.quadrant === item.quadrant);
    same.splice(index, 0, item);
    plan.swot = [...others.filter((i) => i.quadrant !== item.quadrant), ...same];
    return null;
  });
  mocked.createPersona.mockImplementation(async (input) => {
    const persona = { id: nextId++, ...input };
    plan.personas.push(persona);
    return persona;
  });
  mocked.updateGoal.mockImplementation(async (id, input) => {
    const goal = { id, kpi: null, ...input };
    plan.goals = plan.goals.map((g) => (g.id === id ? goal : g));
    return goal;
  });
  mocked.deleteGoal.mockImplementation(async (id) => {
    plan.goals = plan.goals.filter((g) => g.id !== id);
    return null;
  });
  mocked.addPillar.mockImplementation(async (input) => {
    const pillar = { labelId: nextId++, ...input };
    plan.pillars.push(pillar);
    return pillar;
  });
  mocked.removePillar.mockImplementation(async (labelId) => {
    plan.pillars = plan.pillars.filter((p) => p.labelId !== labelId);
    return null;
  });
  mocked.createGoal.mockImplementation(async (input: GoalInput) => {
    const goal = { id: nextId++, kpi: null, ...input };
    plan.goals.push(goal);
    return goal;
  });
  mocked.setRhythm.mockImplementation(async (input) => {
    plan.rhythm = [...plan.rhythm.filter((r) => r.channelId !== input.channelId), input];
    return plan.rhythm;
  });
});

afterEach(async () => {
  cleanup();
  await applyLanguage("en");
});

async function open() {
  renderWithProviders(<StrategyDialog today="2026-11-23" onClose={() => {}} />);
  await screen.findByText("Fresh bread daily");
}

describe("the Strategy screen", () => {
  it("shows the plan in the guides' order", async () => {
    await open();
    const titles = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(titles).toEqual(["1Situation", "2Goals", "3Audiences", "4Content pillars", "5Rhythm", "6Paid and partners"]);
  });

  it("adds, edits and removes a SWOT point, and refuses a blank one without sending it", async () => {
    const user = userEvent.setup();
    await open();
    const threats = screen.getByTestId("swot-threats");
    await user.click(within(threats).getByTestId("swot-add-threats"));
    expect(within(threats).getByTestId("swot-problem-threats")).toHaveTextContent("Write something first.");
    expect(mocked.addSwotItem).not.toHaveBeenCalled();

    await user.type(within(threats).getByTestId("swot-input-threats"), "A chain bakery opens nearby");
    await user.click(within(threats).getByTestId("swot-add-threats"));
    expect(mocked.addSwotItem).toHaveBeenCalledWith({ quadrant: "threats", text: "A chain bakery opens nearby" });
    expect(await within(threats).findByText("A chain bakery opens nearby")).toBeInTheDocument();
    expect(within(threats).getByTestId("swot-input-threats")).toHaveValue("");

    const strengths = screen.getByTestId("swot-strengths");
    await user.click(within(strengths).getByRole("button", { name: "Edit “Fresh bread daily”" }));
    const edit = within(strengths).getByTestId("swot-edit-input");
    await user.clear(edit);
    await user.type(edit, "Fresh bread twice a day");
    await user.click(within(strengths).getByTestId("swot-save"));
    expect(mocked.updateSwotItem).toHaveBeenCalledWith(1, "Fresh bread twice a day");
    expect(await within(strengths).findByText("Fresh bread twice a day")).toBeInTheDocument();

    await user.click(within(threats).getByRole("button", { name: "Remove “A chain bakery opens nearby”" }));
    await waitFor(() => expect(within(threats).queryByText("A chain bakery opens nearby")).not.toBeInTheDocument());
  });

  it("moves a SWOT point up within its list", async () => {
    const user = userEvent.setup();
    plan.swot.push({ id: 2, quadrant: "strengths", text: "Loyal neighbours" });
    await open();
    const strengths = screen.getByTestId("swot-strengths");
    expect(within(strengths).getByRole("button", { name: "Move “Fresh bread daily” up" })).toBeDisabled();
    await user.click(within(strengths).getByRole("button", { name: "Move “Loyal neighbours” up" }));
    expect(mocked.moveSwotItem).toHaveBeenCalledWith(2, 0);
    await waitFor(() =>
      expect(within(strengths).getAllByTestId("swot-item").map((li) => li.textContent)).toEqual([
        expect.stringContaining("Loyal neighbours"),
        expect.stringContaining("Fresh bread daily"),
      ]),
    );
  });

  it("adds a persona with the networks and hours picked, and wants a name first", async () => {
    const user = userEvent.setup();
    await open();
    await user.click(screen.getByTestId("persona-add-open"));
    const form = screen.getByTestId("persona-form");
    await user.click(within(form).getByTestId("persona-save"));
    expect(within(form).getByTestId("persona-problem")).toHaveTextContent("Write something first.");
    await user.type(within(form).getByTestId("persona-name"), "Ibu Rina");
    await user.click(within(form).getByRole("button", { name: "Instagram" }));
    await user.click(within(form).getByRole("button", { name: "20:00" }));
    await user.click(within(form).getByRole("button", { name: "07:00" }));
    await user.click(within(form).getByTestId("persona-save"));
    expect(mocked.createPersona).toHaveBeenCalledWith({
      name: "Ibu Rina",
      demographics: "",
      interests: "",
      behaviour: "",
      networks: ["instagram"],
      activeHours: [7, 20],
    });
    expect(await screen.findByTestId("persona-row")).toHaveTextContent("Instagram · 07–08, 20–21");
  });

  it("edits a goal's target and removes the goal after asking", async () => {
    const user = userEvent.setup();
    plan.goals.push({
      id: 9,
      kind: "awareness",
      measure: "followers",
      kpi: null,
      target: 500,
      starts: "2026-12-01",
      ends: "2026-12-31",
      channelIds: [],
    });
    await open();
    await user.click(await screen.findByTestId("goal-edit"));
    const form = screen.getAllByTestId("goal-form")[0] as HTMLElement;
    const target = within(form).getByTestId("goal-target");
    expect(target).toHaveValue("500");
    await user.clear(target);
    await user.type(target, "800");
    await user.click(within(form).getByTestId("goal-save"));
    expect(mocked.updateGoal).toHaveBeenCalledWith(9, expect.objectContaining({ target: 800, measure: "followers" }));
    expect(await screen.findByTestId("goal-row")).toHaveTextContent("Followers · target 800");

    await user.click(screen.getByTestId("goal-remove"));
    const confirm = await screen.findByRole("alertdialog", { name: "Remove this goal?" });
    await user.click(within(confirm).getByRole("button", { name: "Remove" }));
    expect(mocked.deleteGoal).toHaveBeenCalledWith(9);
    await waitFor(() => expect(screen.queryByTestId("goal-row")).not.toBeInTheDocument());
  });

  it("says when the pillars' shares would pass 100% and keeps what was typed", async () => {
    const user = userEvent.setup();
    await open();
    const pillars = screen.getByTestId("plan-pillars");
    expect(within(pillars).getByTestId("pillar-total")).toHaveTextContent(
      "The pillars share 60% of posts. 40% is not given to a pillar yet.",
    );
    const form = within(pillars).getByTestId("pillar-form");
    await user.type(within(form).getByTestId("pillar-name"), "Product");
    await user.type(within(form).getByTestId("pillar-share-input"), "50");
    await user.click(within(form).getByTestId("pillar-save"));
    expect(within(form).getByTestId("pillar-problem")).toHaveTextContent(
      "With this share the pillars would add up to 110%. Keep the total at 100% or less.",
    );
    expect(mocked.addPillar).not.toHaveBeenCalled();
    expect(within(form).getByTestId("pillar-name")).toHaveValue("Product");

    const share = within(form).getByTestId("pillar-share-input");
    await user.clear(share);
    await user.type(share, "40");
    await user.click(within(form).getByTestId("pillar-save"));
    expect(mocked.addPillar).toHaveBeenCalledWith({ name: "Product", color: expect.any(String), share: 40 });
    expect(await within(pillars).findByText("Product")).toBeInTheDocument();
    expect(within(pillars).getByTestId("pillar-total")).toHaveTextContent("The shares add up to 100%.");

    await user.click(within(pillars).getAllByTestId("pillar-remove")[0] as HTMLElement);
    const confirm = await screen.findByRole("alertdialog", { name: "Stop using “Education” as a pillar?" });
    await user.click(within(confirm).getByRole("button", { name: "Remove" }));
    expect(mocked.removePillar).toHaveBeenCalledWith(7);
    await waitFor(() => expect(within(pillars).queryByText("Education")).not.toBeInTheDocument());
  });

  it("checks a goal's target and period, in Indonesian too, and shows the engine's refusal with the fields kept", async () => {
    const user = userEvent.setup();
    await applyLanguage("id");
    renderWithProviders(<StrategyDialog today="2026-11-23" onClose={() => {}} />);
    const form = await screen.findByTestId("goal-form");
    await user.type(within(form).getByTestId("goal-target"), "0");
    const ends = within(form).getByTestId("goal-ends");
    await user.type(ends, "2026-11-01");
    await user.click(within(form).getByTestId("goal-save"));
    const problem = within(form).getByTestId("goal-problem");
    expect(problem).toHaveTextContent("Target harus berupa angka di atas nol.");
    expect(problem).toHaveTextContent("Periode berakhir sebelum dimulai.");
    expect(mocked.createGoal).not.toHaveBeenCalled();

    await act(() => applyLanguage("en"));
    mocked.createGoal.mockRejectedValueOnce(
      refusal("period_ends_before_start", "", { starts: "2026-11-23", ends: "2026-11-01" }),
    );
    const target = within(form).getByTestId("goal-target");
    await user.clear(target);
    await user.type(target, "4,5");
    // The window's own check passes now; the engine still refuses, and the
    // form shows its words without losing what was typed.
    await user.clear(ends);
    await user.type(ends, "2026-12-31");
    await user.click(within(form).getByTestId("goal-save"));
    expect(await within(form).findByTestId("goal-error")).toHaveTextContent(
      "The period ends (2026-11-01) before it starts (2026-11-23). Pick a later end.",
    );
    expect(target).toHaveValue("4,5");

    await user.click(within(form).getAllByTestId("goal-channel")[1] as HTMLElement);
    await user.click(within(form).getByTestId("goal-save"));
    expect(mocked.createGoal).toHaveBeenLastCalledWith({
      kind: "engagement",
      measure: "engagement_rate",
      target: 4.5,
      starts: "2026-11-23",
      ends: "2026-12-31",
      channelIds: [2],
    });
    const row = await screen.findByTestId("goal-row");
    expect(row).toHaveTextContent("Engagement rate (%) · target 4.5");
    expect(row).toHaveTextContent("Telegram Toko");
  });

  it("sets a channel's rhythm and refuses what is not a weekly count", async () => {
    const user = userEvent.setup();
    await open();
    const rows = await screen.findAllByTestId("rhythm-row");
    const telegram = rows[1] as HTMLElement;
    const input = within(telegram).getByTestId("rhythm-input");
    await user.type(input, "71");
    await user.click(within(telegram).getByTestId("rhythm-set"));
    expect(within(telegram).getByTestId("rhythm-problem")).toHaveTextContent("Use a whole number from 0 to 70");
    expect(mocked.setRhythm).not.toHaveBeenCalled();
    await user.clear(input);
    await user.type(input, "5");
    await user.click(within(telegram).getByTestId("rhythm-set"));
    expect(mocked.setRhythm).toHaveBeenCalledWith({ channelId: 2, postsPerWeek: 5 });
    expect(within(rows[0] as HTMLElement).getByTestId("rhythm-input")).toHaveValue("3");
  });
});
