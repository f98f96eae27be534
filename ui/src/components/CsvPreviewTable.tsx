import { useTranslation } from "react-i18next";

import type { CsvColumnDto } from "../ipc";

export interface CsvChoice {
  value: string;
  label: string;
}

/**
 * The first rows of a CSV file as Jadwal read them, with a choice per
 * column of what it means (a figure, a campaign's spend, …). Cells are
 * rendered as text.
 */
export function CsvPreviewTable({
  columns,
  rows,
  choices,
  noneLabel,
  meaningOf,
  onMeaning,
  ariaLabel,
  testId,
  shownRows = 8,
}: {
  columns: readonly CsvColumnDto[];
  rows: readonly (readonly string[])[];
  choices: readonly CsvChoice[];
  /** The choice for a column that means nothing to the import. */
  noneLabel: string;
  /** The column's meaning, or "" for none. */
  meaningOf: (column: number) => string;
  onMeaning: (column: number, value: string) => void;
  ariaLabel: (header: string) => string;
  testId: string;
  shownRows?: number;
}) {
  const { t } = useTranslation();
  return (
    <div className="csv-import__table">
      <table className="dashboard__table" data-testid={`${testId}-preview`}>
        <caption className="sr-only">{t("csv.previewCaption")}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.index} scope="col">
                <span className="csv-import__header">{c.header}</span>
                <select
                  aria-label={ariaLabel(c.header)}
                  value={meaningOf(c.index)}
                  onChange={(e) => onMeaning(c.index, e.target.value)}
                  data-testid={`${testId}-column-${c.index}`}
                >
                  <option value="">{noneLabel}</option>
                  {choices.map((choice) => (
                    <option key={choice.value} value={choice.value}>
                      {choice.label}
                    </option>
                  ))}
                </select>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, shownRows).map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
