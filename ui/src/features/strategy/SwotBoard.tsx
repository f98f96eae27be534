import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { addSwotItem, deleteSwotItem, moveSwotItem, updateSwotItem, type SwotItemDto, type SwotQuadrant } from "../../ipc";
import { FieldProblems } from "./FieldProblems";
import { textProblems, type Problem } from "./planChecks";
import { usePlanWrite } from "./useStrategy";

const QUADRANTS: readonly SwotQuadrant[] = ["strengths", "weaknesses", "opportunities", "threats"];

/** The situation: four lists, in the classic two-by-two layout. */
export function SwotBoard({ items }: { items: readonly SwotItemDto[] }) {
  return (
    <div className="swot">
      {QUADRANTS.map((q) => (
        <SwotList key={q} quadrant={q} items={items.filter((i) => i.quadrant === q)} />
      ))}
    </div>
  );
}

function SwotList({ quadrant, items }: { quadrant: SwotQuadrant; items: readonly SwotItemDto[] }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const add = usePlanWrite(addSwotItem, () => setText(""));
  const move = usePlanWrite(({ id, index }: { id: number; index: number }) => moveSwotItem(id, index));
  const remove = usePlanWrite(deleteSwotItem);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = textProblems(text);
    setProblems(found);
    if (found.length === 0) add.mutate({ quadrant, text });
  };

  const title = t(`strategy.swot.${quadrant}`);
  return (
    <section className={`swot__list swot__list--${quadrant}`} aria-label={title} data-testid={`swot-${quadrant}`}>
      <h4 className="swot__title">{title}</h4>
      {items.length === 0 ? <p className="plan-empty">{t("strategy.swot.empty")}</p> : null}
      <ol className="swot__items">
        {items.map((item, index) => (
          <SwotRow
            key={item.id}
            item={item}
            first={index === 0}
            last={index === items.length - 1}
            onMove={(delta) => move.mutate({ id: item.id, index: index + delta })}
            onRemove={() => remove.mutate(item.id)}
          />
        ))}
      </ol>
      <ErrorNotice error={move.error ?? remove.error} />
      <form className="swot__add" onSubmit={submit}>
        <input
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={t("strategy.swot.placeholder")}
          aria-label={`${title}: ${t("strategy.swot.placeholder")}`}
          maxLength={500}
          data-testid={`swot-input-${quadrant}`}
        />
        <button type="submit" className="button button--small" disabled={add.isPending} data-testid={`swot-add-${quadrant}`}>
          {t("strategy.swot.add")}
        </button>
      </form>
      <FieldProblems problems={problems} testId={`swot-problem-${quadrant}`} />
      <ErrorNotice error={add.error} testId={`swot-error-${quadrant}`} />
    </section>
  );
}

interface SwotRowProps {
  item: SwotItemDto;
  first: boolean;
  last: boolean;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

function SwotRow({ item, first, last, onMove, onRemove }: SwotRowProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(item.text);
  const [problems, setProblems] = useState<Problem[]>([]);
  const save = usePlanWrite((value: string) => updateSwotItem(item.id, value), () => setEditing(false));

  if (editing) {
    const submit = (event: FormEvent) => {
      event.preventDefault();
      const found = textProblems(text);
      setProblems(found);
      if (found.length === 0) save.mutate(text);
    };
    return (
      <li className="swot__item swot__item--editing" data-testid="swot-item">
        <form onSubmit={submit} className="swot__edit">
          <input
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-label={t("strategy.swot.editLabel")}
            maxLength={500}
            data-testid="swot-edit-input"
          />
          <button type="button" className="button button--quiet button--small" onClick={() => setEditing(false)}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button button--primary button--small" disabled={save.isPending} data-testid="swot-save">
            {t("common.save")}
          </button>
        </form>
        <FieldProblems problems={problems} testId="swot-edit-problem" />
        <ErrorNotice error={save.error} />
      </li>
    );
  }

  return (
    <li className="swot__item" data-testid="swot-item">
      <span className="swot__text">{item.text}</span>
      <span className="swot__actions">
        <button
          type="button"
          className="icon-button"
          disabled={first}
          onClick={() => onMove(-1)}
          aria-label={t("strategy.swot.moveUp", { text: item.text })}
          title={t("strategy.swot.moveUp", { text: item.text })}
          data-testid="swot-up"
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-button"
          disabled={last}
          onClick={() => onMove(1)}
          aria-label={t("strategy.swot.moveDown", { text: item.text })}
          title={t("strategy.swot.moveDown", { text: item.text })}
          data-testid="swot-down"
        >
          ↓
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => {
            setText(item.text);
            setEditing(true);
          }}
          aria-label={t("strategy.swot.edit", { text: item.text })}
          title={t("strategy.swot.edit", { text: item.text })}
          data-testid="swot-edit"
        >
          ✎
        </button>
        <button
          type="button"
          className="icon-button icon-button--danger"
          onClick={onRemove}
          aria-label={t("strategy.swot.remove", { text: item.text })}
          title={t("strategy.swot.remove", { text: item.text })}
          data-testid="swot-remove"
        >
          ×
        </button>
      </span>
    </li>
  );
}
