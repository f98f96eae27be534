import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { showPicturesForPosting } from "../../ipc";

/**
 * "Show pictures": Rust cuts the post's pictures for each of its networks
 * into a folder and opens it in the file manager, ready to upload by hand.
 */
export function PicturesForPosting({ postId }: { postId: number }) {
  const { t } = useTranslation();
  const show = useMutation({ mutationFn: () => showPicturesForPosting(postId) });
  return (
    <div className="held-assisted__pictures">
      <button
        type="button"
        className="button button--small"
        onClick={() => show.mutate()}
        disabled={show.isPending}
        aria-busy={show.isPending}
        data-testid="held-show-pictures"
      >
        {show.isPending ? t("decisions.assisted.preparingPictures") : t("decisions.assisted.showPictures")}
      </button>
      {show.data === 0 ? (
        <p className="field__hint" data-testid="held-no-pictures">
          {t("decisions.assisted.noPictures")}
        </p>
      ) : null}
      {show.data !== undefined && show.data > 0 ? (
        <p className="field__hint" role="status" data-testid="held-pictures-shown">
          {t("decisions.assisted.picturesShown", { count: show.data })}
        </p>
      ) : null}
      <ErrorNotice error={show.error} testId="held-pictures-error" />
    </div>
  );
}
