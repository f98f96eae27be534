import { useTranslation } from "react-i18next";

interface HeaderProps {
  workspaceName: string;
  onNewPost: () => void;
  onChannels: () => void;
  onLibrary: () => void;
  onStrategy: () => void;
  onDashboard: () => void;
  onSettings: () => void;
}

export function Header({ workspaceName, onNewPost, onChannels, onLibrary, onStrategy, onDashboard, onSettings }: HeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="app-header__mark" aria-hidden="true">
          J
        </span>
        <h1 className="app-header__name">{t("app.name")}</h1>
        {workspaceName ? <span className="app-header__workspace">{workspaceName}</span> : null}
      </div>
      <div className="app-header__actions">
        <button type="button" className="button button--primary" onClick={onNewPost} data-testid="new-post">
          <span aria-hidden="true">＋</span> {t("app.newPost")}
        </button>
        <button type="button" className="button" onClick={onStrategy} data-testid="strategy-button">
          {t("app.strategy")}
        </button>
        <button type="button" className="button" onClick={onDashboard} data-testid="dashboard-button">
          {t("app.dashboard")}
        </button>
        <button type="button" className="button" onClick={onChannels} data-testid="channels-button">
          {t("app.channels")}
        </button>
        <button type="button" className="button" onClick={onLibrary} data-testid="library-button">
          {t("app.library")}
        </button>
        <button type="button" className="button" onClick={onSettings} data-testid="settings-button">
          <span aria-hidden="true">⚙</span> {t("app.settings")}
        </button>
      </div>
    </header>
  );
}
