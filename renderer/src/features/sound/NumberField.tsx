// A small number field that commits on Enter or leaving it (one undo step per change, not per
// keystroke), reverts on Escape, and clamps to its range.
import { useState } from 'react';

interface Props {
  label: string;
  unit: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onCommit: (value: number) => void;
  /** A longer name for screen readers where the visible label is short. */
  ariaLabel?: string;
}

function show(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export function NumberField({ label, unit, value, min, max, step, onCommit, ariaLabel }: Props) {
  const [text, setText] = useState<string | null>(null);
  const commit = () => {
    if (text === null) return;
    const v = Number(text.replace(',', '.').replace('−', '-'));
    setText(null);
    if (text.trim() !== '' && Number.isFinite(v)) {
      const clamped = Math.min(max, Math.max(min, v));
      if (clamped !== value) onCommit(clamped);
    }
  };
  return (
    <label className="num-field">
      <span className="num-field-label">{label}</span>
      <input
        type="number"
        inputMode="decimal"
        aria-label={ariaLabel ?? `${label} (${unit})`}
        value={text ?? show(value)}
        min={min}
        max={max}
        step={step}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          else if (e.key === 'Escape' && text !== null) {
            e.stopPropagation();
            setText(null);
          }
        }}
      />
      <span className="num-field-unit">{unit}</span>
    </label>
  );
}
