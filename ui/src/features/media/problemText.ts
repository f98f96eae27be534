import type { TFunction } from "i18next";

import { translateOrEmpty } from "../../i18n/errorText";
import type { MediaFixDto, MediaProblemDto, PresetName } from "../../ipc";

/**
 * A picture problem in the reader's language, by its code, naming the
 * network and (for one picture) its position; Rust's English message for a
 * code this window does not know yet.
 */
export function problemText(t: TFunction, problem: MediaProblemDto): string {
  const network = t(`networks.${problem.network}`);
  const sentence = translateOrEmpty(t, `media.problems.${problem.code}`, { network }) || problem.message;
  if (problem.position === null) return sentence;
  return `${t("media.picture", { position: problem.position + 1 })}: ${sentence}`;
}

/** A preset's name under a preview or on a fix button. */
export function presetLabel(t: TFunction, preset: PresetName): string {
  return t(`media.presets.${preset}`);
}

/** What the fix button says. */
export function fixLabel(t: TFunction, fix: MediaFixDto): string {
  switch (fix.kind) {
    case "use_rendition":
      return t("media.fixes.use_rendition", { label: presetLabel(t, fix.preset) });
    case "move_to_new_post":
      return t("media.fixes.move_to_new_post", { keep: fix.keep });
    default:
      return t(`media.fixes.${fix.kind}`);
  }
}
