// "Export shot list…": the plan as a CSV for spreadsheets, at any time (no take needed).
import { call } from '../../api/client';
import { Dialog } from '../takes/Dialog';
import { ExportFooter } from './ExportFooter';
import { PathField } from './PathField';
import { ShowInFolder } from './ShowInFolder';
import { useFileExport } from './useFileExport';

export function ShotListDialog() {
  const { open, close, target, setTarget, busy, done, error, save } = useFileExport('shotList', (path) => call('export.shotList', { path }));

  return (
    <Dialog open={open} title="Export shot list" onClose={close}>
      <p className="muted dialog-text">
        Scene, shot, duration, camera move, action, dialogue, tool, prompt, the shot-list columns (size, angle, lens, equipment, location, cast, setup and your
        own), estimated and actual cost, one row per shot (CSV, UTF-8).
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
        <ExportFooter error={error} done={!!done} busy={busy} ready={!!target.trim()} onClose={close} />
      </form>
    </Dialog>
  );
}
