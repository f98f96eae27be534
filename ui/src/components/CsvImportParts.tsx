import { useTranslation } from "react-i18next";

import { ErrorNotice } from "./ErrorNotice";

/** The button that opens the system's file picker, the file chosen, and why reading it failed. */
export function CsvFileChooser({
  path,
  onChoose,
  pending,
  error,
  testId,
}: {
  path: string | null;
  onChoose: () => void;
  pending: boolean;
  error: unknown;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="button" onClick={onChoose} disabled={pending} data-testid={`${testId}-choose`}>
        {path ? t("csv.chooseAnother") : t("csv.chooseCsv")}
      </button>
      {path ? <p className="csv-import__file">{path}</p> : null}
      <ErrorNotice error={error} testId={`${testId}-choose-error`} />
    </>
  );
}

/** How many rows the file has and what separates its fields. */
export function CsvSummary({ rowCount, separator, testId }: { rowCount: number; separator: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <p className="dashboard__hint" data-testid={testId}>
      {t("csv.readAs", { count: rowCount, separator })}
    </p>
  );
}

/** One yes/no choice about how the file is read or imported. */
export function CsvCheck({
  checked,
  onChange,
  label,
  testId,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  testId?: string;
}) {
  return (
    <label className="field field--check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
      <span>{label}</span>
    </label>
  );
}
