// The prompt exactly as the chosen provider will receive it, with its length against the
// model's limit and the compiler's notes (what was folded, dropped or cut) that the inspector
// does not already show as a warning at its field.
import { useMemo } from 'react';
import { getModel } from '../../../../shared/catalog';
import { compilePrompt } from '../../../../shared/domain/prompt';
import type { Shot } from '../../../../shared/domain/types';
import type { ShotIssue } from '../../../../shared/domain/validation';

export function PromptPreview({ shot, issues }: { shot: Shot; issues: readonly ShotIssue[] }) {
  const compiled = useMemo(() => compilePrompt(shot, shot.tool), [shot]);
  const notes = compiled.notes.filter((n) => !issues.some((i) => i.message === n));
  const model = getModel(shot.tool)?.name ?? shot.tool;
  const over = compiled.chars > compiled.limit;
  return (
    <section className="inspector-section prompt-preview" aria-label="Prompt preview">
      <div className="preview-head">
        <h3>Compiled for {model}</h3>
        <span className={`preview-count${over ? ' is-over' : ''}`} title="Characters / the model's limit">
          {compiled.chars} / {compiled.limit}
        </span>
      </div>
      <output className="preview-text" aria-label="Compiled prompt">
        {compiled.text || <span className="muted">Fill in the action and prompt to see what will be sent.</span>}
      </output>
      {compiled.negative && (
        <p className="preview-negative">
          <span className="muted">Negative:</span> {compiled.negative}
        </p>
      )}
      {notes.length > 0 && (
        <ul className="preview-notes">
          {notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
