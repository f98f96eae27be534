import { useTranslation } from "react-i18next";

/** Shown while there are no channels yet: nothing can be scheduled without one. */
export function WelcomeBanner({ onAddChannel }: { onAddChannel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="welcome" data-testid="empty-channels">
      <div>
        <p className="welcome__title">{t("welcome.title")}</p>
        <p className="welcome__body">{t("welcome.body")}</p>
      </div>
      <button type="button" className="button button--primary" onClick={onAddChannel} data-testid="welcome-add-channel">
        {t("welcome.addChannel")}
      </button>
    </div>
  );
}
