import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorNotice } from "../../components/ErrorNotice";
import { createPersona, deletePersona, updatePersona, type PersonaDto, type PersonaInput } from "../../ipc";
import { hourRanges } from "./hourRanges";
import { PersonaForm } from "./PersonaForm";
import { usePlanWrite } from "./useStrategy";

/** Audiences: one persona per kind of customer. */
export function PersonasSection({ personas }: { personas: readonly PersonaDto[] }) {
  const { t } = useTranslation();
  const [formKey, setFormKey] = useState(0);
  const [editing, setEditing] = useState<number | null>(null);
  const [toRemove, setToRemove] = useState<PersonaDto | null>(null);
  const add = usePlanWrite(createPersona, () => setFormKey((k) => k + 1));
  const update = usePlanWrite(({ id, input }: { id: number; input: PersonaInput }) => updatePersona(id, input), () =>
    setEditing(null),
  );
  const remove = usePlanWrite(deletePersona, () => setToRemove(null));

  return (
    <div className="plan-section__body">
      {personas.length === 0 ? <p className="plan-empty">{t("strategy.audiences.empty")}</p> : null}
      <ul className="plan-list">
        {personas.map((p) =>
          editing === p.id ? (
            <li key={p.id} className="plan-list__item plan-list__item--editing">
              <PersonaForm
                persona={p}
                saving={update.isPending}
                error={update.error}
                onSave={(input) => update.mutate({ id: p.id, input })}
                onCancel={() => setEditing(null)}
              />
            </li>
          ) : (
            <li key={p.id} className="plan-list__item" data-testid="persona-row">
              <div className="plan-list__main">
                <span className="plan-list__title">{p.name}</span>
                {p.demographics ? <span className="plan-list__meta">{p.demographics}</span> : null}
                {p.interests ? <span className="plan-list__meta">{p.interests}</span> : null}
                {p.behaviour ? <span className="plan-list__meta">{p.behaviour}</span> : null}
                <span className="plan-list__meta">
                  {p.networks.map((n) => t(`networks.${n}`)).join(", ")}
                  {p.networks.length > 0 ? " · " : ""}
                  {p.activeHours.length > 0 ? hourRanges(p.activeHours) : t("strategy.audiences.noHours")}
                </span>
              </div>
              <span className="plan-list__actions">
                <button type="button" className="button button--quiet button--small" onClick={() => setEditing(p.id)}>
                  {t("strategy.audiences.edit")}
                </button>
                <button type="button" className="button button--danger-quiet button--small" onClick={() => setToRemove(p)}>
                  {t("strategy.audiences.remove")}
                </button>
              </span>
            </li>
          ),
        )}
      </ul>
      <ErrorNotice error={remove.error} />
      <details className="plan-add">
        <summary className="plan-add__summary" data-testid="persona-add-open">
          {t("strategy.audiences.add")}
        </summary>
        <PersonaForm key={formKey} saving={add.isPending} error={add.error} onSave={(input) => add.mutate(input)} />
      </details>
      {toRemove ? (
        <ConfirmDialog
          title={t("strategy.audiences.removeTitle", { name: toRemove.name })}
          confirmLabel={t("strategy.audiences.remove")}
          danger
          busy={remove.isPending}
          onConfirm={() => remove.mutate(toRemove.id)}
          onCancel={() => setToRemove(null)}
        >
          <p>{t("strategy.audiences.removeBody")}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
