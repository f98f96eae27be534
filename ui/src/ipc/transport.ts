import { invoke } from "@tauri-apps/api/core";

import { IpcFailure, toIpcError } from "./errors";

/**
 * The one place a command is sent. Every rejection becomes an IpcFailure (an
 * Error holding the IpcError) so callers never inspect raw rejections.
 */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw new IpcFailure(toIpcError(reason));
  }
}
