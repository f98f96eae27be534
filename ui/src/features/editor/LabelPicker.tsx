import { useTranslation } from "react-i18next";

import { ToggleChip } from "../../components/ToggleChip";
import type { LabelDto } from "../../ipc";

interface LabelPickerProps {
  labels: LabelDto[];
  selected: number[];
  onToggle: (labelId: number) => void;
  disabled: boolean;
}

export function LabelPicker({ labels, selected, onToggle, disabled }: LabelPickerProps) {
  const { t } = useTranslation();
  if (labels.length === 0) return <p className="field__hint">{t("editor.noLabels")}</p>;
  return (
    <div className="chip-row" role="group" aria-label={t("editor.labels")}>
      {labels.map((label) => (
        <ToggleChip
          key={label.id}
          pressed={selected.includes(label.id)}
          onToggle={() => onToggle(label.id)}
          color={label.color}
          disabled={disabled}
          testId="editor-label"
          data={{ "data-label-id": label.id }}
        >
          {label.name}
        </ToggleChip>
      ))}
    </div>
  );
}
