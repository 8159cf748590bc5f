// What the plan will cost as the buttons spend it (drafts, finals, spent) against the budget, then
// one take of each shot by provider and scene, and the same shots priced all on Runway or all on
// Kling — the comparison filmmakers ask for.
import { useDeferredValue, useMemo } from 'react';
import { getModel } from '../../../../shared/catalog';
import { estimateShot } from '../../../../shared/domain/cost';
import { formatRunningTime } from '../../../../shared/domain/timecode';
import type { ProjectSnapshot } from '../../../../shared/domain/types';
import { committedAfterDraftsUsd, type CostPlan } from '../../../../shared/domain/jobs';
import { plural } from '../../../../shared/domain/words';
import { WarningIcon } from '../../components/icons';
import { spendText } from '../../lib/charged';
import { formatCredits, formatUsd } from '../../lib/format';
import { providerLabel } from '../../lib/labels';
import { costOf } from '../../lib/snapshotCost';
import { timelineOf } from '../../lib/timeline';
import { useCostPlan, useJobStatus } from '../queue/jobsApi';
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

function dialogueHint(d: CostPlan['dialogue']): string {
  const unvoiced = d.unvoiced > 0 ? `; ${plural(d.unvoiced, 'line')} with no voice yet` : '';
  return `${plural(d.missing, 'line')} not spoken yet, each in its speaker's voice${unvoiced}`;
}

/** The plan as the buttons will spend it: Generate all drafts now, one final of every shot, and what is spent. */
function PlanFigures({ plan }: { plan: CostPlan | undefined }) {
  const rows: Array<[string, string, number | undefined, string]> = [
    [
      'Draft plan',
      'cost-total',
      plan?.draftPlanUsd,
      plan ? `${plural(plan.takes, 'take')} of each shot with none yet, on its tool, any start frame made first included` : '',
    ],
    ['Final plan', 'cost-final', plan?.finalPlanUsd, 'One take of every shot on its final tool'],
    ['Spent', 'cost-spent-usd', plan?.spentUsd, 'What finished jobs cost, frames included'],
    [
      'Frames plan',
      'cost-frames-plan',
      plan?.frames.planUsd,
      plan
        ? `${plural(plan.frames.missing, 'shot')} without a frame, ${plural(plan.takes, 'frame')} each on ${getModel(plan.frames.tool)?.name ?? plan.frames.tool}`
        : '',
    ],
    ['Frames spent', 'cost-frames-spent', plan?.frames.spentUsd, 'What storyboard frames cost so far (part of Spent)'],
    ['Dialogue plan', 'cost-dialogue-plan', plan?.dialogue.planUsd, plan ? dialogueHint(plan.dialogue) : ''],
    ['Dialogue spent', 'cost-dialogue-spent', plan?.dialogue.spentUsd, 'What spoken lines cost so far (part of Spent)'],
  ];
  return (
    <dl className="cost-plan">
      {rows.map(([label, testId, usd, hint]) => (
        <div key={label} className="cost-plan-row" title={hint}>
          <dt>{label}</dt>
          <dd className={testId === 'cost-total' ? 'cost-total-usd' : undefined} data-testid={testId}>
            {usd === undefined ? '…' : formatUsd(usd)}
          </dd>
          <dd className="muted cost-plan-hint">{hint}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Spent, on its way, and the drafts still to make, against the budget. */
function BudgetMeter({ budgetUsd, plan }: { budgetUsd: number; plan: CostPlan | undefined }) {
  const committed = plan ? committedAfterDraftsUsd(plan) : 0;
  const over = committed > budgetUsd + 1e-9;
  return (
    <div className={`budget-meter${over ? ' is-over' : ''}`}>
      <Bar value={committed} max={budgetUsd} />
      {over ? (
        <p className="budget-warning" role="alert">
          <WarningIcon /> Spent, on its way and the drafts to make come to {formatUsd(committed)}: {formatUsd(committed - budgetUsd)} over the budget. Move
          shots to a cheaper tool, make fewer takes, shorten shots, or raise the budget.
        </p>
      ) : (
        <p className="muted">
          {formatUsd(budgetUsd - committed)} left of {formatUsd(budgetUsd)} after the drafts
        </p>
      )}
    </div>
  );
}

const NO_SCENES: ReturnType<typeof costOf>['byScene'] = [];

export function CostPanel({ snapshot }: { snapshot: ProjectSnapshot }) {
  const cost = costOf(snapshot);
  // A row per scene sits below the panel's fold: drawn just after the first screen, not with it.
  const byScene = useDeferredValue(cost.byScene, NO_SCENES);
  const plan = useCostPlan().data;
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
  const sceneMax = Math.max(0, ...byScene.map((s) => s.usd));

  return (
    <section className="cost-panel" aria-label="Cost" id="cost-panel" tabIndex={-1}>
      <PlanFigures plan={plan} />
      <BudgetField budgetUsd={cost.budgetUsd} />
      {cost.budgetUsd !== null && <BudgetMeter budgetUsd={cost.budgetUsd} plan={plan} />}

      <SpentLine />
      <UsableCost />

      <h3>One take of each shot</h3>
      <p className="muted" data-testid="cost-one-take">
        {formatUsd(cost.totalUsd)}
        {cost.totalCredits ? ` · ${formatCredits(cost.totalCredits)} (Runway)` : ''} · {formatRunningTime(cost.totalDurationS)} of footage
      </p>

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
          {byScene.map((s) => (
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
