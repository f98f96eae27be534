import type { TFunction } from "i18next";

/** Why the scheduler holds a post, as `needs_decision` says it. */
export type HeldReason = "missed" | "assisted" | "unsure";

/** The reason in plain words; a reason a newer Rust side adds still reads sensibly. */
export function heldReasonText(t: TFunction, reason: string): string {
  switch (reason) {
    case "missed":
      return t("decisions.reasons.missed");
    case "assisted":
      return t("decisions.reasons.assisted");
    case "unsure":
      return t("decisions.reasons.unsure");
    default:
      return t("decisions.reasons.unknown");
  }
}

/**
 * The decisions a reason allows. "Publish now" would send nothing for a post
 * of unknown fate (the person must say whether it arrived) nor for one left
 * to the person's hand (the automatic channels are done), and moving a post
 * of unknown fate would only bring the same question back later.
 */
export function heldChoices(reason: string): { publish: boolean; move: boolean } {
  switch (reason) {
    case "unsure":
      return { publish: false, move: false };
    case "assisted":
      return { publish: false, move: true };
    default:
      return { publish: true, move: true };
  }
}
