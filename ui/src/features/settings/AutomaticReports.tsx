import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { queryKeys } from "../../data/queryKeys";
import { isLanguage, LANGUAGES, useLanguage } from "../../i18n";
import { errorText } from "../../i18n/errorText";
import { formatInstant } from "../../i18n/format";
import {
  autoReports,
  chooseReportFolder,
  openReportFolder,
  setAutoReports,
  type AutoReportOutcome,
  type AutoReportSettings,
  type ReportFormat,
} from "../../ipc";

const FORMATS: readonly ReportFormat[] = ["pdf", "csv"];

interface AutomaticReportsProps {
  /** The workspace's zone, in which the last run's time is shown. */
  timeZone: string;
}

/**
 * Reports saved by themselves at the end of each week or month into a folder
 * the person picks: the switch, the folder, which periods, the language, the
 * formats, and how the last run went. Every change is saved at once; Rust
 * refuses "on" without a folder that is there, and says so.
 */
export function AutomaticReports({ timeZone }: AutomaticReportsProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const languageId = useId();
  const helpId = useId();

  const current = useQuery({ queryKey: queryKeys.autoReports, queryFn: autoReports });
  const save = useMutation({
    mutationFn: (settings: AutoReportSettings) => setAutoReports(settings),
    onSuccess: (next) => queryClient.setQueryData(queryKeys.autoReports, next),
  });
  const pick = useMutation({
    mutationFn: () => chooseReportFolder(t("autoReports.chooseTitle")),
  });
  const open = useMutation({ mutationFn: openReportFolder });

  if (current.isError) return <ErrorNotice error={current.error} testId="auto-reports-error" />;
  if (!current.data) return null;

  // While a change is saved, show it already; Rust's answer follows.
  const settings = (save.isPending ? save.variables : null) ?? current.data.settings;
  const busy = save.isPending || pick.isPending;
  const change = (next: Partial<AutoReportSettings>) => save.mutate({ ...settings, ...next });

  const chooseFolder = async (thenTurnOn: boolean) => {
    save.reset();
    const folder = await pick.mutateAsync().catch(() => null);
    if (folder) change({ folder, ...(thenTurnOn ? { enabled: true } : {}) });
  };

  const toggle = (on: boolean) => {
    // Turning on with no folder yet asks for one first.
    if (on && !settings.folder) void chooseFolder(true);
    else change({ enabled: on });
  };

  const toggleFormat = (format: ReportFormat, on: boolean) =>
    change({ formats: FORMATS.filter((f) => (f === format ? on : settings.formats.includes(f))) });

  const onlyPeriod = Number(settings.weekly) + Number(settings.monthly) === 1;
  const onlyFormat = settings.formats.length === 1;

  return (
    <fieldset className="settings__group" data-testid="auto-reports">
      <legend className="field__label">{t("autoReports.title")}</legend>

      <div className="field">
        <label className="check">
          <input
            type="checkbox"
            checked={settings.enabled}
            disabled={busy}
            aria-describedby={helpId}
            onChange={(event) => toggle(event.target.checked)}
            data-testid="auto-reports-on"
          />
          {t("autoReports.on")}
        </label>
        <p className="field__hint" id={helpId}>
          {t("autoReports.help")}
        </p>
      </div>

      <div className="field">
        <span className="field__label">{t("autoReports.folder")}</span>
        {settings.folder ? (
          <code className="path" data-testid="auto-reports-folder">
            {settings.folder}
          </code>
        ) : (
          <p className="field__hint" data-testid="auto-reports-folder">
            {t("autoReports.noFolder")}
          </p>
        )}
        <div className="settings__actions">
          <button type="button" className="button" disabled={busy} onClick={() => void chooseFolder(false)} data-testid="auto-reports-choose">
            {t("autoReports.chooseFolder")}
          </button>
          {settings.folder && (
            <button type="button" className="button" onClick={() => open.mutate()} data-testid="auto-reports-open">
              {t("autoReports.openFolder")}
            </button>
          )}
        </div>
        <ErrorNotice error={pick.error ?? open.error} testId="auto-reports-folder-error" />
      </div>

      <div className="field">
        <span className="field__label">{t("autoReports.periods")}</span>
        <label className="check">
          <input
            type="checkbox"
            checked={settings.weekly}
            disabled={busy || (settings.weekly && onlyPeriod)}
            onChange={(event) => change({ weekly: event.target.checked })}
            data-testid="auto-reports-weekly"
          />
          {t("autoReports.weekly")}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={settings.monthly}
            disabled={busy || (settings.monthly && onlyPeriod)}
            onChange={(event) => change({ monthly: event.target.checked })}
            data-testid="auto-reports-monthly"
          />
          {t("autoReports.monthly")}
        </label>
      </div>

      <div className="field">
        <label htmlFor={languageId} className="field__label">
          {t("autoReports.language")}
        </label>
        <select
          id={languageId}
          value={settings.language}
          disabled={busy}
          onChange={(event) => {
            if (isLanguage(event.target.value)) change({ language: event.target.value });
          }}
          data-testid="auto-reports-language"
        >
          {LANGUAGES.map((value) => (
            <option key={value} value={value} lang={value}>
              {t(`languages.${value}`)}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <span className="field__label">{t("autoReports.formats")}</span>
        {FORMATS.map((format) => {
          const on = settings.formats.includes(format);
          return (
            <label className="check" key={format}>
              <input
                type="checkbox"
                checked={on}
                disabled={busy || (on && onlyFormat)}
                onChange={(event) => toggleFormat(format, event.target.checked)}
                data-testid={`auto-reports-${format}`}
              />
              {t(`autoReports.format.${format}`)}
            </label>
          );
        })}
      </div>

      <ErrorNotice error={save.error} testId="auto-reports-save-error" />
      {current.data.lastOutcome && <LastOutcome outcome={current.data.lastOutcome} timeZone={timeZone} />}
    </fieldset>
  );
}

/** What the last run wrote, or why it could not (it is tried again). */
function LastOutcome({ outcome, timeZone }: { outcome: AutoReportOutcome; timeZone: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const when = formatInstant(outcome.at, timeZone, language);
  return (
    <div className="field" data-testid="auto-reports-outcome">
      {outcome.written.length > 0 && (
        <>
          <p className="field__hint">{t("autoReports.lastSaved", { when, count: outcome.written.length })}</p>
          <ul className="settings__paths">
            {outcome.written.map((path) => (
              <li key={path}>
                <code className="path">{path}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {outcome.problem && (
        <p className="notice notice--error" role="alert" data-testid="auto-reports-problem">
          {t("autoReports.lastProblem", { when, problem: errorText(t, outcome.problem) })}
        </p>
      )}
    </div>
  );
}
