import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { queryKeys } from "../../data/queryKeys";
import { setStartAtLogin, startAtLogin, type GracePeriod, type SettingsInput } from "../../ipc";

/** Every grace period Rust accepts (a new one fails the type check here), in minutes. */
const GRACE_MINUTES: Record<GracePeriod, number> = { "15m": 15, "1h": 60, "3h": 180, "12h": 720 };

/** The choices, shortest first. */
export const GRACE_PERIODS = (Object.keys(GRACE_MINUTES) as GracePeriod[]).sort(
  (a, b) => GRACE_MINUTES[a] - GRACE_MINUTES[b],
);

const isGracePeriod = (value: string): value is GracePeriod => (GRACE_PERIODS as readonly string[]).includes(value);

interface PublishingSettingsProps {
  keepRunning: boolean;
  gracePeriod: GracePeriod;
  /** Saves a change to the workspace's settings (one field at a time). */
  onChange: (input: SettingsInput) => void;
  disabled: boolean;
}

/**
 * What keeps posts going out: Jadwal running with its window closed, starting
 * at login (the operating system's own setting), and how late a missed post
 * may still go out.
 */
export function PublishingSettings({ keepRunning, gracePeriod, onChange, disabled }: PublishingSettingsProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const graceId = useId();
  const keepHelpId = useId();
  const loginHelpId = useId();
  const graceHelpId = useId();

  const login = useQuery({ queryKey: queryKeys.startAtLogin, queryFn: startAtLogin });
  const changeLogin = useMutation({
    mutationFn: (enabled: boolean) => setStartAtLogin(enabled),
    // Rust answers what the system now reports, which is what is shown.
    onSuccess: (enabled) => queryClient.setQueryData(queryKeys.startAtLogin, enabled),
  });

  const change = (input: Partial<SettingsInput>) => onChange({ language: null, timeZone: null, ...input });

  return (
    <fieldset className="settings__group" data-testid="publishing-settings">
      <legend className="field__label">{t("settings.publishing")}</legend>

      <div className="field">
        <label className="check">
          <input
            type="checkbox"
            checked={keepRunning}
            disabled={disabled}
            aria-describedby={keepHelpId}
            onChange={(event) => change({ keepRunning: event.target.checked })}
            data-testid="keep-running"
          />
          {t("settings.keepRunning")}
        </label>
        <p className="field__hint" id={keepHelpId}>
          {keepRunning ? t("settings.keepRunningHelp") : t("settings.keepRunningOff")}
        </p>
      </div>

      <div className="field">
        <label className="check">
          <input
            type="checkbox"
            checked={login.data ?? false}
            disabled={login.data === undefined || changeLogin.isPending}
            aria-describedby={loginHelpId}
            onChange={(event) => changeLogin.mutate(event.target.checked)}
            data-testid="start-at-login"
          />
          {t("settings.startAtLogin")}
        </label>
        <p className="field__hint" id={loginHelpId}>
          {t("settings.startAtLoginHelp")}
        </p>
        <ErrorNotice error={login.error ?? changeLogin.error} testId="start-at-login-error" />
      </div>

      <div className="field">
        <label htmlFor={graceId} className="field__label">
          {t("settings.grace")}
        </label>
        <select
          id={graceId}
          value={gracePeriod}
          disabled={disabled}
          aria-describedby={graceHelpId}
          onChange={(event) => {
            if (isGracePeriod(event.target.value)) change({ gracePeriod: event.target.value });
          }}
          data-testid="grace-period"
        >
          {GRACE_PERIODS.map((value) => (
            <option key={value} value={value}>
              {t(`settings.graceChoices.${value}`)}
            </option>
          ))}
        </select>
        <p className="field__hint" id={graceHelpId}>
          {t("settings.graceHelp")}
        </p>
      </div>
    </fieldset>
  );
}
