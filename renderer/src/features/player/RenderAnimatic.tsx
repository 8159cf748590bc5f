// "Render animatic…": one MP4 of the cut as it plays now, written to the project's Renders/
// folder by the core, with progress, cancel and an optional burn-in of label and timecode.
import { useEffect, useRef, useState } from 'react';
import type { AnimaticResult } from '../../../../shared/domain/takes';
import { formatRunningTime } from '../../../../shared/domain/timecode';
import { call, errorMessage, subscribe } from '../../api/client';
import { FilmIcon } from '../../components/icons';
import { useUi } from '../../stores/ui';
import { ShowInFolder } from '../export/ShowInFolder';
import { Dialog } from '../takes/Dialog';
import { TimeLeft } from '../../components/TimeLeft';

type Run = { id: string; fraction: number; stage: string; canceling: boolean; startedAt: number };

export function RenderAnimatic({ disabled }: { disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const [burnIn, setBurnIn] = useState(true);
  const [run, setRun] = useState<Run | null>(null);
  const [done, setDone] = useState<AnimaticResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canceled = useRef(false);

  useEffect(() => {
    if (!run) return;
    return subscribe('cut.animaticProgress', (p) => {
      if (p.renderId === run.id) setRun((r) => (r && r.id === p.renderId ? { ...r, fraction: p.fraction, stage: p.stage } : r));
    });
  }, [run?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const start = async () => {
    const id = `animatic-${Date.now().toString(36)}`;
    setRun({ id, fraction: 0, stage: 'Starting…', canceling: false, startedAt: Date.now() });
    setDone(null);
    setError(null);
    canceled.current = false;
    try {
      const result = await call('cut.renderAnimatic', { renderId: id, burnIn });
      setDone(result);
      useUi.getState().notify('info', `Animatic written to ${result.path}`);
    } catch (err) {
      setError(canceled.current ? null : errorMessage(err));
      if (canceled.current) useUi.getState().notify('info', 'Animatic render canceled.');
    } finally {
      setRun(null);
    }
  };
  const cancel = () => {
    if (!run) return;
    canceled.current = true;
    setRun({ ...run, canceling: true });
    void call('cut.cancelAnimatic', { renderId: run.id }).catch((err) => setError(errorMessage(err)));
  };

  return (
    <>
      <button
        type="button"
        className="btn btn-small render-animatic"
        disabled={disabled}
        onClick={() => setOpen(true)}
        title="Write the cut as one MP4"
        aria-label={run ? `Rendering ${Math.round(run.fraction * 100)}%` : 'Render animatic…'}
      >
        <FilmIcon />
        <span className="btn-label">{run ? `Rendering ${Math.round(run.fraction * 100)}%` : 'Render animatic…'}</span>
      </button>
      <Dialog open={open} title="Render animatic" onClose={() => setOpen(false)}>
        <p className="muted dialog-text">
          One MP4 of the cut as it plays now: each shot's circled take (else its newest), stills held for their length, conformed to 24 fps. It goes to the
          project's Renders folder.
        </p>
        <label className="check-row">
          <input type="checkbox" checked={burnIn} disabled={!!run} onChange={(e) => setBurnIn(e.target.checked)} />
          Burn in the shot label and timecode
        </label>
        {run && (
          <div className="render-progress" role="status">
            <progress aria-label="Render progress" max={1} value={run.fraction} />
            <span className="muted">{run.canceling ? 'Canceling…' : run.stage}</span>
            {!run.canceling && <TimeLeft startedAt={run.startedAt} fraction={run.fraction} />}
          </div>
        )}
        {done && (
          <div className="render-done" role="status" aria-label="Render result">
            <p>
              Done: {formatRunningTime(done.durationS)} ({done.frames} frames, {done.mode === 'copy' ? 'joined without re-encoding' : 'conformed'}) —{' '}
              <code>{done.path}</code>
            </p>
            <ShowInFolder path={done.path} />
          </div>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          {run ? (
            <button type="button" className="btn" onClick={cancel} disabled={run.canceling}>
              Cancel render
            </button>
          ) : (
            <button type="button" className="btn btn-primary" onClick={() => void start()}>
              Render
            </button>
          )}
        </div>
      </Dialog>
    </>
  );
}
