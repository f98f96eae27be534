/**
 * What can be undone, newest last. Kept free of React and of IPC so the rules
 * (what an undo does, how deep the history goes) are tested on their own.
 */
import type { WallTime } from "./wallTime";

export type UndoAction =
  /** A post was moved (drag, or dropped from the tray). `from` null: it came from the tray. */
  | { kind: "move"; postId: number; from: WallTime | null; to: WallTime }
  /** A post was dragged off the calendar back to the tray. */
  | { kind: "unschedule"; postId: number; from: WallTime }
  | { kind: "delete"; postId: number };

/** The commands an undo needs; `src/ipc` provides them, tests provide fakes. */
export interface UndoCommands {
  reschedulePost(id: number, at: WallTime): Promise<unknown>;
  unschedulePost(id: number): Promise<unknown>;
  restorePost(id: number): Promise<unknown>;
}

/** Performs the reverse of `action`. */
export async function applyUndo(action: UndoAction, commands: UndoCommands): Promise<void> {
  switch (action.kind) {
    case "move":
      if (action.from === null) await commands.unschedulePost(action.postId);
      else await commands.reschedulePost(action.postId, action.from);
      return;
    case "unschedule":
      await commands.reschedulePost(action.postId, action.from);
      return;
    case "delete":
      await commands.restorePost(action.postId);
      return;
  }
}

export interface UndoEntry {
  /** Identifies the entry, so a toast's Undo undoes its own action even if newer ones exist. */
  id: number;
  action: UndoAction;
}

export class UndoStack {
  private entries: UndoEntry[] = [];
  private nextId = 1;

  constructor(private readonly limit = 50) {}

  /** Records an action; the oldest are forgotten beyond the limit. */
  push(action: UndoAction): UndoEntry {
    const entry = { id: this.nextId++, action };
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    return entry;
  }

  /** Takes the newest entry off the stack. */
  pop(): UndoEntry | undefined {
    return this.entries.pop();
  }

  /** Takes one given entry off the stack (a toast's Undo); undefined when already undone or forgotten. */
  take(id: number): UndoEntry | undefined {
    const index = this.entries.findIndex((entry) => entry.id === id);
    if (index < 0) return undefined;
    return this.entries.splice(index, 1)[0];
  }

  /** Puts an entry back where it belongs after its undo failed, so it can be tried again. */
  restore(entry: UndoEntry): void {
    const index = this.entries.findIndex((other) => other.id > entry.id);
    if (index < 0) this.entries.push(entry);
    else this.entries.splice(index, 0, entry);
  }

  peek(): UndoEntry | undefined {
    return this.entries[this.entries.length - 1];
  }

  get size(): number {
    return this.entries.length;
  }

  clear(): void {
    this.entries = [];
  }
}
