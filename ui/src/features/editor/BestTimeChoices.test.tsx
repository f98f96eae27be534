import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { applyLanguage } from "../../i18n";
import * as ipc from "../../ipc";
import { renderWithProviders } from "../../test/renderWithProviders";
import { ScheduleFields } from "./ScheduleFields";

vi.mock("../../ipc", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../ipc")>();
  return { ...actual, bestTimes: vi.fn() };
});
const mocked = vi.mocked(ipc);

const grid = <T,>(fill: T) => Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => fill));

beforeEach(async () => {
  vi.clearAllMocks();
  await applyLanguage("en");
});
afterEach(cleanup);

function fields(onDate: (d: string) => void, onTime: (t: string) => void, date = "") {
  return renderWithProviders(
    <ScheduleFields
      date={date}
      time=""
      timeZone="Asia/Jakarta"
      today="2026-11-25"
      readOnly={false}
      onDate={onDate}
      onTime={onTime}
      onClear={() => {}}
    />,
  );
}

test("a best time moves the post to the next such weekday and hour", async () => {
  mocked.bestTimes.mockResolvedValue({ cells: grid(null), posts: grid(0), suggestions: [[1, 19], [0, 7]] });
  const onDate = vi.fn();
  const onTime = vi.fn();
  fields(onDate, onTime);
  const choices = await screen.findAllByTestId("best-time-choice");
  expect(choices.map((c) => c.textContent)).toEqual(["Tuesday 19:00", "Monday 07:00"]);
  await userEvent.setup().click(choices[0]!);
  // Wednesday 25 November: the next Tuesday is 1 December.
  expect(onDate).toHaveBeenCalledWith("2026-12-01");
  expect(onTime).toHaveBeenCalledWith("19:00");
});

test("no history, no choices", async () => {
  mocked.bestTimes.mockResolvedValue({ cells: grid(null), posts: grid(0), suggestions: [] });
  fields(vi.fn(), vi.fn());
  // Wait until the answer is in and rendered, so an empty list is judged, not a load.
  await waitFor(() => expect(mocked.bestTimes).toHaveResolved());
  await waitFor(() => expect(screen.getByTestId("editor-time")).toBeInTheDocument());
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(screen.queryByTestId("best-time-choices")).toBeNull();
  expect(screen.queryAllByTestId("best-time-choice")).toHaveLength(0);
});
