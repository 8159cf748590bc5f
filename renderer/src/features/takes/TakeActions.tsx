// What a filmmaker does with a take: circle it for the cut, escalate it to a final, hide it
// (reject: kept, undoable) or delete it for good (confirmed: the file goes too).
import { useState } from 'react';
import { videoModels } from '../../../../shared/catalog';
import { estimateShot } from '../../../../shared/domain/cost';
import type { TakeInfo } from '../../../../shared/domain/takes';
import type { Shot } from '../../../../shared/domain/types';
import { useTakeAction } from '../../api/takes';
import { TrashIcon } from '../../components/icons';
import { ToolSelect } from '../../components/ToolSelect';
import { formatUsd } from '../../lib/format';
import { useUi } from '../../stores/ui';
import { Dialog } from './Dialog';

export function TakeActions({ take, shot }: { take: TakeInfo; shot: Shot }) {
  const select = useTakeAction('takes.select');
  const reject = useTakeAction('takes.reject');
  const [dialog, setDialog] = useState<'delete' | 'final' | null>(null);
  return (
    <div className="take-actions" role="toolbar" aria-label="Take actions">
      <button
        type="button"
        className={`btn btn-small circle-btn${take.selected ? ' is-on' : ''}`}
        aria-pressed={take.selected}
        disabled={take.rejected}
        title={take.selected ? 'This take plays in the cut. Click to uncircle (the newest take plays instead).' : 'Use this take in the cut'}
        onClick={() => select.mutate({ shotId: shot.id, takeId: take.selected ? null : take.id })}
      >
        <span className="circle-mark" aria-hidden="true" />
        {take.selected ? 'Circled' : 'Circle for the cut'}
      </button>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => setDialog('final')}
        title="Re-run this shot on a final-quality tool, keeping prompt, references, keyframes and seed"
      >
        Make final…
      </button>
      <span className="toolbar-spacer" />
      <button
        type="button"
        className="btn btn-small"
        onClick={() => reject.mutate({ takeId: take.id, rejected: !take.rejected })}
        title={take.rejected ? 'Show this take again' : 'Hide this take from the strip and the cut (kept; undoable)'}
      >
        {take.rejected ? 'Restore' : 'Reject'}
      </button>
      <button
        type="button"
        className="icon-btn danger"
        aria-label={`Delete take ${take.number}…`}
        title="Delete this take and its file"
        onClick={() => setDialog('delete')}
      >
        <TrashIcon />
      </button>
      <DeleteDialog open={dialog === 'delete'} take={take} label={shot.label} onClose={() => setDialog(null)} />
      <FinalDialog open={dialog === 'final'} take={take} shot={shot} onClose={() => setDialog(null)} />
    </div>
  );
}

function DeleteDialog({ open, take, label, onClose }: { open: boolean; take: TakeInfo; label: string; onClose: () => void }) {
  const del = useTakeAction('takes.delete');
  const go = () =>
    del.mutate(
      { takeId: take.id, confirm: true, force: take.selected || undefined },
      {
        onSuccess: ({ fileRemoved }) => {
          useUi
            .getState()
            .notify('info', `Take ${take.number} of ${label} deleted${fileRemoved ? ', and its file' : ' (its file is still used elsewhere and was kept)'}.`);
          onClose();
        },
      },
    );
  return (
    <Dialog open={open} title={`Delete take ${take.number} of ${label}?`} onClose={onClose}>
      <p className="dialog-text">
        The take and its video file are deleted from the project for good. This cannot be undone
        {take.costUsd > 0 ? `, and the ${formatUsd(take.costUsd)} it cost is not refunded` : ''}.
        {take.selected && ' It is the circled take: the cut plays the newest remaining take instead.'}
      </p>
      <p className="muted dialog-text">To hide it and keep it, use Reject instead.</p>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Keep it
        </button>
        <button type="button" className="btn btn-danger" disabled={del.isPending} onClick={go}>
          Delete take and file
        </button>
      </div>
    </Dialog>
  );
}

function FinalDialog({ open, take, shot, onClose }: { open: boolean; take: TakeInfo; shot: Shot; onClose: () => void }) {
  const premium =
    videoModels()
      .filter((m) => m.tool !== take.tool)
      .sort((a, b) => b.price.usdPerSecond - a.price.usdPerSecond)[0]?.tool ?? take.tool;
  const [tool, setTool] = useState(shot.finalTool ?? premium);
  const final = useTakeAction('takes.makeFinal');
  const estimate = estimateShot(shot, tool);
  const go = () =>
    final.mutate(
      { takeId: take.id, tool },
      {
        onSuccess: (r) => {
          useUi.getState().notify('info', `Final of ${shot.label} queued on ${r.tool} (≈ ${formatUsd(r.estimateUsd)}).`);
          onClose();
        },
      },
    );
  return (
    <Dialog open={open} title={`Make a final of ${shot.label}`} onClose={onClose}>
      <p className="dialog-text muted">
        Runs the shot again from take {take.number} as a new job: same prompt, references and keyframes, and seed {take.seed ?? '(none)'} where the tool accepts
        it. The new take is linked to this draft.
      </p>
      <label className="field">
        <span className="field-label">Final tool{shot.finalTool ? ' (the shot’s final tool is preselected)' : ''}</span>
        <ToolSelect value={tool} onChange={setTool} label="Final tool" />
      </label>
      <p className="estimate-row">
        <span className="muted">Estimate</span> <strong className="estimate-usd">{formatUsd(estimate.usd)}</strong>
        {estimate.adjustment && <span className="estimate-note">{estimate.adjustment}</span>}
      </p>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="btn btn-primary" disabled={final.isPending} onClick={go}>
          Queue final
        </button>
      </div>
    </Dialog>
  );
}
