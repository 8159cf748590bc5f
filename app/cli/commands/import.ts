import path from 'node:path';
import { DEFAULT_TOOL, getModel } from '../../../shared/catalog';
import { projectCost } from '../../../shared/domain/cost';
import { importCostText, type Granularity, type ScriptPreview } from '../../../shared/domain/script';
import type { Shot, ToolId } from '../../../shared/domain/types';
import { validateShot } from '../../../shared/domain/validation';
import { UserError } from '../../core/errors';
import { applyScript } from '../../core/script/apply';
import { breakdownOf, previewOf } from '../../core/script/preview';
import { readImportFile } from '../../core/script/read';
import { applyImport } from '../../core/shotList/plan';
import { toolProblem } from '../../core/shotList/schema';
import { withProject, type Command, type Io } from '../command';
import { count, plural, seconds, usd } from '../format';
import { jsonText } from '../terminal';

/** Shots that import fine but cannot be generated as they stand: said now, not at render time. */
function reportProblems(io: Io, shots: Shot[]) {
  const problems = shots.flatMap((shot) =>
    validateShot(shot)
      .filter((issue) => issue.severity === 'error')
      .map((issue) => `  ${shot.label}  ${issue.message}`),
  );
  if (problems.length === 0) return;
  io.out(`\n${plural(problems.length, 'problem')} to fix before generating:\n${problems.join('\n')}\n`);
}

/** The documented --json shape: scenes with their shot counts, names for characters and locations. */
function summaryJson(p: ScriptPreview) {
  return {
    title: p.title,
    scenes: p.scenes.map((s) => ({ heading: s.heading, shots: s.shots })),
    shots: p.shots,
    characters: p.characters.filter((c) => c.speaks).map((c) => c.name),
    locations: p.locations.map((l) => l.name),
    dialogueLines: p.dialogueLines,
    runningTimeS: p.runningTimeS,
    measuredShots: p.measuredShots,
    costUsd: p.costUsd,
    costedShots: p.costedShots,
  };
}

function printSummary(io: Io, preview: ScriptPreview, json: boolean, dryRun: boolean) {
  if (json) return io.out(jsonText(summaryJson(preview)));
  const what = dryRun ? 'Would import' : 'Imported';
  io.out(
    `${what} ${plural(preview.shots, 'shot')} in ${plural(preview.scenes.length, 'scene')}, ${seconds(preview.runningTimeS)} of footage, ` +
      `${plural(preview.dialogueLines, 'dialogue line')}, ${importCostText(preview, usd)}.\n`,
  );
  if (preview.measuredShots > 0) io.out(`${plural(preview.measuredShots, 'rewritten shot')} timed by the recorded lines they already have.\n`);
  const r = preview.revision;
  if (r) {
    io.out(
      `Against the draft imported before: ${r.added} scenes added, ${r.removed} removed, ${r.changed} changed, ${r.moved} moved, ${r.same} the same.` +
        `${r.keptWithTakes > 0 ? ` ${plural(r.keptWithTakes, 'shot')} with takes kept and marked "Script changed".` : ''}\n`,
    );
  }
  const speakers = preview.characters.filter((c) => c.speaks).map((c) => c.name);
  if (speakers.length > 0) io.out(`Characters: ${speakers.join(', ')}\n`);
  if (preview.locations.length > 0) io.out(`Locations: ${preview.locations.map((l) => l.name).join(', ')}\n`);
}

function toolOption(value: unknown): ToolId | null {
  if (typeof value !== 'string') return null;
  const problem = toolProblem(value);
  if (problem) throw new UserError(`--tool: ${problem}`);
  if (getModel(value)?.output !== 'video') throw new UserError(`--tool: ${value} makes still frames, not shots; pick a video model`);
  return value;
}

function granularityOption(value: unknown): Granularity {
  if (value === undefined) return 'paragraph';
  if (value === 'scene' || value === 'paragraph') return value;
  throw new UserError('--breakdown must be scene (one shot per scene) or paragraph (a shot per action paragraph and dialogue exchange)');
}

export const importCommand: Command = {
  args: ['DIR', 'FILE'],
  options: {
    breakdown: { type: 'string', value: 'scene|paragraph', help: 'scripts: one shot per scene, or (default) per action paragraph and dialogue exchange' },
    tool: { type: 'string', value: 'PROVIDER:MODEL', help: 'scripts: the tool every new shot gets (default: the local animatic, no key needed)' },
    'dry-run': { type: 'boolean', help: 'show what would be imported and write nothing' },
    json: { type: 'boolean', help: 'print the summary as JSON' },
  },
  details: [
    'FILE is read by its content and name: a Fountain script (.fountain, .spmd, or text that reads as',
    'Fountain), a Final Draft script (.fdx), a JSON or a CSV shot list. Anything else (a PDF, a Word',
    'file, an empty file) is refused with one line and nothing is imported.',
    '',
    'Scripts: each scene heading becomes a scene, each action paragraph and dialogue exchange a shot',
    '(--breakdown scene: one shot per scene) with its dialogue lines, a duration from the words fitted',
    'to the tool, and the camera move a shot line names. Speaking characters and the locations of the',
    'headings become library items (matched by name to existing ones), tagged in the shots.',
    '',
    "Shot lists: the scenes in FILE are added after the project's own; in a project with no shots yet",
    'they replace its empty scenes. JSON title, aspectRatio and budgetUsd update the project.',
    'JSON: {"title", "aspectRatio", "budgetUsd", "scenes": [{"name", "shots": [{"label", "action",',
    '"durationS", "tool", "camera", "dialogue", "notes", "prompt": {"subject", "scene", "motion", "style",',
    '"negative", "cameraText", "beats"}, "aspectRatio", "resolution", "finalTool", "tier"}]}]};',
    'dialogue is a list of {"speaker", "extension", "parenthetical", "text"} or a plain string.',
    'CSV: one row per shot under a header with at least scene,label,action,duration_s,tool,camera.',
    '',
    '--json prints {"title", "scenes": [{"heading", "shots"}], "shots", "characters", "locations",',
    '"dialogueLines", "runningTimeS", "measuredShots", "costUsd", "costedShots"}. Everything is checked first: any error imports nothing.',
  ].join('\n'),
  run: ({ args: [dir, file], options, io }) => {
    // Read and check the file before touching the project, so a bad file never opens it.
    const read = readImportFile(path.resolve(io.cwd, file!));
    const json = options.json === true;
    const dryRun = options['dry-run'] === true;
    const choices = { granularity: granularityOption(options.breakdown), tool: toolOption(options.tool) ?? DEFAULT_TOOL };
    return withProject(io, dir!, (project) => {
      // Against the project, as the import would go: its frame, its library, and any earlier draft.
      const preview = previewOf(read, choices, project.info().aspectRatio, project);
      if (dryRun) return printSummary(io, preview, json, true);
      if (read.kind === 'shotList') {
        const status = io.status;
        const shots = applyImport(project, read.plan, status && ((done, total) => status(`Importing: ${count(done)} of ${count(total)} shots`)));
        status?.('');
        if (json) return printSummary(io, preview, true, false);
        const cost = projectCost(project.snapshot());
        io.out(`Imported ${plural(shots.length, 'shot')} in ${plural(read.plan.scenes.length, 'scene')} into ${project.folder}\n`);
        io.out(`The plan now costs ${usd(cost.totalUsd)}${cost.budgetUsd === null ? '' : ` of a ${usd(cost.budgetUsd)} budget`}.\n`);
        return reportProblems(io, shots);
      }
      const plan = breakdownOf(read, choices)!;
      const applied = project.db.transaction(() => applyScript(project, plan, { tool: choices.tool }))();
      printSummary(io, preview, json, false);
      if (json) return;
      if (applied.created.length > 0) io.out(`Added to the library: ${applied.created.map((c) => `@${c.tag}`).join(' ')}\n`);
      if (applied.matched.length > 0) io.out(`Matched in the library: ${applied.matched.map((c) => `@${c.tag}`).join(' ')}\n`);
      io.out(`Into ${project.folder}\n`);
      reportProblems(io, applied.shots);
    });
  },
};
