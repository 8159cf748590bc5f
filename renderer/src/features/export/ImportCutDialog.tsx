// "Import cut from Resolve…": read an FCPXML or EDL the editor exported, show what changed
// (reordered, trimmed or lengthened, dropped, unknown clips) and only then apply it as one
// undoable step. Shots the edit dropped are never deleted by applying; deleting them is a
// separate, confirmed choice.
import { useBusy } from '../../components/useBusy';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CutImportPreview, CutImportResult } from '../../../../shared/domain/resolveExport';
import { call } from '../../api/client';
import { keys } from '../../api/queries';
import { useUi } from '../../stores/ui';
import { Dialog } from '../takes/Dialog';
import { FormError } from './FormError';
import { PathField } from './PathField';
import { useExportDialog } from './store';

const secs = (frames: number) => `${(frames / 24).toFixed(2)} s`;
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function Section({ title, items, note }: { title: string; items: string[]; note?: string }) {
  if (items.length === 0) return null;
  return (
    <section className="cut-diff-section" aria-label={title}>
      <h3>
        {title} <span className="muted">({items.length})</span>
      </h3>
      {note && <p className="muted">{note}</p>}
      <ul>
        {items.map((t, i) => (
          <li key={i}>{t}</li>
        ))}
      </ul>
    </section>
  );
}

function DiffView({ preview }: { preview: CutImportPreview }) {
  const { diff } = preview;
  return (
    <div className="cut-diff" data-testid="cut-diff">
      <p>
        {preview.clips} clips on the edit's main track.{preview.unchanged ? ' The order and lengths match the plan: nothing to apply.' : ''}
      </p>
      <Section title="Reordered" items={diff.reordered.map((r) => `${r.label}: place ${r.from + 1} → ${r.to + 1}`)} />
      <Section
        title="Trimmed or lengthened"
        items={diff.durations.map(
          (d) => `${d.label}: ${secs(d.beforeFrames)} → ${secs(d.afterFrames)} (${d.deltaFrames > 0 ? '+' : '−'}${Math.abs(d.deltaSeconds).toFixed(2)} s)`,
        )}
      />
      <Section title="Not in the edit" note="Applying keeps these shots where they are." items={diff.removed.map((r) => r.label)} />
      <Section
        title="Clips Shotline does not know"
        note="Ignored."
        items={diff.unknown.map((u) => `#${u.position + 1} ${u.name || u.fileName || '(unnamed)'} (${secs(u.durationFrames)})`)}
      />
      <Section
        title="Cut with another take"
        note="Not applied: circle the take in Shotline if you want it."
        items={diff.takeChanged.map((t) => `${t.label}: take ${t.before ?? '–'} → take ${t.after}`)}
      />
      <Section title="Used again later" note="Only the first use counts." items={diff.repeated.map((r) => `${r.label} at clip ${r.position + 1}`)} />
    </div>
  );
}

export function ImportCutDialog() {
  const open = useExportDialog((s) => s.open === 'importCut');
  const setOpen = useExportDialog((s) => s.setOpen);
  const qc = useQueryClient();
  const [file, setFile] = useState('');
  const [preview, setPreview] = useState<CutImportPreview | null>(null);
  const [applied, setApplied] = useState<CutImportResult | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { busy, error, run: act } = useBusy();

  const compare = () =>
    act(async () => {
      setApplied(null);
      setPreview(await call('cut.importPreview', { path: file.trim() }));
    });
  const apply = () =>
    act(async () => {
      const result = await call('cut.importApply', { path: file.trim() });
      setApplied(result);
      await qc.invalidateQueries({ queryKey: keys.snapshot });
      useUi.getState().notify('info', 'Applied the cut from Resolve — Ctrl+Z to undo');
    });
  const deleteRemoved = () =>
    act(async () => {
      await call('shot.delete', { ids: applied!.removed.map((r) => r.shotId) });
      await qc.invalidateQueries({ queryKey: keys.snapshot });
      useUi.getState().notify('info', `Deleted ${applied!.removed.length} shots — Ctrl+Z to undo`);
      setApplied({ ...applied!, removed: [] });
      setConfirmDelete(false);
    });

  return (
    <Dialog open={open} title="Import cut from Resolve" className="import-cut-dialog" onClose={() => setOpen(null)}>
      <p className="muted dialog-text">
        In Resolve: File › Export › Timeline… as FCPXML (1.9 to 1.11) or a CMX3600 EDL. Shotline shows what changed before it changes anything.
      </p>
      <form
        aria-label="Import cut"
        onSubmit={(e) => {
          e.preventDefault();
          if (file.trim()) void compare();
        }}
      >
        <PathField
          id="import-cut-file"
          label="Timeline file"
          value={file}
          onChange={(v) => {
            setFile(v);
            setPreview(null);
            setApplied(null);
          }}
          placeholder="/path/to/Edit.fcpxml"
          disabled={busy}
        />
        {preview && <DiffView preview={preview} />}
        {applied && (
          <p className="render-done" role="status">
            Applied: {count(applied.moved, 'shot')} moved, {count(applied.durations, 'length')} changed. Ctrl+Z undoes it.
          </p>
        )}
        {applied && applied.removed.length > 0 && (
          <div className={confirmDelete ? 'export-confirm' : ''} role="group" aria-label="Shots not in the edit">
            {confirmDelete ? (
              <>
                <p>Delete {applied.removed.map((r) => r.label).join(', ')} from the plan? Their takes stay in the project; Ctrl+Z brings the shots back.</p>
                <div className="dialog-actions">
                  <button type="button" className="btn" onClick={() => setConfirmDelete(false)}>
                    Keep them
                  </button>
                  <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void deleteRemoved()}>
                    Delete {count(applied.removed.length, 'shot')}
                  </button>
                </div>
              </>
            ) : (
              <button type="button" className="btn" onClick={() => setConfirmDelete(true)}>
                Delete the {count(applied.removed.length, 'shot')} the edit dropped…
              </button>
            )}
          </div>
        )}
        <FormError error={error} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => setOpen(null)}>
            {applied ? 'Close' : 'Cancel'}
          </button>
          {applied ? null : preview ? (
            <button type="button" className="btn btn-primary" disabled={busy || preview.unchanged} onClick={() => void apply()}>
              Apply order and lengths
            </button>
          ) : (
            <button type="submit" className="btn btn-primary" disabled={busy || !file.trim()}>
              Compare
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
