import path from 'node:path';
import { projectCost } from '../../../shared/domain/cost';
import type { Shot } from '../../../shared/domain/types';
import { validateShot } from '../../../shared/domain/validation';
import { withProject, type Command, type Io } from '../command';
import { count, plural, usd } from '../format';
import { applyImport, readPlan } from '../../core/shotList/plan';

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

export const importCommand: Command = {
  name: 'import',
  summary: 'Add a shot list (JSON or CSV) to the project at DIR.',
  args: ['DIR', 'FILE'],
  options: {},
  details: [
    'FILE is read as JSON when it ends in .json, as CSV when it ends in .csv, and otherwise as JSON',
    'if it starts with "{". The scenes in FILE are added after the project\'s own; in a project with',
    'no shots yet they replace its empty scenes. JSON title, aspectRatio and budgetUsd update the',
    'project. Everything is checked first: any error imports nothing.',
    '',
    'JSON: {"title", "aspectRatio", "budgetUsd", "scenes": [{"name", "shots": [{"label", "action",',
    '"durationS", "tool", "camera", "dialogue", "notes", "prompt": {"subject", "scene", "motion", "style",',
    '"negative", "cameraText", "beats"}, "aspectRatio", "resolution", "finalTool", "tier"}]}]};',
    'durationS and tool are required, unknown keys are an error. tool is provider:model, e.g.',
    'runway:gen4_turbo. CSV: one row per shot under a header with at least',
    'scene,label,action,duration_s,tool,camera (optional: dialogue, notes, subject, scene_description,',
    'camera_text, motion, style, negative, beats, aspect_ratio, resolution, final_tool, tier).',
  ].join('\n'),
  run: ({ args: [dir, file], io }) => {
    // Read and check the file before touching the project, so a bad file never opens it.
    const plan = readPlan(path.resolve(io.cwd, file!));
    return withProject(io, dir!, (project) => {
      const status = io.status;
      const shots = applyImport(project, plan, status && ((done, total) => status(`Importing: ${count(done)} of ${count(total)} shots`)));
      status?.('');
      const cost = projectCost(project.snapshot());
      io.out(`Imported ${plural(shots.length, 'shot')} in ${plural(plan.scenes.length, 'scene')} into ${project.folder}\n`);
      io.out(`The plan now costs ${usd(cost.totalUsd)}${cost.budgetUsd === null ? '' : ` of a ${usd(cost.budgetUsd)} budget`}.\n`);
      reportProblems(io, shots);
    });
  },
};
