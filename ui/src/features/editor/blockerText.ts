import type { TFunction } from "i18next";

import type { Blocker } from "./editorDraft";

/** A reason a button is disabled, as a sentence. */
export function blockerText(t: TFunction, blocker: Blocker): string {
  switch (blocker.kind) {
    case "no_text":
      return t("editor.blockers.noText");
    case "no_channel":
      return t("editor.blockers.noChannel");
    case "over_limit":
      return t("editor.blockers.overLimit", { channels: blocker.channels.join(", ") });
    case "no_date":
      return t("editor.blockers.noDate");
    case "no_time":
      return t("editor.blockers.noTime");
  }
}
