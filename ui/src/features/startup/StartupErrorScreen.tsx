import { i18n } from "../../i18n";
import { errorText } from "../../i18n/errorText";
import type { IpcError, Language } from "../../ipc";

const LANGUAGES: Language[] = ["en", "id"];

/** Where Rust says the data lives: the store's errors carry it as `path`. */
function dataFolderOf(error: IpcError): string | undefined {
  return error.params.path ?? error.params.dataDir;
}

interface StartupErrorScreenProps {
  error: IpcError;
  onRetry: () => void;
  retrying: boolean;
}

/**
 * The whole window when the data file could not be opened. Nothing else is
 * shown: without the data there is no calendar to fall back to. Both
 * languages at once, because the chosen language is stored in that file.
 */
export function StartupErrorScreen({ error, onRetry, retrying }: StartupErrorScreenProps) {
  const folder = dataFolderOf(error);
  return (
    <main className="startup-error" data-testid="startup-error" role="alert">
      <div className="startup-error__card">
        <div className="startup-error__mark" aria-hidden="true">
          !
        </div>
        {LANGUAGES.map((language) => {
          const t = i18n.getFixedT(language);
          return (
            <section key={language} lang={language} className="startup-error__lang">
              <h1>{t("startup.title")}</h1>
              <p className="startup-error__message">{errorText(t, error)}</p>
              <p className="startup-error__hint">{t("startup.hint")}</p>
            </section>
          );
        })}
        {folder ? (
          <div className="startup-error__folder">
            <span>
              <span lang="en">{i18n.getFixedT("en")("startup.folder")}</span> /{" "}
              <span lang="id">{i18n.getFixedT("id")("startup.folder")}</span>
            </span>
            <code data-testid="startup-data-dir">{folder}</code>
          </div>
        ) : null}
        <details className="startup-error__details">
          <summary>
            {i18n.getFixedT("en")("startup.details")} / {i18n.getFixedT("id")("startup.details")}
          </summary>
          <code>
            {error.code}: {error.message}
          </code>
        </details>
        <button type="button" className="button button--primary" onClick={onRetry} disabled={retrying}>
          {i18n.getFixedT("en")("startup.retry")} / {i18n.getFixedT("id")("startup.retry")}
        </button>
      </div>
    </main>
  );
}
