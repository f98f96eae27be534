import { useState, type ReactNode } from "react";

import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorNotice } from "../../components/ErrorNotice";
import { usePlanWrite } from "../strategy/useStrategy";

/** What a row's form gets: the item (none when adding) and how to save or stop. */
export interface FormSlot<Item, Input> {
  item?: Item;
  saving: boolean;
  error: unknown;
  onSave: (input: Input) => void;
  onCancel?: () => void;
}

interface EditableListProps<Item extends { id: number }, Input> {
  /** The prefix of the test ids: `campaign` gives campaign-row, campaign-add-open. */
  name: string;
  items: readonly Item[];
  texts: { empty: string; add: string; edit: string; remove: string; removeTitle: (item: Item) => string; removeBody: string };
  row: (item: Item) => ReactNode;
  form: (slot: FormSlot<Item, Input>) => ReactNode;
  create: (input: Input) => Promise<unknown>;
  update: (id: number, input: Input) => Promise<unknown>;
  remove: (id: number) => Promise<unknown>;
}

/** A list whose rows can be edited in place and removed after asking, with an add form below. */
export function EditableList<Item extends { id: number }, Input>(props: EditableListProps<Item, Input>) {
  const { name, items, texts } = props;
  const [formKey, setFormKey] = useState(0);
  const [editing, setEditing] = useState<number | null>(null);
  const [toRemove, setToRemove] = useState<Item | null>(null);
  const add = usePlanWrite(props.create, () => setFormKey((k) => k + 1));
  const update = usePlanWrite(({ id, input }: { id: number; input: Input }) => props.update(id, input), () =>
    setEditing(null),
  );
  const remove = usePlanWrite(props.remove, () => setToRemove(null));

  return (
    <div className="plan-section__body">
      {items.length === 0 ? <p className="plan-empty">{texts.empty}</p> : null}
      <ul className="plan-list">
        {items.map((item) =>
          editing === item.id ? (
            <li key={item.id} className="plan-list__item plan-list__item--editing">
              {props.form({
                item,
                saving: update.isPending,
                error: update.error,
                onSave: (input) => update.mutate({ id: item.id, input }),
                onCancel: () => setEditing(null),
              })}
            </li>
          ) : (
            <li key={item.id} className="plan-list__item" data-testid={`${name}-row`}>
              <div className="plan-list__main">{props.row(item)}</div>
              <span className="plan-list__actions">
                <button type="button" className="button button--quiet button--small" onClick={() => setEditing(item.id)}>
                  {texts.edit}
                </button>
                <button
                  type="button"
                  className="button button--danger-quiet button--small"
                  onClick={() => setToRemove(item)}
                  data-testid={`${name}-remove`}
                >
                  {texts.remove}
                </button>
              </span>
            </li>
          ),
        )}
      </ul>
      <ErrorNotice error={remove.error} />
      <details className="plan-add">
        <summary className="plan-add__summary" data-testid={`${name}-add-open`}>
          {texts.add}
        </summary>
        <div key={formKey}>{props.form({ saving: add.isPending, error: add.error, onSave: (input) => add.mutate(input) })}</div>
      </details>
      {toRemove ? (
        <ConfirmDialog
          title={texts.removeTitle(toRemove)}
          confirmLabel={texts.remove}
          danger
          busy={remove.isPending}
          onConfirm={() => remove.mutate(toRemove.id)}
          onCancel={() => setToRemove(null)}
        >
          <p>{texts.removeBody}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
