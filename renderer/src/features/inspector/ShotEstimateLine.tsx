import { useMemo } from 'react';
import { estimateShot } from '../../../../shared/domain/cost';
import type { Shot } from '../../../../shared/domain/types';
import { formatCredits, formatSeconds, formatUsd } from '../../lib/format';

/** This shot's estimate, and the setting it was priced at when that differs from the shot. */
export function ShotEstimateLine({ shot }: { shot: Shot }) {
  const e = useMemo(() => estimateShot(shot), [shot]);
  return (
    <div className="inspector-section estimate" aria-label="Shot estimate" role="group">
      <div className="estimate-row">
        <span className="muted">Estimate</span>
        <strong className="estimate-usd">{formatUsd(e.usd)}</strong>
        {e.credits !== null && <span className="muted">{formatCredits(e.credits)}</span>}
        <span className="muted">· billed {formatSeconds(e.billedDurationS)}</span>
      </div>
      {e.adjustment && <p className="estimate-note">{e.adjustment}</p>}
    </div>
  );
}
