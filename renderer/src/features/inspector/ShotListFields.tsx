// The shot list's columns for one shot: size and angle (both reach the prompt), lens, equipment,
// location and cast (from the library, or typed), setup number, and the project's custom columns.
// Each change is one undoable shot update; a new custom column is a project edit.
import { useMemo, useState } from 'react';
import type { ShotPatch } from '../../../../shared/contract';
import {
  ANGLE_LABELS,
  CAMERA_ANGLES,
  EQUIPMENT,
  EQUIPMENT_LABELS,
  SHOT_SIZES,
  SIZE_LABELS,
  type CameraAngle,
  type Equipment,
  type ShotSize,
} from '../../../../shared/domain/shotList';
import type { Shot } from '../../../../shared/domain/types';
import { useDraft } from '../../components/useDraft';
import { useActions } from '../commands/ActionsContext';
import { useLibrary } from '../library/libraryApi';
import { Field } from './fields';

function DraftInput({ id, value, onCommit, ...rest }: { id: string; value: string; onCommit: (v: string) => void; placeholder?: string; list?: string }) {
  const draft = useDraft(value, onCommit);
  return <input id={id} value={draft.value} onChange={(e) => draft.onChange(e.target.value)} onBlur={draft.flush} {...rest} />;
}

/** A whole number or decimal typed by a person; '' clears. */
function numberOrNull(text: string): number | null | undefined {
  const t = text.trim().replace(/\s*mm$/i, '');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

export function ShotListFields({ shot, customColumns, update }: { shot: Shot; customColumns: string[]; update: (patch: ShotPatch) => void }) {
  const list = shot.list;
  const set = (patch: NonNullable<ShotPatch['list']>) => update({ list: patch });
  const library = useLibrary().data;
  const names = useMemo(() => {
    const of = (kind: string) => (library?.items ?? []).filter((i) => i.kind === kind).map((i) => i.name);
    return { locations: of('location'), characters: of('character') };
  }, [library]);
  const notCast = names.characters.filter((n) => !list.cast.some((c) => c.toLowerCase() === n.toLowerCase()));
  return (
    <div className="inspector-section shot-list-fields" role="group" aria-label="Shot list">
      <h3>Shot list</h3>
      <div className="field-pair">
        <Field id="inspector-size" label="Size" hint="Shot size: reaches the prompt in the tool's words">
          <select id="inspector-size" value={list.size ?? ''} onChange={(e) => set({ size: (e.target.value || null) as ShotSize | null })}>
            <option value="">—</option>
            {SHOT_SIZES.map((s) => (
              <option key={s} value={s}>
                {s === 'INSERT' ? SIZE_LABELS[s] : `${s} · ${SIZE_LABELS[s]}`}
              </option>
            ))}
          </select>
        </Field>
        <Field id="inspector-angle" label="Angle" hint="Camera angle: reaches the prompt in the tool's words">
          <select id="inspector-angle" value={list.angle ?? ''} onChange={(e) => set({ angle: (e.target.value || null) as CameraAngle | null })}>
            <option value="">—</option>
            {CAMERA_ANGLES.map((a) => (
              <option key={a} value={a}>
                {ANGLE_LABELS[a]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="field-pair">
        <Field id="inspector-lens" label="Lens (mm)">
          <DraftInput
            id="inspector-lens"
            value={list.lensMm === null ? '' : String(list.lensMm)}
            placeholder="35"
            onCommit={(text) => {
              const lensMm = numberOrNull(text);
              if (lensMm !== undefined) set({ lensMm });
            }}
          />
        </Field>
        <Field id="inspector-equipment" label="Equipment">
          <select id="inspector-equipment" value={list.equipment ?? ''} onChange={(e) => set({ equipment: (e.target.value || null) as Equipment | null })}>
            <option value="">—</option>
            {EQUIPMENT.map((q) => (
              <option key={q} value={q}>
                {EQUIPMENT_LABELS[q]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="field-pair">
        <Field id="inspector-location" label="Location" hint="A location from the library, or any place typed">
          <DraftInput
            id="inspector-location"
            value={list.location}
            list="inspector-locations"
            placeholder="Diner"
            onCommit={(location) => set({ location: location.trim() })}
          />
          <datalist id="inspector-locations">
            {names.locations.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
        </Field>
        <Field id="inspector-setup" label="Setup">
          <DraftInput
            id="inspector-setup"
            value={list.setup === null ? '' : String(list.setup)}
            placeholder="1"
            onCommit={(text) => {
              const setup = numberOrNull(text);
              if (setup === null || (setup !== undefined && Number.isInteger(setup))) set({ setup });
            }}
          />
        </Field>
      </div>
      <Field id="inspector-cast" label="Cast" hint="Characters in frame, separated by commas">
        <DraftInput
          id="inspector-cast"
          value={list.cast.join(', ')}
          placeholder="Mara, Dee"
          onCommit={(text) =>
            set({
              cast: text
                .split(',')
                .map((n) => n.trim())
                .filter(Boolean),
            })
          }
        />
        {notCast.length > 0 && (
          <div className="chips cast-chips" role="group" aria-label="Add a character from the library">
            {notCast.map((n) => (
              <button type="button" key={n} className="chip-btn" onClick={() => set({ cast: [...list.cast, n] })}>
                + {n}
              </button>
            ))}
          </div>
        )}
      </Field>
      {customColumns.map((column, i) => (
        <Field key={column} id={`inspector-custom-${i}`} label={column}>
          <DraftInput id={`inspector-custom-${i}`} value={list.custom[column] ?? ''} onCommit={(text) => set({ custom: { [column]: text.trim() } })} />
        </Field>
      ))}
      <AddColumn columns={customColumns} />
    </div>
  );
}

/** A custom column for the whole project: it shows on every shot, in the CSVs and on the storyboard. */
function AddColumn({ columns }: { columns: string[] }) {
  const actions = useActions();
  const [name, setName] = useState<string | null>(null);
  const taken = name !== null && columns.some((c) => c.toLowerCase() === name.trim().toLowerCase());
  const add = () => {
    if (!name?.trim() || taken) return;
    void actions.updateProject({ customColumns: [...columns, name.trim()] });
    setName(null);
  };
  if (name === null)
    return (
      <button type="button" className="btn btn-small" onClick={() => setName('')} title="A column of your own on every shot, in the CSVs and on the storyboard">
        Add column…
      </button>
    );
  return (
    <div className="add-column">
      <input
        aria-label="New column name"
        placeholder="Wardrobe"
        autoFocus
        value={name}
        maxLength={60}
        aria-invalid={taken || undefined}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') add();
          if (e.key === 'Escape') setName(null);
        }}
      />
      <button type="button" className="btn btn-small" disabled={!name.trim() || taken} onClick={add}>
        Add
      </button>
      {taken && <span className="field-issue issue-error">There is a column with that name.</span>}
    </div>
  );
}
