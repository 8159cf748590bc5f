// What a card shows about a shot beyond its own fields: price, problems, the tool's names.
import { getModel } from '../../../shared/catalog';
import { estimateShot, type ShotEstimate } from '../../../shared/domain/cost';
import type { Shot } from '../../../shared/domain/types';
import { splitTool } from '../../../shared/domain/types';
import { validateShot, type ShotIssue } from '../../../shared/domain/validation';
import type { ShotPlan } from '../../../shared/domain/jobs';
import { plural } from '../../../shared/domain/words';
import { formatCredits, formatSeconds, formatUsd } from './format';

export interface ShotSummary {
  estimate: ShotEstimate;
  issues: ShotIssue[];
  worst: 'error' | 'warning' | null;
  provider: string;
  /** Short model name for a badge: "Gen-4 Turbo", "Kling 2.5 Turbo". */
  toolShort: string;
  /** Full name for tooltips: "Runway Gen-4 Turbo". */
  toolName: string;
}

/** "Runway Gen-4 Turbo" reads as "Gen-4 Turbo" on a Runway-coloured badge; names that need their brand keep it. */
export function shortModelName(name: string): string {
  return name.replace(/^(Runway|MiniMax) /, '');
}

export function summarizeShot(shot: Shot): ShotSummary {
  const spec = getModel(shot.tool);
  const { provider, model } = splitTool(shot.tool);
  const issues = validateShot(shot);
  const worst = issues.some((i) => i.severity === 'error') ? 'error' : issues.length ? 'warning' : null;
  return {
    estimate: estimateShot(shot),
    issues,
    worst,
    provider,
    toolShort: spec ? shortModelName(spec.name) : model || shot.tool,
    toolName: spec?.name ?? `Unknown tool ${shot.tool}`,
  };
}

/** What a take of the shot costs, in words: the clip, any frame made first, and the takes Generate makes. */
export function takeCostLines(estimate: ShotEstimate, plan: { shot: ShotPlan; takes: number } | undefined, toolName: string): string[] {
  const credits = estimate.credits !== null ? ` · ${formatCredits(estimate.credits)}` : '';
  const clip = `${formatUsd(estimate.usd)}${credits} for ${formatSeconds(estimate.billedDurationS)} on ${toolName}`;
  if (!plan) return [clip, estimate.adjustment ?? ''].filter(Boolean);
  const { shot, takes } = plan;
  return [
    shot.frameUsd > 0 ? `${formatUsd(shot.takeUsd)} a take: ${clip}, plus ${formatUsd(shot.frameUsd)} for the start frame made first` : `${clip} a take`,
    `Generate ${plural(takes, 'take')}: ${formatUsd(shot.takesUsd)}`,
    estimate.adjustment ?? '',
  ].filter(Boolean);
}

/** One line per problem, for a tooltip. */
export function describeIssues(issues: readonly ShotIssue[]): string {
  return issues.map((i) => `${i.severity === 'error' ? 'Error' : 'Warning'}: ${i.message}`).join('\n');
}
