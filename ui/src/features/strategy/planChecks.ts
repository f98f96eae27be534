// Checks on the Strategy screen's forms, run before anything is sent so a
// person sees what to fix at once. The engine checks the same rules again;
// these only save a round trip. Each problem is an i18n key with its values.

export interface Problem {
  key:
    | "strategy.check.targetPositive"
    | "strategy.check.periodNeeded"
    | "strategy.check.endBeforeStart"
    | "strategy.check.shareRange"
    | "strategy.check.sharesOver"
    | "strategy.check.rhythmRange"
    | "strategy.check.textNeeded"
    | "paid.check.nameNeeded"
    | "paid.check.budgetNeeded"
    | "paid.check.notANumber"
    | "paid.check.negative"
    | "paid.check.wholeNumber"
    | "paid.check.percentRange"
    | "paid.check.campaignNeeded"
    | "paid.check.partnerNeeded";
  values?: Record<string, number | string>;
}

export const MAX_POSTS_PER_WEEK = 70;

/** A number as typed (comma or point for decimals), or null. */
export function parseNumber(raw: string): number | null {
  const text = raw.trim().replace(",", ".");
  if (text === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export function goalProblems(form: { target: string; starts: string; ends: string }): Problem[] {
  const problems: Problem[] = [];
  const target = parseNumber(form.target);
  if (target === null || target <= 0) problems.push({ key: "strategy.check.targetPositive" });
  if (!form.starts || !form.ends) problems.push({ key: "strategy.check.periodNeeded" });
  // YYYY-MM-DD strings compare in date order.
  else if (form.ends < form.starts) problems.push({ key: "strategy.check.endBeforeStart" });
  return problems;
}

/** A pillar's share as typed, against the other pillars' total. */
export function shareProblems(raw: string, othersTotal: number): Problem[] {
  const share = parseNumber(raw);
  if (share === null || !Number.isInteger(share) || share < 1 || share > 100) {
    return [{ key: "strategy.check.shareRange" }];
  }
  if (share + othersTotal > 100) {
    return [{ key: "strategy.check.sharesOver", values: { total: share + othersTotal } }];
  }
  return [];
}

export function rhythmProblems(raw: string): Problem[] {
  const n = parseNumber(raw);
  if (n === null || !Number.isInteger(n) || n < 0 || n > MAX_POSTS_PER_WEEK) {
    return [{ key: "strategy.check.rhythmRange" }];
  }
  return [];
}

export function textProblems(raw: string): Problem[] {
  return raw.trim() === "" ? [{ key: "strategy.check.textNeeded" }] : [];
}
