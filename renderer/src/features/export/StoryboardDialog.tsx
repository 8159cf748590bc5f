// "Export storyboard PDF…": the storyboard alone, in seconds, at any time (a shot without a take
// gets its keyframe or a card), with 2, 3 or 6 panels a page.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { PANELS_PER_PAGE, PAPER_SIZES, type PanelsPerPage, type PaperSize, type StoryboardSummary } from '../../../../shared/domain/storyboard';
import { call, errorMessage } from '../../api/client';
import { Dialog } from '../takes/Dialog';
import { Choice } from './Choice';
import { FormError } from './FormError';
import { PathField } from './PathField';
import { ShowInFolder } from './ShowInFolder';
import { useExportDialog } from './store';

const PER_PAGE_LABELS: Record<PanelsPerPage, string> = {
  2: '2 — large, room for notes',
  3: '3 — the classic sheet',
  6: '6 — the whole film at a glance',
};
const PAPER_LABELS: Record<PaperSize, string> = { A4: 'A4', LETTER: 'US Letter' };

export function StoryboardDialog() {
  const open = useExportDialog((s) => s.open === 'storyboard');
  const setOpen = useExportDialog((s) => s.setOpen);
  const info = useQuery({ queryKey: ['export', 'info'], queryFn: () => call('export.info', {}), enabled: open });
  const [target, setTarget] = useState('');
  const [perPage, setPerPage] = useState<PanelsPerPage>(3);
  const [paper, setPaper] = useState<PaperSize>('A4');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<StoryboardSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (info.data && !target) setTarget(info.data.defaultOutDir);
  }, [info.data, target]);

  const save = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await call('export.storyboard', { path: target.trim(), perPage, paper }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} title="Export storyboard PDF" className="export-dialog" onClose={() => setOpen(null)}>
      <p className="muted dialog-text">
        A panel per shot, scene by scene: the circled take’s frame (else the newest take’s, the start keyframe or a card), with the action, dialogue, duration,
        camera move and tool.
      </p>
      <form
        aria-label="Storyboard export"
        onSubmit={(e) => {
          e.preventDefault();
          if (target.trim()) void save();
        }}
      >
        <PathField id="storyboard-path" label="Save to (a folder or a .pdf file)" value={target} onChange={setTarget} disabled={busy} browse />
        <div className="export-choices">
          <Choice
            legend="Panels a page"
            name="storyboard-per-page"
            options={PANELS_PER_PAGE}
            labels={PER_PAGE_LABELS}
            value={perPage}
            onChange={setPerPage}
            disabled={busy}
          />
          <Choice legend="Paper" name="storyboard-paper" options={PAPER_SIZES} labels={PAPER_LABELS} value={paper} onChange={setPaper} disabled={busy} />
        </div>
        {done && (
          <div className="render-done" role="status" aria-label="Storyboard result">
            <p>
              Wrote {done.shots} shots on {done.pages} pages to <code data-testid="storyboard-file">{done.path}</code>
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
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
