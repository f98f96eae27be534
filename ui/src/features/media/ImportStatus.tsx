import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { errorText } from "../../i18n/errorText";
import type { MediaImporter } from "./useMediaImport";

/** How adding files goes: a progress bar while it runs, then what was added and each file refused (naming it). */
export function ImportStatus({ importer }: { importer: MediaImporter }) {
  const { t } = useTranslation();
  const { importing, progress, results, error } = importer;
  if (importing) {
    return (
      <div className="media-import" role="status" data-testid="media-import-progress">
        <progress className="media-import__bar" value={progress?.done ?? 0} max={progress?.total ?? 1} />
        <span>{progress ? t("media.importing", { done: progress.done, total: progress.total }) : t("media.importingStart")}</span>
      </div>
    );
  }
  if (!results && !error) return null;
  const added = results?.filter((r) => r.media && !r.alreadyInLibrary).length ?? 0;
  const known = results?.filter((r) => r.media && r.alreadyInLibrary).length ?? 0;
  const refused = results?.filter((r) => r.error) ?? [];
  return (
    <div className="media-import" data-testid="media-import-results">
      <div className="media-import__summary">
        {added > 0 ? <p>{t("media.imported", { amount: added })}</p> : null}
        {known > 0 ? <p className="field__hint">{t("media.alreadyInLibrary", { amount: known })}</p> : null}
        <button type="button" className="button button--small" onClick={importer.clear}>
          {t("common.dismiss")}
        </button>
      </div>
      {refused.length > 0 ? (
        <div className="notice notice--error" role="alert">
          <span aria-hidden="true" className="notice__icon">
            !
          </span>
          <div>
            <p>{t("media.importFailed")}</p>
            <ul className="media-import__failures">
              {refused.map((result, index) => (
                <li key={`${result.file}|${index}`} data-testid="media-import-error" data-file={result.file}>
                  {result.error ? errorText(t, result.error) : result.file}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <ErrorNotice error={error} testId="media-error" />
    </div>
  );
}
