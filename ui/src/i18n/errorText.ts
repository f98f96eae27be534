import type { TFunction } from "i18next";

import type { IpcError } from "../ipc";

/** `t` for keys built at run time; the typed `t` only takes literal keys. */
type DynamicT = (key: string, options?: Record<string, unknown>) => string;

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? "");
}

/** The text of a key built at run time (a code from Rust), or "" when there is none. */
export function translateOrEmpty(t: TFunction, key: string, params: Record<string, unknown> = {}): string {
  const translate = t as unknown as DynamicT;
  return translate(key, { ...params, defaultValue: "" });
}

/**
 * A sentence for an IpcError in the reader's language: `errors.<code>`, with
 * `params` filled in. An unknown code falls back to the English `message`
 * from Rust. If a param the sentence needs is missing, the
 * `errors.<code>_generic` wording (which needs none) is used, so a person
 * never reads "{{channels}}".
 */
export function errorText(t: TFunction, error: IpcError): string {
  const translate = t as unknown as DynamicT;
  const key = `errors.${error.code}`;
  const template = translate(key, { skipInterpolation: true, defaultValue: "" });
  if (!template) return error.message || translate("errors.internal");

  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(error.params)) {
    if (value !== undefined && value !== "") params[name] = value;
  }
  if (placeholders(template).some((name) => !(name in params))) {
    const generic = translate(`${key}_generic`, { defaultValue: "" });
    return generic || error.message || translate("errors.internal");
  }
  return translate(key, params);
}
