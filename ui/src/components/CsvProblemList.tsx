import { useTranslation } from "react-i18next";

import type { CsvRowProblemDto } from "../ipc";

/** One message per bad cell of a CSV file, naming the row and the column, in the reader's language. */
export function CsvProblemList({ problems, testId }: { problems: readonly CsvRowProblemDto[]; testId: string }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <ul className="csv-import__problems" data-testid={testId}>
      {problems.map((p) => (
        <li key={`${p.row}-${p.column ?? ""}-${p.code}`}>
          {t("csv.rowProblem", {
            row: p.row,
            problem: t(`csv.problems.${p.code}`, { value: p.value, column: p.column ?? "", defaultValue: p.message }),
          })}
        </li>
      ))}
    </ul>
  );
}
