// One choice of a few, as a framed group of radio buttons: the export dialogs' options.
export function Choice<T extends string | number>({
  legend,
  name,
  options,
  labels,
  value,
  onChange,
  disabled,
}: {
  legend: string;
  name: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: T;
  onChange: (v: T) => void;
  disabled: boolean;
}) {
  return (
    <fieldset className="export-choice" disabled={disabled}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o} className="check-row">
          <input type="radio" name={name} value={o} checked={value === o} onChange={() => onChange(o)} />
          {labels[o]}
        </label>
      ))}
    </fieldset>
  );
}
