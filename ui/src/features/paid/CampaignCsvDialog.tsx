import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ChannelSelect } from "../../components/ChannelSelect";
import { CsvCheck, CsvFileChooser, CsvSummary } from "../../components/CsvImportParts";
import { CsvPreviewTable } from "../../components/CsvPreviewTable";
import { CsvProblemList } from "../../components/CsvProblemList";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Modal } from "../../components/Modal";
import { queryKeys } from "../../data/queryKeys";
import { useLanguage } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import {
  checkCampaignCsv,
  chooseMetricsCsv,
  importCampaignCsv,
  previewCampaignCsv,
  type CampaignCsvField,
  type CampaignCsvMappingInput,
  type CampaignCsvPlanDto,
  type CampaignCsvPreviewDto,
} from "../../ipc";
import { CAMPAIGN_CSV_FIELDS, RESULT_KEYS, fieldOf, mappingBlocker, rowList, withField } from "./campaignCsvMapping";

/** What the import will do (or did): per campaign the rows summed and each result old → new. */
function PlanTable({ plan }: { plan: CampaignCsvPlanDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const shown = (v: number | null | undefined) => (v === null || v === undefined ? "—" : formatNumber(v, language));
  if (plan.updates.length === 0) return <p className="field__hint">{t("paid.import.nothingToUpdate")}</p>;
  return (
    <div className="csv-import__table">
      <table className="dashboard__table" data-testid="campaign-csv-plan">
        <thead>
          <tr>
            <th scope="col">{t("paid.import.campaign")}</th>
            <th scope="col">{t("paid.import.rows")}</th>
            {RESULT_KEYS.map((k) => (
              <th key={k} scope="col">
                {t(`paid.import.fields.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {plan.updates.map((u) => (
            <tr key={`${u.campaignId ?? "new"}-${u.name}`} data-campaign={u.name} data-created={u.created}>
              <th scope="row">
                {u.name}
                {u.created ? <span className="plan-list__meta"> ({t("paid.import.isNew")})</span> : null}
              </th>
              <td>{u.rows.length > 1 ? t("paid.import.rowsSummed", { rows: rowList(u.rows) }) : rowList(u.rows)}</td>
              {RESULT_KEYS.map((k) => {
                const after = shown(u.after[k]);
                const before = u.before ? shown(u.before[k]) : null;
                return <td key={k}>{before === null || before === after ? after : `${before} → ${after}`}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * An ad manager's export brought into the campaigns' results with a look
 * first: the first rows, which column means what (suggested, changeable),
 * which campaign each row updates and how each result changes, what to do
 * with campaigns Jadwal does not know, and a message per bad row. Nothing
 * is half imported.
 */
export function CampaignCsvDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [path, setPath] = useState<string | null>(null);
  const [preview, setPreview] = useState<CampaignCsvPreviewDto | null>(null);
  const [mapping, setMapping] = useState<CampaignCsvMappingInput | null>(null);

  const importing = useMutation({
    mutationFn: (m: CampaignCsvMappingInput) => importCampaignCsv(path ?? "", m),
    onSuccess: (done) => {
      if (done.applied) void queryClient.invalidateQueries({ queryKey: queryKeys.paid });
    },
  });
  const choose = useMutation({
    mutationFn: async () => {
      const chosen = await chooseMetricsCsv(t("csv.chooseCsv"));
      if (!chosen) return null;
      return { chosen, read: await previewCampaignCsv(chosen) };
    },
    onSuccess: (result) => {
      if (!result) return;
      setPath(result.chosen);
      setPreview(result.read);
      setMapping(result.read.suggested);
      importing.reset();
    },
  });
  const change = (next: CampaignCsvMappingInput) => {
    setMapping(next);
    importing.reset();
  };
  const blocker = mapping ? mappingBlocker(mapping) : null;
  const check = useQuery({
    queryKey: ["campaign-csv-check", path, mapping],
    queryFn: () => checkCampaignCsv(path ?? "", mapping as CampaignCsvMappingInput),
    enabled: path !== null && mapping !== null && blocker === null && mapping !== preview?.suggested,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  const plan = importing.data ?? (mapping === preview?.suggested ? preview?.plan : check.data);
  const done = importing.data;

  return (
    <Modal title={t("paid.import.title")} onClose={onClose} size="wide" testId="campaign-csv" closeLabel={t("common.close")}>
      <p className="dashboard__hint">{t("paid.import.hint")}</p>
      <CsvFileChooser path={path} onChoose={() => choose.mutate()} pending={choose.isPending} error={choose.error} testId="campaign-csv" />

      {preview && mapping ? (
        <>
          <CsvSummary rowCount={preview.rowCount} separator={preview.separator} testId="campaign-csv-summary" />
          <div className="csv-import__mapping">
            <CsvCheck checked={mapping.dayFirst} onChange={(dayFirst) => change({ ...mapping, dayFirst })} label={t("csv.dayFirst")} />
            <CsvCheck
              checked={mapping.decimalComma}
              onChange={(decimalComma) => change({ ...mapping, decimalComma })}
              label={t("csv.decimalComma")}
              testId="campaign-csv-decimal-comma"
            />
          </div>
          <CsvPreviewTable
            columns={preview.columns}
            rows={preview.rows}
            choices={CAMPAIGN_CSV_FIELDS.map((f) => ({ value: f, label: t(`paid.import.fields.${f}`) }))}
            noneLabel={t("paid.import.notUsed")}
            meaningOf={(column) => fieldOf(mapping, column)}
            onMeaning={(column, value) => change(withField(mapping, column, value as CampaignCsvField | ""))}
            ariaLabel={(column) => t("paid.import.columnHolds", { column })}
            testId="campaign-csv"
          />

          <fieldset className="field" data-testid="campaign-csv-unknown">
            <legend className="field__label">{t("paid.import.unknownTitle")}</legend>
            <label className="field field--check">
              <input
                type="radio"
                name="campaign-csv-unknown"
                checked={!mapping.createMissing}
                onChange={() => change({ ...mapping, createMissing: false })}
                data-testid="campaign-csv-leave-out"
              />
              <span>{t("paid.import.leaveOut")}</span>
            </label>
            <label className="field field--check">
              <input
                type="radio"
                name="campaign-csv-unknown"
                checked={mapping.createMissing}
                onChange={() => change({ ...mapping, createMissing: true })}
                data-testid="campaign-csv-create"
              />
              <span>{t("paid.import.create")}</span>
            </label>
            {mapping.createMissing ? (
              <ChannelSelect
                value={mapping.channelId}
                onChange={(channelId) => change({ ...mapping, channelId })}
                label={t("paid.import.channel")}
                emptyLabel={t("paid.import.noChannel")}
                testId="campaign-csv-channel"
              />
            ) : null}
          </fieldset>

          {blocker ? (
            <p className="notice notice--error" role="status" data-testid="campaign-csv-blocker">
              {t(`paid.import.${blocker}`)}
            </p>
          ) : null}
          <ErrorNotice error={check.error} testId="campaign-csv-check-error" />

          {plan && !blocker ? (
            <section aria-label={t("paid.import.planTitle")} data-testid="campaign-csv-what">
              <h4 className="plan-subtitle">{t("paid.import.planTitle")}</h4>
              <PlanTable plan={plan} />
              {plan.leftOut.length > 0 ? (
                <ul className="csv-import__problems" data-testid="campaign-csv-left-out">
                  {plan.leftOut.map((l) => (
                    <li key={l.name}>{t("paid.import.leftOut", { name: l.name, rows: rowList(l.rows) })}</li>
                  ))}
                </ul>
              ) : null}
              {plan.badRows > 0 && !done ? (
                <p className="notice notice--error" role="status" data-testid="campaign-csv-bad-rows">
                  {t("paid.import.badRows", { count: plan.badRows })}
                </p>
              ) : null}
              {!done ? <CsvProblemList problems={plan.problems} testId="campaign-csv-problems" /> : null}
            </section>
          ) : null}

          <CsvCheck
            checked={mapping.skipBadRows}
            onChange={(skipBadRows) => change({ ...mapping, skipBadRows })}
            label={t("csv.skipBadRows")}
            testId="campaign-csv-skip-bad"
          />
          <button
            type="button"
            className="button button--primary"
            onClick={() => importing.mutate(mapping)}
            disabled={importing.isPending || blocker !== null}
            data-testid="campaign-csv-import"
          >
            {t("paid.import.import")}
          </button>
          <ErrorNotice error={importing.error} testId="campaign-csv-import-error" />
          {done ? (
            <div data-testid="campaign-csv-result" data-applied={done.applied}>
              <p className={done.applied ? "notice notice--success" : "notice notice--error"} role="status">
                {done.applied ? t("paid.import.done", { count: done.updates.length }) : t("paid.import.nothingImported")}
              </p>
              <CsvProblemList problems={done.problems} testId="campaign-csv-result-problems" />
            </div>
          ) : null}
        </>
      ) : null}
    </Modal>
  );
}
