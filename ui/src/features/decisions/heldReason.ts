import type { TFunction } from "i18next";

/** Why the scheduler holds a post, as `needs_decision` says it. */
export type HeldReason = "missed" | "assisted";

/** The reason in plain words; a reason a newer Rust side adds still reads sensibly. */
export function heldReasonText(t: TFunction, reason: string): string {
  switch (reason) {
    case "missed":
      return t("decisions.reasons.missed");
    case "assisted":
      return t("decisions.reasons.assisted");
    default:
      return t("decisions.reasons.unknown");
  }
}
