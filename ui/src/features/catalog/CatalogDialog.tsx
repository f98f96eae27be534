import { useRef } from "react";
import { useTranslation } from "react-i18next";

import { Modal } from "../../components/Modal";
import { ChannelsSection } from "./ChannelsSection";
import { LabelsSection } from "./LabelsSection";

/** Channels and labels side by side, in one dialog. */
export function CatalogDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const channelName = useRef<HTMLInputElement>(null);
  return (
    <Modal
      title={t("catalog.title")}
      onClose={onClose}
      testId="catalog"
      size="wide"
      closeLabel={t("common.close")}
      initialFocus={channelName}
      footer={
        <button type="button" className="button" onClick={onClose} data-testid="catalog-done">
          {t("common.done")}
        </button>
      }
    >
      <div className="catalog">
        <ChannelsSection nameRef={channelName} />
        <LabelsSection />
      </div>
    </Modal>
  );
}
