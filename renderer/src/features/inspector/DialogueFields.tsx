// The shot's dialogue as lines: who speaks (picked from the library's characters or typed), an
// optional parenthetical, the words. Each edit is one undoable shot update; lines can be added,
// removed and moved up or down.
import { useMemo } from 'react';
import type { DialogueLine } from '../../../../shared/domain/dialogue';
import type { Shot } from '../../../../shared/domain/types';
import { useDraft } from '../../components/useDraft';
import { useLibrary } from '../library/libraryApi';

const BLANK: DialogueLine = { speaker: '', extension: null, parenthetical: null, text: '' };

function LineInput({
  value,
  onCommit,
  label,
  placeholder,
  list,
  multiline,
}: {
  value: string;
  onCommit: (v: string) => void;
  label: string;
  placeholder: string;
  list?: string;
  multiline?: boolean;
}) {
  const draft = useDraft(value, onCommit);
  const common = { value: draft.value, 'aria-label': label, placeholder, onBlur: draft.flush, spellCheck: !list };
  return multiline ? (
    <textarea {...common} rows={2} onChange={(e) => draft.onChange(e.target.value)} />
  ) : (
    <input {...common} list={list} onChange={(e) => draft.onChange(e.target.value)} />
  );
}

export function DialogueFields({ shot, update }: { shot: Shot; update: (patch: Partial<Shot>) => void }) {
  const library = useLibrary().data;
  const speakers = useMemo(() => (library?.items ?? []).filter((i) => i.kind === 'character').map((i) => i.name.toUpperCase()), [library]);
  const lines = shot.dialogue;
  const set = (next: DialogueLine[]) => update({ dialogue: next });
  const patch = (i: number, p: Partial<DialogueLine>) => set(lines.map((l, j) => (j === i ? { ...l, ...p } : l)));
  const move = (i: number, by: number) => {
    const next = [...lines];
    const [line] = next.splice(i, 1);
    next.splice(i + by, 0, line!);
    set(next);
  };
  const listId = `dialogue-speakers-${shot.id}`;
  return (
    <div className="field dialogue-field" role="group" aria-label="Dialogue">
      <div className="field-label-row">
        <span className="field-label">Dialogue</span>
      </div>
      <datalist id={listId}>
        {speakers.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {lines.length === 0 && <p className="muted">No lines.</p>}
      <ol className="dialogue-lines">
        {lines.map((line, i) => (
          <li key={i} className="dialogue-line" data-testid="dialogue-line">
            <div className="dialogue-line-head">
              <LineInput
                value={line.speaker}
                onCommit={(speaker) => patch(i, { speaker: speaker.trim().toUpperCase() })}
                label={`Line ${i + 1} speaker`}
                placeholder="SPEAKER"
                list={listId}
              />
              <LineInput
                value={line.parenthetical ?? ''}
                onCommit={(p) => patch(i, { parenthetical: p.trim() ? (p.trim().startsWith('(') ? p.trim() : `(${p.trim()})`) : null })}
                label={`Line ${i + 1} parenthetical`}
                placeholder="(parenthetical)"
              />
              <div className="dialogue-line-tools">
                <button type="button" className="icon-btn" aria-label={`Move line ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                  ↑
                </button>
                <button type="button" className="icon-btn" aria-label={`Move line ${i + 1} down`} disabled={i === lines.length - 1} onClick={() => move(i, 1)}>
                  ↓
                </button>
                <button type="button" className="icon-btn" aria-label={`Remove line ${i + 1}`} onClick={() => set(lines.filter((_, j) => j !== i))}>
                  ✕
                </button>
              </div>
            </div>
            <LineInput value={line.text} onCommit={(text) => patch(i, { text })} label={`Line ${i + 1} text`} placeholder="What is said" multiline />
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-small" onClick={() => set([...lines, { ...BLANK, speaker: lines.at(-1)?.speaker ?? '' }])}>
        Add line
      </button>
    </div>
  );
}
