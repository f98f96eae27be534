import type { AttemptDto } from "../../ipc";

/** Each channel's latest try from a post's publish log (oldest first). */
export function lastAttemptByChannel(attempts: readonly AttemptDto[] | undefined): Map<number, AttemptDto> {
  const last = new Map<number, AttemptDto>();
  for (const attempt of attempts ?? []) last.set(attempt.channelId, attempt);
  return last;
}

/** "A, B and C" in the reader's language. */
export function listOf(names: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(names);
}
