/**
 * A post's pictures as plain data: what is sent back to Rust when pictures
 * are added, moved or removed. Pure functions, tested without React.
 */
import type { AttachmentDto, AttachmentInput } from "../../ipc";

/** The centre: where the focal point starts. */
export const CENTER = 0.5;

export function toInput(attachment: AttachmentDto): AttachmentInput {
  return { hash: attachment.hash, alt: attachment.alt, focalX: attachment.focalX, focalY: attachment.focalY };
}

/** The post's pictures with `hashes` added at the end; one already on the post stays where it is. */
export function withAdded(current: readonly AttachmentDto[], hashes: readonly string[]): AttachmentInput[] {
  const items = current.map(toInput);
  for (const hash of hashes) {
    if (!items.some((item) => item.hash === hash)) items.push({ hash, alt: "", focalX: CENTER, focalY: CENTER });
  }
  return items;
}

/** The pictures with the one at `index` moved by `delta` places (kept inside the list). */
export function withMoved(current: readonly AttachmentDto[], index: number, delta: number): AttachmentInput[] {
  const items = current.map(toInput);
  const target = Math.min(Math.max(index + delta, 0), items.length - 1);
  const [moved] = items.splice(index, 1);
  if (moved) items.splice(target, 0, moved);
  return items;
}

export function withRemoved(current: readonly AttachmentDto[], hash: string): AttachmentInput[] {
  return current.filter((a) => a.hash !== hash).map(toInput);
}

/** A fraction of a length, kept in 0..1 and rounded (a click is not more precise than that). */
export function fraction(offset: number, length: number): number {
  if (!(length > 0)) return CENTER;
  const value = Math.min(Math.max(offset / length, 0), 1);
  return Math.round(value * 1000) / 1000;
}
