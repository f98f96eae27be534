import "i18next";

import type en from "./en.json";

// Typed keys: `t("editor.save")` is checked by tsc against en.json.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
  }
}
