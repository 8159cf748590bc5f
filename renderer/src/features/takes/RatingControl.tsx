// The reviewers' three criteria, 1–5 each, as radio groups drawn as stars (arrow keys move,
// "Not rated" clears), plus notes. Each change is one undoable `takes.rate`.
import { useState } from 'react';
import type { TakeRating } from '../../../../shared/domain/takes';
import { useTakeAction } from '../../api/takes';
import { TextField } from '../inspector/fields';

export const CRITERIA = [
  { key: 'fidelity', label: 'Visual fidelity', hint: 'Image quality: detail, anatomy, artefacts' },
  { key: 'consistency', label: 'Temporal consistency', hint: 'Frame to frame: no flicker, morphing or drifting faces' },
  { key: 'adherence', label: 'Prompt adherence', hint: 'Does what the prompt asked: subject, camera, motion, beats' },
] as const;
type Criterion = (typeof CRITERIA)[number]['key'];

export function RatingControl({ takeId, rating }: { takeId: string; rating: TakeRating }) {
  const rate = useTakeAction('takes.rate');
  const set = (key: Criterion, value: number | null) => rate.mutate({ takeId, [key]: value });
  return (
    <div className="take-rating">
      {CRITERIA.map((c) => (
        <Stars
          key={c.key}
          name={`${takeId}-${c.key}`}
          label={c.label}
          hint={c.hint}
          value={rating[c.key]}
          failed={rate.isError}
          onChange={(v) => set(c.key, v)}
        />
      ))}
      <TextField
        key={takeId}
        id={`take-notes-${takeId}`}
        label="Review notes"
        multiline
        value={rating.notes}
        onCommit={(notes) => rate.mutate({ takeId, notes })}
        placeholder="What works, what to fix in the next take"
      />
    </div>
  );
}

function Stars({
  name,
  label,
  hint,
  value: saved,
  failed,
  onChange,
}: {
  name: string;
  label: string;
  hint: string;
  value: number | null;
  failed: boolean;
  onChange: (v: number | null) => void;
}) {
  // The star shows at once; the saved score replaces it when the core answers.
  const [picked, setPicked] = useState<{ value: number | null; over: number | null } | null>(null);
  const value = picked && picked.over === saved && !failed ? picked.value : saved;
  const set = (v: number | null) => {
    setPicked({ value: v, over: saved });
    onChange(v);
  };
  return (
    <div className="stars-row" role="radiogroup" aria-label={label} title={hint}>
      <span className="stars-label">{label}</span>
      <span className="stars">
        <label className="star-clear" title="Not rated">
          <input type="radio" name={name} aria-label="Not rated" checked={value === null} onChange={() => set(null)} />
          <span aria-hidden="true">–</span>
        </label>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className={`star${value !== null && n <= value ? ' is-on' : ''}`}>
            <input type="radio" name={name} aria-label={`${n} of 5`} checked={value === n} onChange={() => set(n)} />
            <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true">
              <path d="M8 1.6l1.9 4 4.4.5-3.3 3 .9 4.3L8 11.2l-3.9 2.2.9-4.3-3.3-3 4.4-.5z" />
            </svg>
          </label>
        ))}
      </span>
      <span className="stars-value" aria-hidden="true">
        {value ?? '—'}
      </span>
    </div>
  );
}

/** Mean of the scores given, one decimal; null when none is. */
export function ratingMean(r: TakeRating): number | null {
  const xs = [r.fidelity, r.consistency, r.adherence].filter((x): x is number => x !== null);
  return xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null;
}
