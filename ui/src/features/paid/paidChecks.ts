// Checks on the "Paid and partners" forms, run before anything is sent so a
// person sees what to fix at once. The engine checks the same rules again.
// A refusal repeats the number as it was typed, and nothing typed is cleared.

import { parseNumber, type Problem } from "../strategy/planChecks";

/** A number field as typed, with the label the form shows for it. */
export interface AmountField {
  label: string;
  raw: string;
  /** Money may have decimals; a count is a whole number. */
  kind: "money" | "count";
}

/** The number typed, `null` when left empty (not known). Call after the checks passed. */
export function optionalAmount(raw: string): number | null {
  return parseNumber(raw);
}

/** Each field that is not a number, negative, or (a count) not whole. Empty is fine: not known. */
export function amountProblems(fields: readonly AmountField[]): Problem[] {
  const problems: Problem[] = [];
  for (const { label, raw, kind } of fields) {
    const typed = raw.trim();
    if (typed === "") continue;
    const value = parseNumber(typed);
    const values = { field: label, value: typed };
    if (value === null) problems.push({ key: "paid.check.notANumber", values });
    else if (value < 0) problems.push({ key: "paid.check.negative", values });
    else if (kind === "count" && !Number.isInteger(value)) problems.push({ key: "paid.check.wholeNumber", values });
  }
  return problems;
}

export interface CampaignFields {
  name: string;
  starts: string;
  ends: string;
  budget: string;
}

export function campaignProblems(form: CampaignFields, amounts: readonly AmountField[]): Problem[] {
  const problems: Problem[] = [];
  if (form.name.trim() === "") problems.push({ key: "paid.check.nameNeeded" });
  if (!form.starts || !form.ends) problems.push({ key: "strategy.check.periodNeeded" });
  // YYYY-MM-DD strings compare in date order.
  else if (form.ends < form.starts) problems.push({ key: "strategy.check.endBeforeStart" });
  if (form.budget.trim() === "") problems.push({ key: "paid.check.budgetNeeded" });
  return [...problems, ...amountProblems(amounts)];
}

export function partnerProblems(name: string, engagementRate: AmountField, amounts: readonly AmountField[]): Problem[] {
  const problems: Problem[] = [];
  if (name.trim() === "") problems.push({ key: "paid.check.nameNeeded" });
  problems.push(...amountProblems([engagementRate, ...amounts]));
  const rate = parseNumber(engagementRate.raw);
  if (rate !== null && rate > 100) {
    problems.push({ key: "paid.check.percentRange", values: { field: engagementRate.label, value: engagementRate.raw.trim() } });
  }
  return problems;
}

export function collaborationProblems(
  partnerId: number | null,
  campaignId: number | null,
  amounts: readonly AmountField[],
): Problem[] {
  const problems: Problem[] = [];
  if (partnerId === null) problems.push({ key: "paid.check.partnerNeeded" });
  if (campaignId === null) problems.push({ key: "paid.check.campaignNeeded" });
  return [...problems, ...amountProblems(amounts)];
}
