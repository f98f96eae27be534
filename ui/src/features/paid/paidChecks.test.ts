import { amountProblems, campaignProblems, collaborationProblems, partnerProblems } from "./paidChecks";

const keys = (problems: { key: string }[]) => problems.map((p) => p.key);

describe("paid checks", () => {
  it("leaves empty figures alone and refuses words, negatives and part counts, repeating what was typed", () => {
    const problems = amountProblems([
      { label: "Spent", raw: "", kind: "money" },
      { label: "Revenue", raw: "12,5", kind: "money" },
      { label: "Clicks", raw: "-3", kind: "count" },
      { label: "Impressions", raw: "1,5", kind: "count" },
      { label: "Budget", raw: "lots", kind: "money" },
    ]);
    expect(problems).toEqual([
      { key: "paid.check.negative", values: { field: "Clicks", value: "-3" } },
      { key: "paid.check.wholeNumber", values: { field: "Impressions", value: "1,5" } },
      { key: "paid.check.notANumber", values: { field: "Budget", value: "lots" } },
    ]);
  });

  it("wants a campaign's name, a period that does not end before it starts, and a budget", () => {
    expect(keys(campaignProblems({ name: " ", starts: "2026-12-24", ends: "2026-12-01", budget: "" }, []))).toEqual([
      "paid.check.nameNeeded",
      "strategy.check.endBeforeStart",
      "paid.check.budgetNeeded",
    ]);
    expect(campaignProblems({ name: "Promo", starts: "2026-12-01", ends: "2026-12-01", budget: "0" }, [])).toEqual([]);
    expect(keys(campaignProblems({ name: "Promo", starts: "", ends: "", budget: "0" }, []))).toEqual([
      "strategy.check.periodNeeded",
    ]);
  });

  it("keeps a partner's engagement rate within 0–100 % and a collaboration needs both ends", () => {
    const rate = (raw: string) => ({ label: "Engagement rate (%)", raw, kind: "money" as const });
    expect(partnerProblems("Sari", rate("4,5"), [])).toEqual([]);
    expect(partnerProblems("Sari", rate("140"), [])).toEqual([
      { key: "paid.check.percentRange", values: { field: "Engagement rate (%)", value: "140" } },
    ]);
    expect(keys(partnerProblems("", rate("-1"), []))).toEqual(["paid.check.nameNeeded", "paid.check.negative"]);
    expect(keys(collaborationProblems(null, null, []))).toEqual(["paid.check.partnerNeeded", "paid.check.campaignNeeded"]);
    expect(collaborationProblems(1, 2, [])).toEqual([]);
  });
});
