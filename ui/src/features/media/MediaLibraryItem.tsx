import { useTranslation } from "react-i18next";

import type { MediaDto } from "../../ipc";

interface MediaLibraryItemProps {
  media: MediaDto;
  thumbnail: string | undefined;
  /** Null when the library is only browsed (nothing to attach to). */
  selected: boolean | null;
  /** Already on the post: shown, not offered again. */
  attached: boolean;
  onToggle: () => void;
}

const USES_SHOWN = 3;

/** One picture in the library: its thumbnail, name, size and the posts it is used in. */
export function MediaLibraryItem({ media, thumbnail, selected, attached, onToggle }: MediaLibraryItemProps) {
  const { t } = useTranslation();
  const picture = (
    <>
      {thumbnail ? <img className="library-item__image" src={thumbnail} alt="" draggable={false} /> : <span className="library-item__image" />}
      <span className="library-item__name">{media.originalName}</span>
      <span className="field__hint">
        {media.width}×{media.height}
        {media.animated ? ` · ${t("media.library.animated")}` : ""}
      </span>
    </>
  );
  return (
    <li
      className="library-item"
      data-testid="media-library-item"
      data-hash={media.hash}
      data-selected={selected === null ? undefined : String(selected || attached)}
    >
      {selected === null ? (
        <div className="library-item__picture">{picture}</div>
      ) : (
        <button
          type="button"
          className={selected || attached ? "library-item__picture library-item__picture--on" : "library-item__picture"}
          aria-pressed={selected || attached}
          disabled={attached}
          onClick={onToggle}
          data-testid="media-library-select"
        >
          {picture}
          {selected || attached ? (
            <span className="library-item__check" aria-hidden="true">
              ✓
            </span>
          ) : null}
        </button>
      )}
      <div className="library-item__uses">
        {media.usedBy.length === 0 ? (
          <span className="field__hint">{t("media.library.unused")}</span>
        ) : (
          <>
            <span className="field__hint">{t("media.library.usedBy")}</span>
            <ul>
              {media.usedBy.slice(0, USES_SHOWN).map((use) => (
                <li key={use.postId} className="library-item__use" data-post-id={use.postId}>
                  {use.excerpt || t("media.library.noText")}
                </li>
              ))}
            </ul>
            {media.usedBy.length > USES_SHOWN ? <span className="field__hint">+{media.usedBy.length - USES_SHOWN}</span> : null}
          </>
        )}
      </div>
    </li>
  );
}
