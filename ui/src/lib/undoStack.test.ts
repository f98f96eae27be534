import { applyUndo, UndoStack, type UndoCommands } from "./undoStack";

function fakeCommands() {
  const calls: string[] = [];
  const commands: UndoCommands = {
    reschedulePost: async (id, at) => void calls.push(`reschedule ${id} ${at}`),
    unschedulePost: async (id) => void calls.push(`unschedule ${id}`),
    restorePost: async (id) => void calls.push(`restore ${id}`),
  };
  return { calls, commands };
}

describe("UndoStack", () => {
  it("pops the newest action first", () => {
    const stack = new UndoStack();
    stack.push({ kind: "delete", postId: 1 });
    stack.push({ kind: "delete", postId: 2 });
    expect(stack.pop()?.action).toEqual({ kind: "delete", postId: 2 });
    expect(stack.pop()?.action).toEqual({ kind: "delete", postId: 1 });
    expect(stack.pop()).toBeUndefined();
  });

  it("forgets the oldest beyond its limit", () => {
    const stack = new UndoStack(2);
    stack.push({ kind: "delete", postId: 1 });
    stack.push({ kind: "delete", postId: 2 });
    stack.push({ kind: "delete", postId: 3 });
    expect(stack.size).toBe(2);
    expect(stack.pop()?.action.postId).toBe(3);
    expect(stack.pop()?.action.postId).toBe(2);
    expect(stack.pop()).toBeUndefined();
  });

  it("takes a given entry out of the middle, once", () => {
    const stack = new UndoStack();
    const first = stack.push({ kind: "delete", postId: 1 });
    stack.push({ kind: "delete", postId: 2 });
    expect(stack.take(first.id)?.action.postId).toBe(1);
    expect(stack.take(first.id)).toBeUndefined();
    expect(stack.size).toBe(1);
    expect(stack.peek()?.action.postId).toBe(2);
  });

  it("puts a failed undo back in its place", () => {
    const stack = new UndoStack();
    const first = stack.push({ kind: "delete", postId: 1 });
    stack.push({ kind: "delete", postId: 2 });
    const taken = stack.take(first.id);
    expect(taken).toBeDefined();
    if (taken) stack.restore(taken);
    expect(stack.pop()?.action.postId).toBe(2);
    expect(stack.pop()?.action.postId).toBe(1);
  });
});

describe("applyUndo", () => {
  it("moves a post back to the wall time it came from", async () => {
    const { calls, commands } = fakeCommands();
    await applyUndo({ kind: "move", postId: 7, from: "2026-11-23T09:30", to: "2026-11-25T09:30" }, commands);
    expect(calls).toEqual(["reschedule 7 2026-11-23T09:30"]);
  });

  it("sends a post that came from the tray back to the tray", async () => {
    const { calls, commands } = fakeCommands();
    await applyUndo({ kind: "move", postId: 7, from: null, to: "2026-11-25T09:00" }, commands);
    expect(calls).toEqual(["unschedule 7"]);
  });

  it("puts an unscheduled post back on the calendar", async () => {
    const { calls, commands } = fakeCommands();
    await applyUndo({ kind: "unschedule", postId: 7, from: "2026-11-23T09:30" }, commands);
    expect(calls).toEqual(["reschedule 7 2026-11-23T09:30"]);
  });

  it("restores a deleted post", async () => {
    const { calls, commands } = fakeCommands();
    await applyUndo({ kind: "delete", postId: 7 }, commands);
    expect(calls).toEqual(["restore 7"]);
  });
});
