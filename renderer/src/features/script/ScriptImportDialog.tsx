// "Import script or shot list…": a Fountain or Final Draft screenplay (or a JSON/CSV shot list),
// dropped on the timeline or named by path, is previewed — scenes, shots, dialogue, running
// time, characters and locations new or matched, cost at the chosen tool — and only then
// imported, as one undo step.
import { useBusy } from '../../components/useBusy';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ChannelInput } from '../../../../shared/contract';
import { GRANULARITIES, importCostText, type Granularity, type ScriptPreview } from '../../../../shared/domain/script';
import { formatRunningTime } from '../../../../shared/domain/timecode';
import { plural } from '../../../../shared/domain/words';
import { call } from '../../api/client';
import { keys } from '../../api/queries';
import { ToolSelect } from '../../components/ToolSelect';
import { formatUsd } from '../../lib/format';
import { useUi } from '../../stores/ui';
import { FormError } from '../export/FormError';
import { PathField } from '../export/PathField';
import { pathOf, readBase64 } from '../library/files';
import { libraryKeys } from '../library/libraryApi';
import { Dialog } from '../takes/Dialog';
import { useScriptImport } from './store';
import './script.css';

type Source = ChannelInput<'script.preview'>['source'];

const GRANULARITY_LABELS: Record<Granularity, string> = {
  paragraph: 'A shot per action paragraph and dialogue exchange',
  scene: 'One shot per scene',
};

async function sourceOf(file: File): Promise<Source> {
  const path = pathOf(file);
  return path ? { name: file.name, path } : { name: file.name, bytes: await readBase64(file) };
}

function PreviewView({ preview, ticked, toggle }: { preview: ScriptPreview; ticked: Set<string>; toggle: (name: string) => void }) {
  return (
    <div className="script-preview" data-testid="script-preview">
      <p className="script-totals" role="status">
        {preview.title ? <strong>{preview.title}: </strong> : null}
        {plural(preview.scenes.length, 'scene')}, {plural(preview.shots, 'shot')}, {plural(preview.dialogueLines, 'dialogue line')},{' '}
        {formatRunningTime(preview.runningTimeS)} of footage, {importCostText(preview, formatUsd)}.
        {preview.measuredShots > 0 &&
          ` ${plural(preview.measuredShots, 'rewritten shot')} timed by ${preview.measuredShots === 1 ? 'its' : 'their'} recorded lines.`}
      </p>
      {preview.revision && (
        <p className="script-revision" data-testid="script-revision">
          Against the draft imported before: {preview.revision.added} added, {preview.revision.removed} removed, {preview.revision.changed} changed,{' '}
          {preview.revision.moved} moved, {preview.revision.same} unchanged.
          {preview.revision.keptWithTakes > 0 && ` ${plural(preview.revision.keptWithTakes, 'shot')} with takes will be kept and marked “Script changed”.`}
        </p>
      )}
      <div className="script-columns">
        <section aria-label="Scenes">
          <h3>Scenes</h3>
          <ol className="script-scenes">
            {preview.scenes.map((s, i) => (
              <li key={i}>
                <span>{s.heading}</span> <span className="muted">{plural(s.shots, 'shot')}</span>
                {s.change && s.change !== 'same' && <span className={`script-change is-${s.change}`}> {s.change}</span>}
              </li>
            ))}
          </ol>
        </section>
        <section aria-label="Characters and locations">
          <h3>Characters</h3>
          <ul className="script-people">
            {preview.characters.map((c) => (
              <li key={c.name}>
                <label>
                  <input type="checkbox" checked={ticked.has(c.name)} onChange={() => toggle(c.name)} /> {c.name}{' '}
                  <span className="muted">
                    {c.speaks ? plural(c.lines, 'line') : 'never speaks'} · {c.matched ? 'in the library' : `new @${c.tag}`}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {preview.locations.length > 0 && (
            <>
              <h3>Locations</h3>
              <ul className="script-people">
                {preview.locations.map((l) => (
                  <li key={l.name}>
                    {l.name} <span className="muted">{l.matched ? 'in the library' : `new @${l.tag}`}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
    </div>
  );
}

export function ScriptImportDialog() {
  const { open, dropped, close } = useScriptImport();
  const qc = useQueryClient();
  const [path, setPath] = useState('');
  const [granularity, setGranularity] = useState<Granularity>('paragraph');
  const [tool, setTool] = useState('local:animatic');
  const [source, setSource] = useState<Source | null>(null);
  const [preview, setPreview] = useState<ScriptPreview | null>(null);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const { busy, error, setError, run } = useBusy();

  const load = (src: Source, g: Granularity, t: string) =>
    run(async () => {
      try {
        const next = await call('script.preview', { source: src, granularity: g, tool: t });
        setPreview(next);
        setTicked(new Set(next.characters.filter((c) => c.speaks).map((c) => c.name)));
      } catch (err) {
        setPreview(null);
        throw err;
      }
    });

  useEffect(() => {
    if (!open) return;
    setPreview(null);
    setError(null);
    if (!dropped) return setSource(null);
    void sourceOf(dropped).then((src) => {
      setSource(src);
      void load(src, granularity, tool);
    });
    // The choices are read at the drop; changing them later reloads through their own handlers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, dropped]);

  const choose = (g: Granularity, t: string) => {
    setGranularity(g);
    setTool(t);
    if (source) void load(source, g, t);
  };

  const importIt = async () => {
    if (!source || !preview) return;
    await run(async () => {
      const result = await call('script.import', { source, granularity, tool, characters: [...ticked] });
      await Promise.all([qc.invalidateQueries({ queryKey: keys.snapshot }), qc.invalidateQueries({ queryKey: libraryKeys.all })]);
      useUi.getState().notify('info', `Imported ${result.shots} shots in ${result.scenes} scenes — Ctrl+Z to undo`);
      close();
    });
  };

  return (
    <Dialog open={open} title="Import script or shot list" className="script-import-dialog" onClose={close}>
      <p className="muted dialog-text">
        Fountain (.fountain) or Final Draft (.fdx) scripts, JSON or CSV shot lists. Nothing is written until you press Import.
      </p>
      <form
        aria-label="Import script"
        onSubmit={(e) => {
          e.preventDefault();
          if (preview) void importIt();
          else if (path.trim()) {
            const src: Source = { name: path.trim().split(/[\\/]/).pop() || path.trim(), path: path.trim() };
            setSource(src);
            void load(src, granularity, tool);
          }
        }}
      >
        {dropped ? (
          <p className="script-file">
            File: <strong>{dropped.name}</strong>
          </p>
        ) : (
          <PathField
            id="script-file"
            label="Script or shot list"
            value={path}
            onChange={(v) => {
              setPath(v);
              setPreview(null);
            }}
            placeholder="/path/to/Night Diner.fountain"
            disabled={busy}
          />
        )}
        <div className="script-choices">
          <label>
            Shots
            <select value={granularity} disabled={busy} onChange={(e) => choose(e.target.value as Granularity, tool)}>
              {GRANULARITIES.map((g) => (
                <option key={g} value={g}>
                  {GRANULARITY_LABELS[g]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Tool for new shots
            <ToolSelect id="script-tool" label="Tool for new shots" value={tool} disabled={busy} onChange={(t) => choose(granularity, t)} />
          </label>
        </div>
        {busy && !preview && <p className="muted">Reading the file…</p>}
        {preview && (
          <PreviewView
            preview={preview}
            ticked={ticked}
            toggle={(name) => {
              const next = new Set(ticked);
              if (next.has(name)) next.delete(name);
              else next.add(name);
              setTicked(next);
            }}
          />
        )}
        <FormError error={error} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          {preview ? (
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {/* A revision changes what the status line counts, not all of the draft's shots. */}
              {preview.revision ? 'Import the revision' : `Import ${plural(preview.shots, 'shot')}`}
            </button>
          ) : (
            <button type="submit" className="btn btn-primary" disabled={busy || (!dropped && !path.trim())}>
              Preview
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
