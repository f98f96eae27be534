import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { ColorField, PALETTE } from "../../components/ColorField";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorNotice } from "../../components/ErrorNotice";
import { queryKeys } from "../../data/queryKeys";
import { useLabels } from "../../hooks/useCatalog";
import { createLabel, deleteLabel, updateLabel, type LabelDto } from "../../ipc";
import { CatalogRow } from "./CatalogRow";

/** Labels group posts by theme ("promo", "new menu") for filtering. */
export function LabelsSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const labels = useLabels();
  const [name, setName] = useState("");
  const [color, setColor] = useState<string>(PALETTE[5] ?? "#3d7fd9");
  const [toDelete, setToDelete] = useState<LabelDto | null>(null);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.labels }),
      queryClient.invalidateQueries({ queryKey: queryKeys.posts }),
    ]);

  const add = useMutation({
    mutationFn: () => createLabel({ name, color }),
    onSuccess: () => {
      setName("");
      void refresh();
    },
  });

  const update = useMutation({
    mutationFn: ({ id, name: newName, color: newColor }: { id: number; name: string; color: string }) =>
      updateLabel(id, { name: newName, color: newColor }),
    onSuccess: () => void refresh(),
  });

  const remove = useMutation({
    mutationFn: (id: number) => deleteLabel(id),
    onSuccess: () => void refresh(),
    onSettled: () => setToDelete(null),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };

  return (
    <section className="catalog-section" aria-labelledby="labels-title">
      <h3 id="labels-title" className="catalog-section__title">
        {t("catalog.labels")}
      </h3>
      <p className="field__hint">{t("catalog.labelsHelp")}</p>

      {labels.data && labels.data.length === 0 ? <p className="catalog-section__empty">{t("catalog.noLabels")}</p> : null}
      <ul className="catalog-list">
        {(labels.data ?? []).map((label) => (
          <CatalogRow
            key={label.id}
            kind="label"
            item={label}
            saving={update.isPending}
            onSave={(newName, newColor) => update.mutateAsync({ id: label.id, name: newName, color: newColor })}
            onDelete={() => setToDelete(label)}
          />
        ))}
      </ul>
      <ErrorNotice error={update.error ?? remove.error} />

      <form className="catalog-form" onSubmit={submit}>
        <h4 className="catalog-form__title">{t("catalog.addLabel")}</h4>
        <label className="field">
          <span className="field__label">{t("catalog.labelName")}</span>
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder={t("catalog.labelNamePlaceholder")}
            maxLength={60}
            data-testid="label-name"
          />
        </label>
        <ColorField label={t("catalog.color")} value={color} onChange={(value) => value && setColor(value)} testId="label-color" />
        <ErrorNotice error={add.error} testId="label-error" />
        <button type="submit" className="button button--primary" disabled={add.isPending} data-testid="label-add">
          {t("catalog.add")}
        </button>
      </form>

      {toDelete ? (
        <ConfirmDialog
          title={t("catalog.deleteLabelTitle", { name: toDelete.name })}
          confirmLabel={t("catalog.delete")}
          danger
          busy={remove.isPending}
          onConfirm={() => remove.mutate(toDelete.id)}
          onCancel={() => setToDelete(null)}
        >
          <p>{t("catalog.deleteLabelBody")}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
