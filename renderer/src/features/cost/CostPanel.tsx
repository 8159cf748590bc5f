// What the plan will cost: total, budget, where the money goes (provider, scene), and the
// same shots priced all on Runway or all on Kling — the comparison filmmakers ask for.
import { useMemo } from 'react';
import { estimateShot, projectCost } from '../../../../shared/domain/cost';
import { formatRunningTime } from '../../../../shared/domain/timecode';
import type { ProjectSnapshot } from '../../../../shared/domain/types';
import { WarningIcon } from '../../components/icons';
import { spendText } from '../../lib/charged';
import { formatCredits, formatUsd } from '../../lib/format';
import { providerLabel } from '../../lib/labels';
import { timelineOf } from '../../lib/timeline';
import { useJobStatus } from '../queue/jobsApi';
import { UsableCost } from '../takes/UsableCost';
import { BudgetField } from './BudgetField';

function Bar({ value, max, provider }: { value: number; max: number; provider?: string }) {
  const pct = max > 0 ? Math.min(100, (value / max) * 100) : 0;
  return (
    <span className="bar" aria-hidden="true">
      <span className="bar-fill" data-provider={provider} style={{ width: `${pct}%` }} />
    </span>
  );
}

/** What generation has cost so far, charged figures apart from estimates. */
function SpentLine() {
  const spend = useJobStatus().data?.spend;
  const text = spend ? spendText(spend) : null;
  return text ? (
    <p className="cost-spent" data-testid="cost-spent">
      {text}
    </p>
  ) : null;
}

export function CostPanel({ snapshot }: { snapshot: ProjectSnapshot }) {
  const cost = useMemo(() => projectCost(snapshot), [snapshot]);
  const adjusted = useMemo(
    () =>
      timelineOf(snapshot)
        .blocks.flatMap((b) => b.shots)
        .map((shot) => ({ shot, note: estimateShot(shot).adjustment }))
        .filter((x): x is { shot: typeof x.shot; note: string } => !!x.note),
    [snapshot],
  );
  const providers = Object.entries(cost.byProvider).sort((a, b) => b[1].usd - a[1].usd);
  const compareMax = Math.max(cost.totalUsd, cost.alternatives.allRunway, cost.alternatives.allKling);
  const sceneMax = Math.max(0, ...cost.byScene.map((s) => s.usd));

  return (
    <section className="cost-panel" aria-label="Cost" id="cost-panel" tabIndex={-1}>
      <div className="cost-total">
        <span className="cost-total-usd" data-testid="cost-total">
          {formatUsd(cost.totalUsd)}
        </span>
        <span className="muted">
          {cost.totalCredits ? `${formatCredits(cost.totalCredits)} (Runway) · ` : ''}
          {formatRunningTime(cost.totalDurationS)} of footage
        </span>
      </div>
      <BudgetField budgetUsd={cost.budgetUsd} />
      {cost.budgetUsd !== null && (
        <div className={`budget-meter${cost.overBudget ? ' is-over' : ''}`}>
          <Bar value={cost.totalUsd} max={cost.budgetUsd} />
          {cost.overBudget ? (
            <p className="budget-warning" role="alert">
              <WarningIcon /> Over budget by {formatUsd(cost.totalUsd - cost.budgetUsd)}. Move shots to a cheaper tool, shorten them, or raise the budget.
            </p>
          ) : (
            <p className="muted">
              {formatUsd(cost.budgetLeftUsd ?? 0)} left of {formatUsd(cost.budgetUsd)}
            </p>
          )}
        </div>
      )}

      <SpentLine />
      <UsableCost />

      <h3>By provider</h3>
      {providers.length === 0 ? (
        <p className="muted">No shots yet.</p>
      ) : (
        <table className="cost-table" aria-label="Cost by provider">
          <tbody>
            {providers.map(([provider, line]) => (
              <tr key={provider}>
                <th scope="row">
                  <span className="dot" data-provider={provider} /> {providerLabel(provider)}
                </th>
                <td className="num">{formatUsd(line.usd)}</td>
                <td className="num muted">{line.credits ? formatCredits(line.credits) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>Compared</h3>
      <table className="cost-table compare" aria-label="Plan compared with one provider">
        <tbody>
          {[
            ['This plan', cost.totalUsd],
            ['All Runway', cost.alternatives.allRunway],
            ['All Kling', cost.alternatives.allKling],
          ].map(([name, usd]) => (
            <tr key={name as string}>
              <th scope="row">{name}</th>
              <td className="bar-cell">
                <Bar value={usd as number} max={compareMax} />
              </td>
              <td className="num">{formatUsd(usd as number)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>By scene</h3>
      <table className="cost-table" aria-label="Cost by scene">
        <tbody>
          {cost.byScene.map((s) => (
            <tr key={s.sceneId}>
              <th scope="row" title={s.name}>
                <span className="scene-chip">{s.number}</span> {s.name || <span className="muted">Untitled</span>}
              </th>
              <td className="bar-cell">
                <Bar value={s.usd} max={sceneMax} />
              </td>
              <td className="num">{formatUsd(s.usd)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {adjusted.length > 0 && (
        <>
          <h3>Priced at a nearby setting</h3>
          <ul className="adjusted-list">
            {adjusted.map(({ shot, note }) => (
              <li key={shot.id}>
                <strong>{shot.label}</strong> {note}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
