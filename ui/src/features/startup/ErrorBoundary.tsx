import { Component, type ErrorInfo, type ReactNode } from "react";

import { i18n } from "../../i18n";

interface State {
  error: Error | null;
}

/**
 * Catches a crash in rendering so the window shows what happened instead of
 * going blank. Bilingual: the crash may have happened before the language
 * was known. The person's work is safe: the editor autosaves.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error("Jadwal crashed while drawing the window", error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const en = i18n.getFixedT("en");
    const id = i18n.getFixedT("id");
    return (
      <main className="startup-error" role="alert" data-testid="crash-screen">
        <div className="startup-error__card">
          <div className="startup-error__mark" aria-hidden="true">
            !
          </div>
          <section lang="en" className="startup-error__lang">
            <h1>{en("crash.title")}</h1>
            <p>{en("crash.body")}</p>
          </section>
          <section lang="id" className="startup-error__lang">
            <h1>{id("crash.title")}</h1>
            <p>{id("crash.body")}</p>
          </section>
          <details className="startup-error__details">
            <summary>
              {en("startup.details")} / {id("startup.details")}
            </summary>
            <code>{error.message}</code>
          </details>
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            {en("crash.reload")} / {id("crash.reload")}
          </button>
        </div>
      </main>
    );
  }
}
