import { isJobActive } from '../../../shared/domain/jobs';
import type { Shot } from '../../../shared/domain/types';
import { UserError } from '../../core/errors';
import { readSettings } from '../../core/jobs/settings';
import { enqueueTakes, jobsCtx, shotsWithoutFrames, toolForShot } from '../../core/jobs/enqueue';
import { takeKindOf } from '../../../shared/catalog';
import { enqueueLines, planLines } from '../../core/jobs/audio';
import type { Project } from '../../core/project/project';
import { withProject, type Command, type Io } from '../command';
import { plural, table, usd } from '../format';
import { cliEngine, cliRunners, costText, jobLines, runUntilIdle, stateCounts } from '../jobs';

export function pickShots(project: Project, labels: string[], all: boolean): readonly Shot[] {
  const shots = project.timeline.shots();
  if (all) {
    if (labels.length > 0) throw new UserError('Use --shot or --all, not both.');
    if (shots.length === 0) throw new UserError('This project has no shots yet.');
    return shots;
  }
  if (labels.length === 0) throw new UserError('Name the shots to generate with --shot 1A (repeat it for more), or use --all.');
  return labels.map((label) => {
    const shot = shots.find((s) => s.label.toLowerCase() === label.toLowerCase());
    if (!shot) throw new UserError(`No shot is labelled "${label}". See the labels with: shotline list DIR`);
    return shot;
  });
}

function parseTakes(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 8) throw new UserError(`--takes must be a whole number from 1 to 8; got "${String(value)}".`);
  return n;
}

/** Queues takes of `shots`; returns the job ids. Shared with the demo. */
export async function queueTakes(project: Project, io: Io, shots: readonly Shot[], takes: number, tool?: string): Promise<string[]> {
  const runners = cliRunners(io);
  for (const t of new Set(tool ? [tool] : shots.map(toolForShot))) runners.runner(t);
  return (await enqueueTakes(jobsCtx(project), { shotIds: shots.map((s) => s.id), takes, tool })).jobIds;
}

/** Waits for jobs run by another process (the app holds the project): reads their states once a second. */
async function waitForOthers(project: Project, ids: string[]): Promise<void> {
  const repo = project.jobs;
  const active = () => ids.some((id) => isJobActive(repo.get(id)!.state));
  while (active()) await new Promise((r) => setTimeout(r, 1000));
}

/** The options generate and frames share: which shots, how many, on what, and whether to wait. */
function batchOptions(noun: 'take' | 'frame', tool: string): Command['options'] {
  return {
    shot: { type: 'string', value: 'LABEL', multiple: true, help: `a shot to make ${noun}s of, by label (repeat for more)` },
    all: { type: 'boolean', help: 'every shot in the project' },
    takes: { type: 'string', value: 'N', help: `${noun}s per shot, 1–8, each with its own seed (default: the project setting, 2)` },
    tool: { type: 'string', value: 'PROVIDER:MODEL', help: tool },
    wait: { type: 'boolean', help: 'run the jobs now and wait for them; exit 1 if any failed or needs attention' },
  };
}

export const generateCommand: Command = {
  args: ['DIR'],
  options: {
    ...batchOptions('take', "use this tool instead of each shot's own (e.g. local:animatic)"),
    dialogue: { type: 'boolean', help: 'speak the dialogue lines instead, each in its speaker’s voice (every shot without --shot)' },
  },
  details: [
    'Keys come from RUNWAYML_API_SECRET, KLING_ACCESS_KEY/KLING_SECRET_KEY, LUMAAI_API_KEY,',
    'GEMINI_API_KEY and MINIMAX_API_KEY; SHOTLINE_<PROVIDER>_BASE_URL points a provider elsewhere.',
    'The local animatic (local:animatic) needs no key. A batch that would pass the project budget is',
    'refused with the figures. Without --wait the jobs are queued for the Shotline app or shotline',
    'resume to run.',
  ].join('\n'),
  run: ({ args: [dir], options, io }) =>
    withProject(io, dir!, async (project) => {
      const labels = labelsOf(options.shot);
      if (options.dialogue) {
        const shots = pickShots(project, labels, options.all === true || labels.length === 0);
        const { lines, skipped } = planLines(jobsCtx(project), shots);
        for (const s of skipped) io.err(`${s.label}: ${s.reason}\n`);
        // Say now, not as failed jobs later, when a voice needs a key that is not set.
        const runners = cliRunners(io);
        for (const tool of new Set(lines.map((l) => l.tool))) runners.runner(tool);
        // Each line is spoken once unless --takes says more: a voice is cheap to redo, not to wade through.
        const { jobIds } = enqueueLines(jobsCtx(project), lines, parseTakes(options.takes, 1));
        return reportQueued(project, io, dir!, jobIds, { shots: new Set(lines.map((l) => l.shot.id)).size, wait: options.wait === true, noun: 'line' });
      }
      const shots = pickShots(project, labels, options.all === true);
      const takes = parseTakes(options.takes, readSettings(project.jobs).defaultTakes);
      const tool = typeof options.tool === 'string' ? options.tool : undefined;
      await queueAndReport(project, io, dir!, { shots, takes, tool, wait: options.wait === true, noun: 'take' });
    }),
};

export const framesCommand: Command = {
  args: ['DIR'],
  options: {
    ...batchOptions('frame', 'the image model (default: the project’s frame tool, local:frame)'),
    missing: { type: 'boolean', help: 'every shot with no frame and none under way' },
  },
  details: [
    'Image models: local:frame (free, no key), runway:gen4_image and runway:gen4_image_turbo (with the',
    'shot’s tagged references), and Google’s image model with GEMINI_API_KEY. Each frame is a take of',
    'kind "frame" (see shotline takes); the first frame of a shot with no start keyframe becomes it,',
    'and shotline select circles another. Frames are made from the references, never the keyframes.',
  ].join('\n'),
  run: ({ args: [dir], options, io }) =>
    withProject(io, dir!, async (project) => {
      const missing = options.missing === true;
      if (missing && (options.all === true || labelsOf(options.shot).length > 0)) throw new UserError('Use --missing on its own, not with --shot or --all.');
      const shots = missing ? shotsWithoutFrames(jobsCtx(project)) : pickShots(project, labelsOf(options.shot), options.all === true);
      if (shots.length === 0) throw new UserError('Every shot already has a frame or one on its way.');
      const settings = readSettings(project.jobs);
      const takes = parseTakes(options.takes, settings.defaultTakes);
      const tool = typeof options.tool === 'string' ? options.tool : settings.frameTool;
      if (takeKindOf(tool) !== 'frame')
        throw new UserError(`${tool} makes video, not frames. Pick an image model, e.g. --tool local:frame or runway:gen4_image.`);
      await queueAndReport(project, io, dir!, { shots, takes, tool, wait: options.wait === true, noun: 'frame' });
    }),
};

function labelsOf(option: unknown): string[] {
  return Array.isArray(option) ? option : typeof option === 'string' ? [option] : [];
}

/** Queues the jobs, says what they cost; with `wait`, runs them here and prints how each ended. */
async function queueAndReport(
  project: Project,
  io: Io,
  dir: string,
  opts: { shots: readonly Shot[]; takes: number; tool: string | undefined; wait: boolean; noun: 'take' | 'frame' },
): Promise<void> {
  await reportQueued(project, io, dir, await queueTakes(project, io, opts.shots, opts.takes, opts.tool), { ...opts, shots: opts.shots.length });
}

/** Says what was queued and what it costs; with `wait`, runs it here and prints how each job ended. Shared with sfx. */
export async function reportQueued(
  project: Project,
  io: Io,
  dir: string,
  ids: string[],
  opts: { shots: number; wait: boolean; noun: 'take' | 'frame' | 'line' | 'effect' },
) {
  const estimate = ids.reduce((sum, id) => sum + project.jobs.get(id)!.cost_estimate_usd, 0);
  io.out(`Queued ${plural(ids.length, opts.noun)} of ${plural(opts.shots, 'shot')}, estimated ${usd(estimate)}.\n`);
  if (!opts.wait) {
    io.out(`They run in the Shotline app when the project is open there, or now with: shotline resume "${dir}"\n`);
    return;
  }
  await runUntilIdle(cliEngine(project, io, `shotline ${opts.noun === 'frame' ? 'frames' : 'generate'} --wait`), io, async (heldBy) => {
    io.err(`The project is open in ${heldBy}, which runs these jobs; waiting for it.\n`);
    await waitForOthers(project, ids);
  });
  const lines = jobLines(
    project,
    ids.map((id) => project.jobs.get(id)!),
  );
  io.out(
    table(
      [{ title: 'Shot' }, { title: 'State' }, { title: 'Cost', align: 'right' }, { title: `${NOUNS[opts.noun]} or reason`, max: 100 }],
      lines.map((l) => [l.shot, l.state, costText(l.costUsd), l.output ?? l.error ?? '']),
    ),
  );
  const bad = lines.filter((l) => l.state !== 'ready');
  if (bad.length > 0) throw new UserError(`${stateCounts(lines)}: see the reasons above, or shotline jobs "${dir}".`);
}

const NOUNS = { take: 'Take', frame: 'Frame', line: 'Line', effect: 'Effect' } as const;

/** `shotline demo`'s last step: a local animatic take of every shot (there are no keys in a demo). */
export async function demoAnimatics(ctx: { io: Io; folder: string }): Promise<void> {
  await withProject(ctx.io, ctx.folder, async (project) => {
    const started = Date.now();
    const ids = await queueTakes(project, ctx.io, project.timeline.shots(), 1, 'local:animatic');
    await runUntilIdle(cliEngine(project, ctx.io, 'shotline demo'), ctx.io);
    const lines = jobLines(
      project,
      ids.map((id) => project.jobs.get(id)!),
    );
    const ready = lines.filter((l) => l.state === 'ready').length;
    ctx.io.out(
      `\nRendered a local animatic take of ${ready} of ${plural(lines.length, 'shot')} in ${((Date.now() - started) / 1000).toFixed(1)} s: shotline jobs "${ctx.folder}"\n`,
    );
    if (ready < lines.length) throw new UserError(`Some animatic takes failed (${stateCounts(lines)}); see shotline jobs "${ctx.folder}".`);
  });
}
