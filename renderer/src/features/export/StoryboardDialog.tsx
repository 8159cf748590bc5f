// "Export storyboard PDF…": the storyboard alone, in seconds, at any time (a shot without a take
// gets its keyframe or a card), with 2, 3 or 6 panels a page.
import { useState } from 'react';
import { PANELS_PER_PAGE, PAPER_SIZES, type PanelsPerPage, type PaperSize } from '../../../../shared/domain/storyboard';
import { call } from '../../api/client';
import { Dialog } from '../takes/Dialog';
import { Choice } from './Choice';
import { ExportFooter } from './ExportFooter';
import { PathField } from './PathField';
import { ShowInFolder } from './ShowInFolder';
import { useFileExport } from './useFileExport';

const PER_PAGE_LABELS: Record<PanelsPerPage, string> = {
  2: '2 — large, room for notes',
  3: '3 — the classic sheet',
  6: '6 — the whole film at a glance',
};
const PAPER_LABELS: Record<PaperSize, string> = { A4: 'A4', LETTER: 'US Letter' };

export function StoryboardDialog() {
  const [perPage, setPerPage] = useState<PanelsPerPage>(3);
  const [paper, setPaper] = useState<PaperSize>('A4');
  const { open, close, target, setTarget, busy, done, error, save } = useFileExport('storyboard', (path) =>
    call('export.storyboard', { path, perPage, paper }),
  );

  return (
    <Dialog open={open} title="Export storyboard PDF" className="export-dialog" onClose={close}>
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
        <ExportFooter error={error} done={!!done} busy={busy} ready={!!target.trim()} onClose={close} />
      </form>
    </Dialog>
  );
}
