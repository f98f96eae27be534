import { useMutation } from "@tanstack/react-query";
import { useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { Modal } from "../../components/Modal";
import { useDebouncedValue } from "../../hooks/useDebouncedValue";
import { THUMBNAILS_PER_CALL, useMediaLibrary, useMediaThumbnails } from "../../hooks/useMedia";
import { ImportStatus } from "./ImportStatus";
import { MediaLibraryItem } from "./MediaLibraryItem";
import { useMediaImport } from "./useMediaImport";

interface MediaLibraryDialogProps {
  onClose: () => void;
  /** Attaches the picked pictures to the post; absent when the library is only browsed. */
  onAttach?: (hashes: string[]) => Promise<unknown>;
  /** Already on the post. */
  attachedHashes?: readonly string[];
}

const SEARCH_AFTER_MS = 250;
/** Thumbnails are asked for the pictures on screen only: a page at a time. */
const PAGE = THUMBNAILS_PER_CALL;
const NONE: readonly string[] = [];

/** Every picture imported, searchable by name and alt text, with where each is used; pick some to attach. */
export function MediaLibraryDialog({ onClose, onAttach, attachedHashes = NONE }: MediaLibraryDialogProps) {
  const { t } = useTranslation();
  const searchId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const [search, setSearch] = useState("");
  const query = useDebouncedValue(search, SEARCH_AFTER_MS);
  const library = useMediaLibrary(query);
  const items = useMemo(() => library.data ?? [], [library.data]);
  const [limit, setLimit] = useState(PAGE);
  const shown = useMemo(() => items.slice(0, limit), [items, limit]);
  const thumbnails = useMediaThumbnails(useMemo(() => shown.map((m) => m.hash), [shown]));
  const [picked, setPicked] = useState<string[]>([]);
  // Adding from the library dialog itself puts pictures in the library only.
  const importer = useMediaImport(() => undefined);

  const attach = useMutation({
    mutationFn: (hashes: string[]) => (onAttach ? onAttach(hashes) : Promise.resolve()),
  });

  const toggle = (hash: string) =>
    setPicked((current) => (current.includes(hash) ? current.filter((h) => h !== hash) : [...current, hash]));

  const footer = (
    <>
      <button type="button" className="button" onClick={onClose}>
        {onAttach ? t("common.cancel") : t("common.close")}
      </button>
      {onAttach ? (
        <button
          type="button"
          className="button button--primary"
          disabled={picked.length === 0 || attach.isPending}
          onClick={() => attach.mutate(picked)}
          data-testid="media-library-attach"
        >
          {picked.length > 0 ? t("media.library.attachCount", { amount: picked.length }) : t("media.library.attach")}
        </button>
      ) : null}
    </>
  );

  const trimmed = query.trim();
  return (
    <Modal
      title={t("media.library.title")}
      onClose={onClose}
      testId="media-library"
      size="wide"
      closeLabel={t("common.close")}
      initialFocus={searchRef}
      footer={footer}
    >
      <div className="media-library">
        <div className="media-library__bar">
          <label className="field field--grow" htmlFor={searchId}>
            <span className="field__label">{t("media.library.search")}</span>
            <input
              id={searchId}
              ref={searchRef}
              type="search"
              value={search}
              placeholder={t("media.library.searchPlaceholder")}
              onChange={(event) => setSearch(event.target.value)}
              data-testid="media-library-search"
            />
          </label>
          {onAttach ? null : (
            <button
              type="button"
              className="button"
              disabled={importer.importing}
              onClick={() => importer.start({ kind: "picker" })}
              data-testid="media-library-add"
            >
              {t("media.addFiles")}
            </button>
          )}
        </div>
        {onAttach ? <p className="field__hint">{t("media.library.selectHint")}</p> : null}
        <ImportStatus importer={importer} />
        <ErrorNotice error={library.error ?? attach.error} testId="media-library-error" />
        {library.isPending ? (
          <p className="loading">{t("common.loading")}</p>
        ) : items.length === 0 ? (
          <p className="field__hint" data-testid="media-library-empty">
            {trimmed ? t("media.library.noMatch", { query: trimmed }) : t("media.library.empty")}
          </p>
        ) : (
          <ul className="media-library__grid">
            {shown.map((media) => (
              <MediaLibraryItem
                key={media.hash}
                media={media}
                thumbnail={thumbnails.get(media.hash)}
                selected={onAttach ? picked.includes(media.hash) : null}
                attached={attachedHashes.includes(media.hash)}
                onToggle={() => toggle(media.hash)}
              />
            ))}
          </ul>
        )}
        {items.length > shown.length ? (
          <button type="button" className="button" onClick={() => setLimit((n) => n + PAGE)} data-testid="media-library-more">
            {t("media.library.more", { amount: items.length - shown.length })}
          </button>
        ) : null}
      </div>
    </Modal>
  );
}
