import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { Modal } from "../../components/Modal";
import { queryKeys } from "../../data/queryKeys";
import { useTimeZones } from "../../hooks/useTimeZones";
import { applyLanguage, isLanguage, LANGUAGES } from "../../i18n";
import { updateSettings, type AppStateDto, type SettingsInput } from "../../ipc";
import { AutomaticReports } from "./AutomaticReports";
import { PublishingSettings } from "./PublishingSettings";
import { TimeZonePicker } from "./TimeZonePicker";

interface SettingsDialogProps {
  appState: AppStateDto;
  onClose: () => void;
}

/**
 * Language, time zone, what keeps posts going out, automatic reports, and
 * where the data lives.
 * Every change applies at once.
 */
export function SettingsDialog({ appState, onClose }: SettingsDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const zones = useTimeZones();
  const languageId = useId();
  // Shown at once; Rust's answer follows.
  const [language, setLanguage] = useState(appState.language);

  const save = useMutation({
    mutationFn: (input: SettingsInput) => updateSettings(input),
    onSuccess: (next, input) => {
      queryClient.setQueryData(queryKeys.appState, next);
      // A new zone changes every wall time on screen.
      if (input.timeZone != null) void queryClient.invalidateQueries({ queryKey: queryKeys.posts });
    },
    onError: (_, input) => {
      // Put the window back in the language that is actually saved.
      if (input.language != null) {
        setLanguage(appState.language);
        void applyLanguage(appState.language);
      }
    },
  });

  const chooseLanguage = (value: string) => {
    if (!isLanguage(value)) return;
    setLanguage(value);
    void applyLanguage(value);
    save.mutate({ language: value, timeZone: null });
  };

  return (
    <Modal title={t("settings.title")} onClose={onClose} testId="settings" closeLabel={t("common.close")} closeOnBackdrop>
      <div className="settings">
        <div className="field">
          <label htmlFor={languageId} className="field__label">
            {t("settings.language")}
          </label>
          <select
            id={languageId}
            value={language}
            onChange={(event) => chooseLanguage(event.target.value)}
            data-testid="language-select"
          >
            {LANGUAGES.map((value) => (
              <option key={value} value={value} lang={value}>
                {t(`languages.${value}`)}
              </option>
            ))}
          </select>
        </div>

        <div className="field">
          <span className="field__label">{t("settings.timeZone")}</span>
          <p className="field__hint">
            {t("settings.timeZoneCurrent", { zone: appState.timeZone })} {t("settings.timeZoneHelp")}
          </p>
          {zones.isError ? (
            <ErrorNotice error={zones.error} />
          ) : (
            <TimeZonePicker
              zones={zones.data ?? [appState.timeZone]}
              value={appState.timeZone}
              onChange={(zone) => save.mutate({ language: null, timeZone: zone })}
              disabled={save.isPending}
            />
          )}
        </div>

        <PublishingSettings
          // While a change is saved, show it already; Rust's answer follows.
          keepRunning={(save.isPending ? save.variables.keepRunning : null) ?? appState.keepRunning}
          gracePeriod={(save.isPending ? save.variables.gracePeriod : null) ?? appState.gracePeriod}
          onChange={(input) => save.mutate(input)}
          disabled={save.isPending}
        />

        <ErrorNotice error={save.error} testId="settings-error" />

        <AutomaticReports timeZone={appState.timeZone} />

        <div className="field">
          <span className="field__label">{t("settings.dataFolder")}</span>
          <code className="path" data-testid="data-dir">
            {appState.dataDir}
          </code>
          <p className="field__hint">{t("settings.dataFolderHelp")}</p>
        </div>

        <p className="settings__version">{t("settings.version", { version: appState.version })}</p>
      </div>
    </Modal>
  );
}
