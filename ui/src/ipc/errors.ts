import type { IpcError } from "./bindings/IpcError";

/**
 * Whatever a command rejected with, as an IpcError. The Rust side always
 * rejects with `{ code, message, params }`, but a bug, a missing command or a
 * webview without Tauri rejects with a string or an Error; those become
 * `internal` so the UI has a single shape to branch on.
 */
export function toIpcError(reason: unknown): IpcError {
  if (isIpcError(reason)) {
    return { code: reason.code, message: reason.message, params: reason.params ?? {} };
  }
  if (reason instanceof Error) {
    return { code: "internal", message: reason.message, params: {} };
  }
  if (typeof reason === "string") {
    return { code: "internal", message: reason, params: {} };
  }
  return { code: "internal", message: String(reason), params: {} };
}

export function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.code === "string" && typeof candidate.message === "string";
}

/** An Error carrying an IpcError, so TanStack Query and React boundaries can hold it. */
export class IpcFailure extends Error {
  readonly ipc: IpcError;

  constructor(ipc: IpcError) {
    super(ipc.message);
    this.name = "IpcFailure";
    this.ipc = ipc;
  }
}

/** The IpcError inside anything a query, a mutation or a command threw. */
export function ipcErrorOf(reason: unknown): IpcError {
  if (reason instanceof IpcFailure) return reason.ipc;
  return toIpcError(reason);
}
