// What a filmmaker does with a take: circle it for the cut, escalate it to a final, hide it
// (reject: kept, undoable) or delete it for good (confirmed: the file goes too).
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { getModel } from '../../../../shared/catalog';
import type { TakeInfo } from '../../../../shared/domain/takes';
import type { Shot } from '../../../../shared/domain/types';
import { call, errorMessage } from '../../api/client';
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
  // null: what the core proposes (the shot's final tool, else the same model a tier up).
  const [tool, setTool] = useState<string | null>(null);
  const quote = useQuery({
    queryKey: ['takes', 'finalQuote', take.id, tool],
    queryFn: () => call('takes.finalQuote', { takeId: take.id, tool: tool ?? undefined }),
    enabled: open,
    retry: false,
  });
  const final = useTakeAction('takes.makeFinal');
  const q = quote.data;
  const short = !!q && q.budgetLeftUsd !== null && q.estimateUsd > q.budgetLeftUsd + 1e-9;
  const go = () =>
    q &&
    final.mutate(
      { takeId: take.id, tool: q.tool, resolution: q.resolution || undefined },
      {
        onSuccess: (r) => {
          useUi.getState().notify('info', `Final of ${shot.label} queued on ${getModel(r.tool)?.name ?? r.tool} (≈ ${formatUsd(r.estimateUsd)}).`);
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
        <span className="field-label">Final tool</span>
        <ToolSelect value={q?.tool ?? tool ?? ''} onChange={(t) => setTool(t || null)} label="Final tool" emptyOption={q || tool ? undefined : 'Pick a tool'} />
      </label>
      {quote.isError && !tool && <p className="field-issue issue-warning">{errorMessage(quote.error)}</p>}
      {quote.isError && tool && <p className="field-issue issue-error">{errorMessage(quote.error)}</p>}
      {q && (
        <div className="final-quote" data-testid="final-quote">
          <p className="estimate-row">
            <span className="muted">{tool ? 'Your pick' : shot.finalTool ? 'The shot’s final tool' : 'The same model, a tier up'}</span>
            <strong>
              {getModel(q.tool)?.name ?? q.tool}
              {q.resolution ? ` at ${q.resolution}` : ''}
            </strong>
          </p>
          <p className="estimate-row">
            <span className="muted">Estimate</span> <strong className="estimate-usd">{formatUsd(q.estimateUsd)}</strong>
            {q.budgetLeftUsd !== null && q.budgetUsd !== null && (
              <span className={short ? 'issue-error' : 'muted'} data-testid="final-budget">
                {formatUsd(Math.max(0, q.budgetLeftUsd))} of the {formatUsd(q.budgetUsd)} budget left
                {short ? ': not enough. Raise the budget or pick a cheaper tool.' : `, ${formatUsd(q.budgetLeftUsd - q.estimateUsd)} after this`}
              </span>
            )}
          </p>
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="btn btn-primary" disabled={!q || short || final.isPending} onClick={go}>
          Queue final{q ? ` · ${formatUsd(q.estimateUsd)}` : ''}
        </button>
      </div>
    </Dialog>
  );
}
