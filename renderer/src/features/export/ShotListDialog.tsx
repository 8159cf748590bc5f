// "Export shot list…": the plan as a CSV for spreadsheets, at any time (no take needed).
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { call, errorMessage } from '../../api/client';
import { Dialog } from '../takes/Dialog';
import { FormError } from './FormError';
import { PathField } from './PathField';
import { ShowInFolder } from './ShowInFolder';
import { useExportDialog } from './store';

export function ShotListDialog() {
  const open = useExportDialog((s) => s.open === 'shotList');
  const setOpen = useExportDialog((s) => s.setOpen);
  const info = useQuery({ queryKey: ['export', 'info'], queryFn: () => call('export.info', {}), enabled: open });
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ path: string; shots: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (info.data && !target) setTarget(info.data.defaultOutDir);
  }, [info.data, target]);

  const save = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await call('export.shotList', { path: target.trim() }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} title="Export shot list" onClose={() => setOpen(null)}>
      <p className="muted dialog-text">
        Scene, shot, duration, camera move, action, dialogue, tool, prompt, estimated and actual cost, one row per shot (CSV, UTF-8).
      </p>
      <form
        aria-label="Shot list export"
        onSubmit={(e) => {
          e.preventDefault();
          if (target.trim()) void save();
        }}
      >
        <PathField id="shotlist-path" label="Save to (a folder or a .csv file)" value={target} onChange={setTarget} disabled={busy} browse />
        {done && (
          <div className="render-done" role="status" aria-label="Shot list result">
            <p>
              Wrote {done.shots} shots to <code data-testid="shotlist-file">{done.path}</code>
            </p>
            <ShowInFolder path={done.path} />
          </div>
        )}
        <FormError error={error} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => setOpen(null)}>
            {done ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || !target.trim()}>
            Export
          </button>
        </div>
      </form>
    </Dialog>
  );
}
