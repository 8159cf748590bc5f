// "Export: DaVinci Resolve…": the choices, then progress with the step and file being made and
// Cancel, the "already exists — replace?" question the core asks through an error code, and the
// finished folder's path.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  EXPORT_EXISTS,
  EXPORT_STEP_LABELS,
  FRAME_FIT_LABELS,
  FRAME_FITS,
  MEDIA_FORMAT_LABELS,
  MEDIA_FORMATS,
  type FrameFit,
  type MediaFormat,
  type ResolveExportProgress,
  type ResolveExportSummary,
} from '../../../../shared/domain/resolveExport';
import { call, errorMessage, ShotlineError, subscribe } from '../../api/client';
import { useUi } from '../../stores/ui';
import { Dialog } from '../takes/Dialog';
import { TimeLeft } from '../../components/TimeLeft';
import { Choice } from './Choice';
import { FormError } from './FormError';
import { PathField } from './PathField';
import { ShowInFolder } from './ShowInFolder';
import { useExportDialog } from './store';

type Run = { id: string; progress: ResolveExportProgress | null; canceling: boolean; startedAt: number };
const joinPath = (dir: string, name: string) => `${dir.replace(/[\\/]+$/, '')}${dir.includes('\\') && !dir.includes('/') ? '\\' : '/'}${name}`;

export function ResolveExportDialog() {
  const open = useExportDialog((s) => s.open === 'resolve');
  const setOpen = useExportDialog((s) => s.setOpen);
  const info = useQuery({ queryKey: ['export', 'info'], queryFn: () => call('export.info', {}), enabled: open });
  const [outDir, setOutDir] = useState('');
  const [format, setFormat] = useState<MediaFormat>('h264');
  const [fit, setFit] = useState<FrameFit>('letterbox');
  const [alternates, setAlternates] = useState(false);
  const [run, setRun] = useState<Run | null>(null);
  const [askReplace, setAskReplace] = useState(false);
  const [done, setDone] = useState<ResolveExportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (info.data && !outDir) setOutDir(info.data.defaultOutDir);
  }, [info.data, outDir]);
  useEffect(() => {
    if (!run) return;
    return subscribe('export.progress', (p) => setRun((r) => (r && r.id === p.exportId ? { ...r, progress: p } : r)));
  }, [run?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const start = async (replace: boolean) => {
    const id = `export-${Date.now().toString(36)}`;
    setRun({ id, progress: null, canceling: false, startedAt: Date.now() });
    setAskReplace(false);
    setDone(null);
    setError(null);
    try {
      const result = await call('export.resolve', { exportId: id, outDir: outDir.trim(), format, fit, alternates, replace });
      setDone(result);
      useUi.getState().notify('info', `Exported for DaVinci Resolve: ${result.folder}`);
    } catch (err) {
      if (err instanceof ShotlineError && err.code === EXPORT_EXISTS) setAskReplace(true);
      else setError(errorMessage(err));
    } finally {
      setRun(null);
    }
  };
  const cancel = () => {
    if (!run) return;
    setRun({ ...run, canceling: true });
    void call('export.cancel', { exportId: run.id }).catch((err) => setError(errorMessage(err)));
  };
  const busy = !!run;
  const target = info.data && outDir.trim() ? joinPath(outDir.trim(), info.data.folderName) : null;

  return (
    // Closing while it runs leaves the export running; its result comes as a toast.
    <Dialog open={open} title="Export: DaVinci Resolve" className="export-dialog" onClose={() => setOpen(null)}>
      <p className="muted dialog-text">
        An edit-ready folder: each shot's circled take (else its newest) conformed to 24 fps
        {info.data ? ` at ${info.data.width} × ${info.data.height}` : ''} with its trim or hold, placeholders for shots without a take, FCPXML, EDL and OTIO
        timelines, Media Pool metadata, the storyboard PDF and the shot list.
      </p>
      <form
        aria-label="Resolve export"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy && outDir.trim()) void start(false);
        }}
      >
        <PathField
          id="export-dest"
          label="Destination folder"
          value={outDir}
          onChange={setOutDir}
          disabled={busy}
          browse
          hint={target ? `Creates ${target}` : undefined}
        />
        <div className="export-choices">
          <Choice
            legend="Media format"
            name="export-format"
            options={MEDIA_FORMATS}
            labels={MEDIA_FORMAT_LABELS}
            value={format}
            onChange={setFormat}
            disabled={busy}
          />
          <Choice
            legend="Takes of another shape"
            name="export-fit"
            options={FRAME_FITS}
            labels={FRAME_FIT_LABELS}
            value={fit}
            onChange={setFit}
            disabled={busy}
          />
        </div>
        <label className="check-row">
          <input type="checkbox" checked={alternates} disabled={busy} onChange={(e) => setAlternates(e.target.checked)} />
          Also export each shot's other good takes (Alternates/)
        </label>
        {run && (
          <div className="render-progress" role="status" aria-label="Export progress">
            <progress aria-label="Export progress" max={1} value={run.progress?.fraction ?? 0} />
            <span className="export-step">{run.canceling ? 'Canceling…' : run.progress ? EXPORT_STEP_LABELS[run.progress.step] : 'Starting…'}</span>
            {!run.canceling && run.progress && <span className="muted export-detail">{run.progress.detail}</span>}
            {!run.canceling && run.progress && <TimeLeft startedAt={run.startedAt} fraction={run.progress.fraction} />}
          </div>
        )}
        {askReplace && target && (
          <div className="export-confirm" role="alertdialog" aria-label="Replace existing export">
            <p>
              <code>{target}</code> already exists. Replace it with this export? The old folder is removed only once the new one is complete.
            </p>
            <div className="dialog-actions">
              <button type="button" className="btn" onClick={() => setAskReplace(false)}>
                Keep it
              </button>
              <button type="button" className="btn btn-primary" onClick={() => void start(true)}>
                Replace
              </button>
            </div>
          </div>
        )}
        {done && (
          <div className="render-done" role="status" aria-label="Export result">
            <p>
              Exported {done.shots} shots ({done.takes} takes, {done.placeholders} placeholders{done.alternates ? `, ${done.alternates} alternates` : ''});{' '}
              {done.copied} copied as they were, {done.encoded} conformed.
            </p>
            <p>
              Folder: <code data-testid="export-folder">{done.folder}</code>
            </p>
            <ShowInFolder path={done.folder} />
            <p className="muted">In Resolve: File › Import › Timeline… and pick the .fcpxml (README.txt has the three steps).</p>
            {done.warnings.map((w) => (
              <p key={w} className="form-error">
                {w}
              </p>
            ))}
          </div>
        )}
        <FormError error={error} />
        <div className="dialog-actions">
          {run ? (
            <button type="button" className="btn" onClick={cancel} disabled={run.canceling}>
              Cancel export
            </button>
          ) : (
            <>
              <button type="button" className="btn" onClick={() => setOpen(null)}>
                {done ? 'Close' : 'Cancel'}
              </button>
              <button type="submit" className="btn btn-primary" disabled={!outDir.trim() || askReplace}>
                Export
              </button>
            </>
          )}
        </div>
      </form>
    </Dialog>
  );
}
