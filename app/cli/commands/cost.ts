import { getModel } from '../../../shared/catalog';
import { ALL_KLING_TOOL, ALL_RUNWAY_TOOL, projectCost, type CostBreakdown } from '../../../shared/domain/cost';
import type { CostPlan } from '../../../shared/domain/jobs';
import { jobsCtx } from '../../core/jobs/enqueue';
import { costPlan } from '../../core/jobs/plan';
import { formatRunningTime } from '../../../shared/domain/timecode';
import type { ProjectSnapshot } from '../../../shared/domain/types';
import { withProject, type Command } from '../command';
import { budgetLine, count, plural, table, usd } from '../format';
import { jsonText } from '../terminal';

/** The JSON form; scenes are named as in `list --json` (scene = name, sceneNumber). */
function costJson(cost: CostBreakdown, plan: CostPlan) {
  return {
    totalUsd: cost.totalUsd,
    draftPlanUsd: plan.draftPlanUsd,
    finalPlanUsd: plan.finalPlanUsd,
    spentUsd: plan.spentUsd,
    budgetUsd: cost.budgetUsd,
    byProvider: cost.byProvider,
    byScene: cost.byScene.map((s) => ({
      scene: s.name,
      sceneNumber: s.number,
      shots: s.shots,
      durationS: s.durationS,
      usd: s.usd,
      credits: s.credits,
    })),
    alternatives: cost.alternatives,
    totalCredits: cost.totalCredits,
    totalDurationS: cost.totalDurationS,
    overBudget: cost.overBudget,
    dialogue: plan.dialogue,
    effects: plan.effects,
  };
}

function dialogueLine(d: CostPlan['dialogue']): string {
  const unvoiced = d.unvoiced > 0 ? ` (${plural(d.unvoiced, 'line')} with no voice yet)` : '';
  return `Dialogue: ${usd(d.planUsd)} to speak ${plural(d.missing, 'line')} not spoken yet${unvoiced} · spent on lines: ${usd(d.spentUsd)}`;
}

function effectsLine(e: CostPlan['effects']): string {
  return `Effects: ${usd(e.planUsd)} to make ${plural(e.missing, 'cue')} not made yet at ElevenLabs (free with local:sfx) · spent on effects: ${usd(e.spentUsd)}`;
}

/** The human cost report; `demo` prints it too. */
export function costSummary(snapshot: ProjectSnapshot, plan: CostPlan): string {
  const cost = projectCost(snapshot);
  const shots = cost.byScene.reduce((n, s) => n + s.shots, 0);
  const credits = (n: number) => (n > 0 ? count(n) : '-');
  const providers = table(
    [{ title: 'Provider' }, { title: 'Credits', align: 'right' }, { title: 'Cost', align: 'right' }],
    Object.entries(cost.byProvider)
      .sort(([, a], [, b]) => b.usd - a.usd)
      .map(([provider, line]) => [provider, credits(line.credits), usd(line.usd)]),
  );
  const scenes = table(
    [
      { title: '#', align: 'right' },
      { title: 'Scene', max: 40 },
      { title: 'Shots', align: 'right' },
      { title: 'Duration', align: 'right' },
      { title: 'Cost', align: 'right' },
    ],
    cost.byScene.map((s) => [String(s.number), s.name, String(s.shots), formatRunningTime(s.durationS), usd(s.usd)]),
  );
  const alternatives = [
    [`all on ${getModel(ALL_RUNWAY_TOOL)!.name}`, cost.alternatives.allRunway],
    [`all on ${getModel(ALL_KLING_TOOL)!.name}`, cost.alternatives.allKling],
  ] as const;
  const width = Math.max(...alternatives.map(([label]) => label.length));
  const money = Math.max(...alternatives.map(([, n]) => usd(n).length));
  return [
    `${snapshot.project.title}: ${usd(cost.totalUsd)} for ${plural(shots, 'shot')}, ${formatRunningTime(cost.totalDurationS)} running time`,
    `Budget: ${budgetLine(cost.budgetUsd, cost.budgetLeftUsd)}`,
    `Draft plan: ${usd(plan.draftPlanUsd)} (${plural(plan.takes, 'take')} of each shot not generated yet, frames made first included) · ` +
      `final plan: ${usd(plan.finalPlanUsd)} · spent: ${usd(plan.spentUsd)}`,
    dialogueLine(plan.dialogue),
    effectsLine(plan.effects),
    '',
    providers + '\n' + scenes,
    'The same shots on one provider:',
    ...alternatives.map(([label, n]) => `  ${`${label}:`.padEnd(width + 1)}  ${usd(n).padStart(money)}`),
    '',
  ].join('\n');
}

export const costCommand: Command = {
  args: ['DIR'],
  options: { json: { type: 'boolean', help: 'print JSON instead of a report' } },
  details: [
    'JSON: {"totalUsd" (one take of every shot on its tool), "draftPlanUsd" (what generate --all queues for the',
    'shots not generated yet: the takes setting, frames made first included), "finalPlanUsd" (one take of every',
    'shot on its final tool), "spentUsd" (charged so far), "budgetUsd", "byProvider": {"runway": {"usd", "credits"}, …}, "byScene":',
    '[{"scene", "sceneNumber", "shots", "durationS", "usd", "credits"}], "alternatives": {"allRunway",',
    '"allKling"}, "totalCredits", "totalDurationS", "overBudget"}. Dollars are rounded to the cent;',
    'budgetUsd is null when no budget is set; credits are Runway credits. "dialogue": {"lines" (lines with a',
    'voice), "missing" (not spoken or asked for yet), "unvoiced", "planUsd" (one take of each missing line), "spentUsd"}.',
    '"effects": {"cues", "missing" (not made or asked for yet), "tool", "planUsd" (each missing cue on tool), "spentUsd"}.',
  ].join('\n'),
  run: ({ args: [dir], options, io }) =>
    withProject(io, dir!, (project) => {
      const snapshot = project.snapshot();
      const plan = costPlan(jobsCtx(project));
      io.out(options.json ? jsonText(costJson(projectCost(snapshot), plan)) : costSummary(snapshot, plan));
    }),
};
