import type { CampaignCsvField, CampaignCsvMappingInput, CampaignResultsDto } from "../../ipc";

/** Every meaning a column of an ad manager's export can have, in the order the choice lists them. */
export const CAMPAIGN_CSV_FIELDS: readonly CampaignCsvField[] = [
  "name",
  "spend",
  "impressions",
  "clicks",
  "conversions",
  "revenue",
  "starts",
  "ends",
];

const RESULTS: readonly CampaignCsvField[] = ["spend", "impressions", "clicks", "conversions", "revenue"];

/** The results a campaign keeps, in the order the preview shows them. */
export const RESULT_KEYS = ["spend", "impressions", "clicks", "conversions", "revenue"] as const satisfies readonly (keyof CampaignResultsDto)[];

/** What a column means under `mapping`, or "" for nothing. */
export function fieldOf(mapping: CampaignCsvMappingInput, column: number): CampaignCsvField | "" {
  return mapping.columns.find((c) => c.column === column)?.field ?? "";
}

/** `mapping` with `column` meaning `field` (or nothing); a meaning moves off any other column. */
export function withField(mapping: CampaignCsvMappingInput, column: number, field: CampaignCsvField | ""): CampaignCsvMappingInput {
  const others = mapping.columns.filter((c) => c.column !== column && c.field !== field);
  const columns = field ? [...others, { column, field }] : others;
  return { ...mapping, columns: columns.sort((a, b) => a.column - b.column) };
}

/** Why the mapping cannot be checked yet (a key under `paid.import`), or null when it can. */
export function mappingBlocker(mapping: CampaignCsvMappingInput): "needName" | "needResult" | "twice" | "needDates" | null {
  const count = (field: CampaignCsvField) => mapping.columns.filter((c) => c.field === field).length;
  if (count("name") === 0) return "needName";
  if (RESULTS.every((f) => count(f) === 0)) return "needResult";
  if (CAMPAIGN_CSV_FIELDS.some((f) => count(f) > 1)) return "twice";
  if (mapping.createMissing && count("starts") === 0 && count("ends") === 0) return "needDates";
  return null;
}

/** Row numbers as a short list: "2, 3, 4". */
export function rowList(rows: readonly number[]): string {
  return rows.join(", ");
}
