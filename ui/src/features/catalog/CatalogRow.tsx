import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { ColorField } from "../../components/ColorField";

interface CatalogRowProps {
  kind: "channel" | "label";
  item: { id: number; name: string; color: string };
  subtitle?: string;
  saving: boolean;
  onSave: (name: string, color: string) => Promise<unknown>;
  onDelete: () => void;
  /** Shown under the row (a channel's account); hidden while renaming. */
  extra?: ReactNode;
}

/** One channel or label: its colour and name, with rename and delete. */
export function CatalogRow({ kind, item, subtitle, saving, onSave, onDelete, extra }: CatalogRowProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(item.name);
  const [color, setColor] = useState(item.color);

  const startEditing = () => {
    setName(item.name);
    setColor(item.color);
    setEditing(true);
  };

  const save = async () => {
    try {
      await onSave(name, color);
      setEditing(false);
    } catch {
      // The section shows the error; stay in edit mode so nothing typed is lost.
    }
  };

  if (editing) {
    return (
      <li className="catalog-row catalog-row--editing" data-testid={`${kind}-row`} data-id={item.id}>
        <label className="field">
          <span className="field__label">{t("catalog.rename")}</span>
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={60}
            data-testid={`${kind}-rename`}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                void save();
              }
            }}
          />
        </label>
        <ColorField label={t("catalog.color")} value={color} onChange={(value) => value && setColor(value)} />
        <div className="catalog-row__actions">
          <button type="button" className="button button--quiet button--small" onClick={() => setEditing(false)}>
            {t("common.cancel")}
          </button>
          <button
            type="button"
            className="button button--primary button--small"
            onClick={() => void save()}
            disabled={saving}
            data-testid={`${kind}-save`}
          >
            {t("common.save")}
          </button>
        </div>
      </li>
    );
  }

  return (
    <li className="catalog-row" data-testid={`${kind}-row`} data-id={item.id}>
      <span className="catalog-row__swatch" style={{ backgroundColor: item.color }} aria-hidden="true" />
      <span className="catalog-row__text">
        <span className="catalog-row__name">{item.name}</span>
        {subtitle ? <span className="catalog-row__subtitle">{subtitle}</span> : null}
      </span>
      <span className="catalog-row__actions">
        <button type="button" className="button button--quiet button--small" onClick={startEditing} data-testid={`${kind}-edit`}>
          {t("catalog.edit")}
        </button>
        <button
          type="button"
          className="button button--danger-quiet button--small"
          onClick={onDelete}
          data-testid={`${kind}-delete`}
        >
          {t("catalog.delete")}
        </button>
      </span>
      {extra ? <div className="catalog-row__extra">{extra}</div> : null}
    </li>
  );
}
