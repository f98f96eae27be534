import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ChannelSelect } from "../../components/ChannelSelect";
import { CsvCheck, CsvFileChooser, CsvSummary } from "../../components/CsvImportParts";
import { CsvPreviewTable } from "../../components/CsvPreviewTable";
import { CsvProblemList } from "../../components/CsvProblemList";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Modal } from "../../components/Modal";
import {
  chooseMetricsCsv,
  importMetricsCsv,
  previewMetricsCsv,
  type CsvMappingInput,
  type CsvPreviewDto,
  type Metric,
} from "../../ipc";
import { ACCOUNT_METRICS, POST_METRICS } from "./figureChoices";

const IMPORTABLE: readonly Metric[] = [...new Set([...POST_METRICS, ...ACCOUNT_METRICS, "quotes", "bounce_rate"] as Metric[])];

/** Which metric a column holds under `mapping`, or "" for none. */
function metricOf(mapping: CsvMappingInput, column: number): Metric | "" {
  return mapping.metrics.find((m) => m.column === column)?.metric ?? "";
}

function withMetric(mapping: CsvMappingInput, column: number, metric: Metric | ""): CsvMappingInput {
  const others = mapping.metrics.filter((m) => m.column !== column);
  return { ...mapping, metrics: metric ? [...others, { column, metric }].sort((a, b) => a.column - b.column) : others };
}

/**
 * A network's insights export, brought in with a look first: the first rows
 * as Jadwal read them, which column means what (suggested, changeable), and
 * then a message per bad row. Nothing is half imported.
 */
export function CsvImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [path, setPath] = useState<string | null>(null);
  const [preview, setPreview] = useState<CsvPreviewDto | null>(null);
  const [mapping, setMapping] = useState<CsvMappingInput | null>(null);

  const choose = useMutation({
    mutationFn: async () => {
      const chosen = await chooseMetricsCsv(t("csv.chooseCsv"));
      if (!chosen) return null;
      const read = await previewMetricsCsv(chosen, mapping?.channelId ?? null);
      return { chosen, read };
    },
    onSuccess: (result) => {
      if (!result) return;
      setPath(result.chosen);
      setPreview(result.read);
      setMapping(result.read.suggested);
      importing.reset();
    },
  });
  const importing = useMutation({
    mutationFn: (m: CsvMappingInput) => importMetricsCsv(path ?? "", m),
  });
  const result = importing.data;
  const columnOptions = preview?.columns ?? [];

  return (
    <Modal title={t("figures.importTitle")} onClose={onClose} size="wide" testId="csv-import" closeLabel={t("common.close")}>
      <p className="dashboard__hint">{t("figures.importHint")}</p>
      <CsvFileChooser path={path} onChoose={() => choose.mutate()} pending={choose.isPending} error={choose.error} testId="csv" />

      {preview && mapping ? (
        <>
          <CsvSummary rowCount={preview.rowCount} separator={preview.separator} testId="csv-summary" />
          <div className="csv-import__mapping">
            <ChannelSelect
              value={mapping.channelId}
              onChange={(channelId) => setMapping({ ...mapping, channelId })}
              label={t("figures.channel")}
              emptyLabel={t("figures.choose")}
              testId="csv-channel"
            />
            <label className="field">
              <span className="field__label">{t("figures.dateColumn")}</span>
              <select
                value={mapping.dateColumn ?? ""}
                onChange={(e) => setMapping({ ...mapping, dateColumn: e.target.value === "" ? null : Number(e.target.value) })}
                data-testid="csv-date-column"
              >
                <option value="">{t("figures.none")}</option>
                {columnOptions.map((c) => (
                  <option key={c.index} value={c.index}>
                    {c.header}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">{t("figures.postColumn")}</span>
              <select
                value={mapping.postColumn ?? ""}
                onChange={(e) => setMapping({ ...mapping, postColumn: e.target.value === "" ? null : Number(e.target.value) })}
                data-testid="csv-post-column"
              >
                <option value="">{t("figures.accountFigures")}</option>
                {columnOptions.map((c) => (
                  <option key={c.index} value={c.index}>
                    {c.header}
                  </option>
                ))}
              </select>
            </label>
            <CsvCheck checked={mapping.dayFirst} onChange={(dayFirst) => setMapping({ ...mapping, dayFirst })} label={t("csv.dayFirst")} />
            <CsvCheck
              checked={mapping.decimalComma}
              onChange={(decimalComma) => setMapping({ ...mapping, decimalComma })}
              label={t("csv.decimalComma")}
            />
          </div>
          <CsvPreviewTable
            columns={columnOptions}
            rows={preview.rows}
            choices={IMPORTABLE.map((m) => ({ value: m, label: t(`figures.metrics.${m}`) }))}
            noneLabel={t("figures.notAFigure")}
            meaningOf={(column) => metricOf(mapping, column)}
            onMeaning={(column, value) => setMapping(withMetric(mapping, column, value as Metric | ""))}
            ariaLabel={(column) => t("figures.columnHolds", { column })}
            testId="csv"
          />
          <CsvCheck
            checked={mapping.skipBadRows}
            onChange={(skipBadRows) => setMapping({ ...mapping, skipBadRows })}
            label={t("csv.skipBadRows")}
            testId="csv-skip-bad"
          />
          <button
            type="button"
            className="button button--primary"
            onClick={() => importing.mutate(mapping)}
            disabled={importing.isPending}
            data-testid="csv-import-run"
          >
            {t("figures.import")}
          </button>
          <ErrorNotice error={importing.error} testId="csv-import-error" />
          {result ? (
            <div data-testid="csv-result" data-imported={result.imported}>
              <p className={result.imported > 0 ? "notice notice--success" : "notice notice--error"} role="status">
                {result.imported > 0
                  ? t("figures.imported", { count: result.imported, skipped: result.skipped })
                  : t("figures.nothingImported")}
              </p>
              <CsvProblemList problems={result.problems} testId="csv-problems" />
            </div>
          ) : null}
        </>
      ) : null}
    </Modal>
  );
}
