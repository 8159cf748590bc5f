import { useMemo } from 'react';
import { estimateShot } from '../../../../shared/domain/cost';
import { plural } from '../../../../shared/domain/words';
import type { Shot } from '../../../../shared/domain/types';
import { formatCredits, formatSeconds, formatUsd } from '../../lib/format';
import { useShotPlan } from '../queue/jobsApi';

/** What the Generate button beside it will cost (its takes, a frame made first included), and the setting it was priced at. */
export function ShotEstimateLine({ shot }: { shot: Shot }) {
  const plan = useShotPlan(shot.id);
  const e = useMemo(() => estimateShot(shot, plan?.shot.tool), [shot, plan?.shot.tool]);
  if (!plan) return null;
  const { takeUsd, frameUsd, takesUsd } = plan.shot;
  return (
    <div className="estimate" aria-label="Shot estimate" role="group">
      <div className="estimate-row">
        <strong className="estimate-usd" data-testid="generate-estimate">
          {formatUsd(takesUsd)}
        </strong>
        <span className="muted">
          {plural(plan.takes, 'take')} × {formatUsd(takeUsd)}
          {frameUsd > 0 && ` (${formatUsd(frameUsd)} start frame made first)`}
          {e.credits !== null && ` · ${formatCredits(e.credits)} a take`} · billed {formatSeconds(e.billedDurationS)}
        </span>
      </div>
      {e.adjustment && <p className="estimate-note">{e.adjustment}</p>}
    </div>
  );
}
