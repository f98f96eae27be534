import { IpcFailure, type PostDto } from "../ipc";

/**
 * What a refused command rejects with, as the real transport does:
 * `mocked.someCommand.mockRejectedValue(refusal("chat_not_found"))`.
 */
export function refusal(code: string, message = `refused: ${code}`, params: Record<string, string> = {}) {
  return new IpcFailure({ code, message, params });
}

/**
 * A promise the test settles when it wants, to look at the screen while a
 * command is still running: `mocked.x.mockReturnValue(call.promise)`, then
 * `call.resolve(value)`.
 */
export function pendingCall<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A whole post as `get_post` answers, scheduled on 23 November; `fields` override. */
export function postDto(fields: Partial<PostDto> & Pick<PostDto, "id">): PostDto {
  return {
    text: "",
    status: "scheduled",
    schedule: { local: "2026-11-23T12:30", utc: "2026-11-23T05:30:00Z", timeZone: "Asia/Jakarta" },
    targets: [],
    labelIds: [],
    editable: true,
    createdAt: "2026-11-20T10:00:00Z",
    updatedAt: "2026-11-20T10:00:00Z",
    onServer: [],
    ...fields,
  };
}
