import type { Language } from "../../ipc";
import { formatNumber } from "../../i18n/format";

/** KPIs named "…_rate" are percentages; the rest are counts or money. */
export const isPercent = (kpi: string) => kpi.endsWith("_rate");

/** A figure as the dashboard shows it: "—" when unknown, never NaN. */
export function formatMeasure(kpi: string, value: number | null, language: Language): string {
  if (value === null || !Number.isFinite(value)) return "—";
  const rounded = Math.round(value * 100) / 100;
  return isPercent(kpi) ? `${formatNumber(rounded, language)} %` : formatNumber(rounded, language);
}
