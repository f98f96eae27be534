import i18n from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";

import type { Language } from "../ipc";
import en from "./en.json";
import id from "./id.json";

export const LANGUAGES: readonly Language[] = ["en", "id"];

export const resources = {
  en: { translation: en },
  id: { translation: id },
} as const;

/** The Intl locale of a language: US English (weeks start on Sunday), Indonesian. */
export function localeOf(language: Language): string {
  return language === "id" ? "id-ID" : "en-US";
}

/** First day of the week: Sunday in the US, Monday in Indonesia. */
export function firstDayOf(language: Language): 0 | 1 {
  return language === "id" ? 1 : 0;
}

export function isLanguage(value: unknown): value is Language {
  return value === "en" || value === "id";
}

/**
 * What to show before Rust has said which language was chosen (and on the
 * startup error screen, which shows both anyway).
 */
export function guessLanguage(): Language {
  const preferred = typeof navigator === "undefined" ? "" : navigator.language;
  return preferred.toLowerCase().startsWith("id") ? "id" : "en";
}

export function initI18n(language: Language) {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources,
      lng: language,
      fallbackLng: "en",
      supportedLngs: LANGUAGES,
      // React escapes text itself; i18next must not (it would show &lt;).
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
  }
  return i18n;
}

/** Switches every visible string (and <html lang>) to `language`. */
export async function applyLanguage(language: Language) {
  if (typeof document !== "undefined") document.documentElement.lang = language;
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

/** The language the window currently shows. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  const current = instance.resolvedLanguage ?? instance.language;
  return isLanguage(current) ? current : "en";
}

export { i18n };
