import type { TFunction } from "i18next";
import { useId } from "react";
import { useTranslation } from "react-i18next";

import { errorText } from "../../i18n/errorText";
import { openLink, type PublishResultDto } from "../../ipc";

type Outcome = "all" | "some" | "none" | "noChannels";

function outcomeOf(results: readonly PublishResultDto[]): Outcome {
  if (results.length === 0) return "noChannels";
  const published = results.filter((r) => r.published).length;
  if (published === results.length) return "all";
  return published === 0 ? "none" : "some";
}

/** Only web addresses become links; anything else a server sent stays text. */
function isWebAddress(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** Where "Publish now" went, channel by channel: a partial failure is never shown as a total one. */
export function PublishResults({ results }: { results: readonly PublishResultDto[] }) {
  const { t } = useTranslation();
  // The editor and the "Needs your decision" panel may both show results.
  const titleId = useId();
  const outcome = outcomeOf(results);
  const published = results.filter((r) => r.published).length;
  const summary =
    outcome === "some"
      ? t("editor.results.some", { published, total: results.length })
      : t(`editor.results.${outcome}`);

  return (
    <section className="publish-results" data-testid="publish-results" aria-labelledby={titleId}>
      <h3 id={titleId} className="publish-results__title">
        {t("editor.results.title")}
      </h3>
      <p role="status" data-testid="publish-summary" data-outcome={outcome}>
        {summary}
      </p>
      <ul className="publish-results__list">
        {results.map((result) => (
          <PublishResultRow key={result.channelId} result={result} />
        ))}
      </ul>
      {published > 0 ? <p className="field__hint">{t("editor.results.openHint")}</p> : null}
    </section>
  );
}

function PublishResultRow({ result }: { result: PublishResultDto }) {
  const { t } = useTranslation();
  return (
    <li
      className={`publish-result publish-result--${result.published ? "published" : "refused"}`}
      data-testid="publish-result"
      data-channel-id={result.channelId}
      data-published={String(result.published)}
    >
      <span className="publish-result__channel">{result.channelName}</span>
      <span className="publish-result__outcome">
        <span aria-hidden="true">{result.published ? "✓ " : "! "}</span>
        {result.published ? t("editor.results.published") : t("editor.results.notPublished")}
      </span>
      <span className="publish-result__detail">
        {result.published ? <PublishedLink url={result.url} /> : reasonOf(t, result)}
      </span>
    </li>
  );
}

/** Why a channel refused, in the reader's language; Rust's own words for a code this window does not know. */
export function reasonOf(t: TFunction, result: Pick<PublishResultDto, "code" | "message" | "channelName">): string {
  return errorText(t, {
    code: result.code ?? "internal",
    message: result.message ?? "",
    // The result carries no params; the channel's name is the one some sentences need.
    params: { channel: result.channelName },
  });
}

/** The published post's address: a web address opens in the system's browser, anything else stays text. */
export function PublishedLink({ url }: { url: string | null }) {
  if (!url) return null;
  if (!isWebAddress(url)) {
    return (
      <span className="publish-result__link" data-testid="published-link">
        {url}
      </span>
    );
  }
  return (
    <a
      className="publish-result__link"
      href={url}
      target="_blank"
      rel="noreferrer"
      draggable={false}
      data-testid="published-link"
      // Never inside the app (WebView2 opens an in-app popup for _blank):
      // Rust hands the address to the system's browser.
      onClick={(event) => {
        event.preventDefault();
        void openLink(url).catch(() => undefined);
      }}
      onAuxClick={(event) => event.preventDefault()}
    >
      {url}
    </a>
  );
}
