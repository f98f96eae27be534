interface AmountInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
}

/** A number typed as text, so what was typed stays in the box when a check refuses it. */
export function AmountInput({ label, value, onChange, testId }: AmountInputProps) {
  return (
    <label className="field field--narrow">
      <span className="field__label">{label}</span>
      <input inputMode="decimal" value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId} />
    </label>
  );
}

/** A known number as the form's starting text; unknown is an empty box. */
export function amountText(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}
