import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { useEffect } from "react";

import * as ipc from "../../ipc";
import { renderWithProviders } from "../../test/renderWithProviders";
import { useUndo } from "./UndoProvider";

vi.mock("../../ipc", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../ipc")>();
  return { ...actual, restorePost: vi.fn(), reschedulePost: vi.fn(), unschedulePost: vi.fn() };
});

const mocked = vi.mocked(ipc);

/** Records two actions as the calendar would, and offers a text field. */
function Recorder() {
  const undo = useUndo();
  useEffect(() => {
    undo.record({ kind: "move", postId: 3, from: "2026-11-23T09:30", to: "2026-11-25T09:30" }, "Moved");
    undo.record({ kind: "delete", postId: 4 }, "Deleted");
  }, [undo]);
  return <textarea data-testid="field" />;
}

beforeEach(() => {
  vi.clearAllMocks();
  mocked.restorePost.mockResolvedValue(null);
  mocked.reschedulePost.mockResolvedValue({} as ipc.SaveOutcomeDto);
});

describe("undo", () => {
  it("undoes the newest action with Ctrl+Z, then the one before", async () => {
    renderWithProviders(<Recorder />);
    await act(async () => {
      fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    });
    await waitFor(() => expect(mocked.restorePost).toHaveBeenCalledWith(4));
    await act(async () => {
      fireEvent.keyDown(document.body, { key: "z", metaKey: true });
    });
    await waitFor(() => expect(mocked.reschedulePost).toHaveBeenCalledWith(3, "2026-11-23T09:30"));
  });

  it("leaves Ctrl+Z in a text field to the text field", async () => {
    renderWithProviders(<Recorder />);
    await act(async () => {
      fireEvent.keyDown(screen.getByTestId("field"), { key: "z", ctrlKey: true });
    });
    expect(mocked.restorePost).not.toHaveBeenCalled();
  });

  it("offers Undo in the toast, for that action", async () => {
    renderWithProviders(<Recorder />);
    const buttons = await screen.findAllByTestId("undo");
    // The first toast belongs to the move, even though a delete came after it.
    await act(async () => {
      fireEvent.click(buttons[0]!);
    });
    await waitFor(() => expect(mocked.reschedulePost).toHaveBeenCalledWith(3, "2026-11-23T09:30"));
    expect(mocked.restorePost).not.toHaveBeenCalled();
  });
});
