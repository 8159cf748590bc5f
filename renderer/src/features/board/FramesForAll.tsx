// "Frames for all shots without one": the batch's cost on the button, a confirmation with the
// sum spelled out when it is not free, then one frames.generate call. What it leaves out opens
// the Skipped dialog; refusals (over budget) come back as toasts.
import { useState } from 'react';
import { getModel } from '../../../../shared/catalog';
import type { FramePlan } from '../../../../shared/domain/jobs';
import { plural } from '../../../../shared/domain/words';
import { formatUsd } from '../../lib/format';
import { targets } from '../../lib/selection';
import { useUi } from '../../stores/ui';
import { useCostPlan } from '../queue/jobsApi';
import { GenerateIcon } from '../queue/icons';
import { Dialog } from '../takes/Dialog';
import { useFramesGenerate } from './boardApi';

/** "12 shots × 2 takes × $0.05 = $1.20": how the batch's price is made. */
export function frameSum(plan: FramePlan, takes: number): string {
  return `${plural(plan.missing, 'shot')} × ${plural(takes, 'take')} × ${formatUsd(plan.frameUsd)} = ${formatUsd(plan.planUsd)}`;
}

export function FramesForAll() {
  const plan = useCostPlan().data;
  const frames = useFramesGenerate();
  const [confirming, setConfirming] = useState(false);
  const fp = plan?.frames;
  const run = () => {
    setConfirming(false);
    frames.mutate({ missing: true });
  };
  const none = fp?.missing === 0;
  return (
    <>
      <button
        type="button"
        className="btn btn-primary btn-keep-label"
        data-testid="frames-for-all"
        disabled={frames.isPending || none}
        title={
          none
            ? 'Every shot has a circled frame or one on its way'
            : fp
              ? `${plural(fp.missing, 'shot')} without a frame: ${frameSum(fp, plan.takes)}`
              : 'Frames for every shot with no circled frame'
        }
        onClick={() => (fp && fp.planUsd > 0 ? setConfirming(true) : run())}
      >
        <GenerateIcon /> <span className="btn-label">Frames for all shots without one{fp ? ` · ${formatUsd(fp.planUsd)}` : ''}</span>
      </button>
      {fp && plan && (
        <Dialog open={confirming} title={`Make frames for ${plural(fp.missing, 'shot')}?`} onClose={() => setConfirming(false)}>
          <p data-testid="frames-sum">
            {frameSum(fp, plan.takes)} on {getModel(fp.tool)?.name ?? fp.tool}.
          </p>
          <p className="muted">Each shot gets {plural(plan.takes, 'frame')} with distinct seeds; circle the one you want and it becomes the start keyframe.</p>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button type="button" className="btn btn-primary" onClick={run}>
              Make frames · {formatUsd(fp.planUsd)}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}

/** New frames for the picked shots (the selection, else the focused shot). */
export function RedoFrames() {
  const selection = useUi((s) => s.selection);
  const ids = targets(selection);
  const plan = useCostPlan().data;
  const frames = useFramesGenerate();
  const usd = plan ? ids.length * plan.takes * plan.frames.frameUsd : null;
  return (
    <button
      type="button"
      className="btn btn-keep-label"
      data-testid="redo-frames"
      disabled={!ids.length || frames.isPending}
      title={ids.length ? `New frames for ${plural(ids.length, 'picked shot')} (Ctrl or Shift click panels to pick several)` : 'Pick panels first'}
      onClick={() => frames.mutate({ shotIds: ids })}
    >
      <GenerateIcon />{' '}
      <span className="btn-label">
        Redo frames{ids.length > 1 ? ` (${ids.length})` : ''}
        {usd ? ` · ${formatUsd(usd)}` : ''}
      </span>
    </button>
  );
}
