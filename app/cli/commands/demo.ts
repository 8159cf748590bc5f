import path from 'node:path';
import { timelineRepo } from '../../core/db/repos/timelineRepo';
import { UserError } from '../../core/errors';
import { openProject } from '../../core/project/project';
import { PROJECT_EXT, createProjectAt, projectFolderName } from '../../core/project/projectFiles';
import { CREATED_BY, type Command, type Io } from '../command';
import { readImportFile } from '../../core/script/read';
import { applyImport, type ImportPlan } from '../../core/shotList/plan';
import { costSummary } from './cost';
import { jobsCtx } from '../../core/jobs/enqueue';
import { costPlan } from '../../core/jobs/plan';
import { exportForResolve } from './export';
import { demoAnimatics } from './generate';
import { PACKAGE_ROOT } from '../packageRoot';
import fs from 'node:fs';
import { TIMELINE_FPS } from '../../../shared/domain/timecode';
import { speakerItem } from '../../../shared/domain/voice';
import { plural } from '../format';
import { cliEngine, runUntilIdle } from '../jobs';
import { enqueueLines, planLines } from '../../core/jobs/audio';
import { createItem, libraryCtx, updateItem } from '../../core/library/ops';
import { runFfmpeg } from '../../core/media/ffmpeg';
import { mediaTempPath } from '../../core/media/store';
import { resolveEspeak } from '../../core/providers/local/voice';
import { addMusic, prepareMusic } from '../../core/sound/music';
import { playbackCut } from '../../core/takes/queries';
import { withProject } from '../command';

export const DEMO_FILE = path.join(PACKAGE_ROOT, 'assets', 'demo', 'night-diner.json');

interface DemoContext {
  io: Io;
  plan: ImportPlan;
  folder: string;
}

/** `--out` ending in .shotline is the project folder itself; any other path is its parent. */
function demoFolder(io: Io, out: string | undefined, title: string): string {
  const where = path.resolve(io.cwd, out ?? '.');
  return where.endsWith(PROJECT_EXT) ? where : path.join(where, projectFolderName(title));
}

function build({ plan, folder }: DemoContext) {
  const { title, aspectRatio, budgetUsd } = plan.project;
  // Filled inside the creation transaction: a failed import leaves no half-made demo behind.
  createProjectAt(folder, title!, {
    createdBy: CREATED_BY,
    aspectRatio,
    budgetUsd,
    setup: (db) => void applyImport({ db, timeline: timelineRepo(db) }, plan),
  });
}

function report({ io, folder }: DemoContext) {
  const project = openProject(folder);
  try {
    io.out(`Built the demo project at ${folder}\n\n${costSummary(project.snapshot(), costPlan(jobsCtx(project)))}\n`);
    io.out(`Next: shotline list "${folder}" to see every shot, or open the folder in Shotline.\n`);
  } finally {
    project.close();
  }
}

/** The README's main job, start to finish: the Resolve folder beside the project; its path is printed last. */
async function demoExport({ io, folder }: DemoContext) {
  const project = openProject(folder);
  try {
    io.out('\nExporting for DaVinci Resolve...\n');
    await exportForResolve(project, io, { out: path.dirname(folder), format: 'h264', fit: 'letterbox', alternates: false, replace: false });
  } finally {
    project.close();
  }
}

/** A quiet pad made here from sine tones (no one's music): three notes swelling slowly, as long as the cut. */
async function makeBed(dest: string, seconds: number): Promise<void> {
  const pad = ['0.05*sin(2*PI*110*t)', '0.04*sin(2*PI*164.81*t)', '0.03*sin(2*PI*220*t)*(0.6+0.4*sin(2*PI*0.2*t))'].join('+');
  await runFfmpeg(['-f', 'lavfi', '-i', `aevalsrc=${pad}:s=48000:d=${seconds.toFixed(2)}`, '-ac', '2', '-c:a', 'pcm_s16le', '-y', dest]);
}

/** Each speaker a character with its own local voice, before the cost report, which then counts their lines. */
async function cast({ io, folder }: DemoContext) {
  await withProject(io, folder, (project) => {
    const ctx = libraryCtx(project);
    const speakers = [...new Set(project.timeline.shots().flatMap((s) => s.dialogue.map((l) => l.speaker).filter(Boolean)))];
    project.db.transaction(() =>
      speakers.forEach((name, i) => {
        const item = speakerItem(name, ctx.lib.items()) ?? createItem(ctx, { kind: 'character', name: name[0] + name.slice(1).toLowerCase() });
        updateItem(ctx, item.id, { voice: `local:${i + 1}` });
      }),
    )();
  });
}

/** The demo's sound: the lines spoken in their local voices, and a music bed under the cut. */
async function demoSound({ io, folder }: DemoContext) {
  await withProject(io, folder, async (project) => {
    const seconds = playbackCut(project).totalFrames / TIMELINE_FPS;
    const bed = mediaTempPath(project.folder, '.wav');
    try {
      await makeBed(bed, seconds);
      const music = await prepareMusic(project.db, project.folder, bed, 'Night Diner pad.wav');
      project.db.transaction(() => addMusic(project.db, project.folder, project.music, music, { atS: 0, gainDb: -6, fadeInS: 2, fadeOutS: 3 }))();
    } finally {
      fs.rmSync(bed, { force: true });
    }
    try {
      resolveEspeak({ PATH: process.env.PATH, ...io.env });
    } catch (err) {
      io.out(`\nThe lines are not spoken: ${(err as Error).message}\n`);
      return;
    }
    const { lines } = planLines(jobsCtx(project), project.timeline.shots());
    const { jobIds } = enqueueLines(jobsCtx(project), lines, 1);
    await runUntilIdle(cliEngine(project, io, 'shotline demo'), io);
    const ready = jobIds.filter((id) => project.jobs.get(id)?.state === 'ready').length;
    io.out(`Spoke ${ready} of ${plural(jobIds.length, 'line')} with local voices, and laid a music bed under the cut.\n`);
  });
}

/** The demo's steps in order; later ones (render the animatic, export) slot in before `report`. */
type DemoStep = (ctx: DemoContext) => void | Promise<void>;
const STEPS: DemoStep[] = [build, cast, report, demoAnimatics, demoSound, demoExport];

export const demoCommand: Command = {
  args: [],
  options: {
    out: { type: 'string', value: 'DIR', help: `where to put it (default: the current folder)` },
    'no-render': { type: 'boolean', help: 'build the project only, without a local animatic take of every shot' },
    'no-export': { type: 'boolean', help: 'skip the last step, the DaVinci Resolve folder beside the project' },
  },
  details: [
    `Without --out the project is ./Night Diner${PROJECT_EXT}. With --out, a DIR ending in ${PROJECT_EXT} is`,
    'the project folder itself; any other DIR is the folder to create it in. The project folder must',
    'not exist yet. Every shot then gets a take from the local animatic renderer (no keys needed), its',
    'characters speak their lines with local scratch voices (espeak-ng), and a music bed made here',
    'plays under the cut; the Resolve folder carries both on their lanes.',
  ].join('\n'),
  async run({ options, io }) {
    const read = readImportFile(DEMO_FILE);
    if (read.kind !== 'shotList') throw new Error(`${DEMO_FILE} is not a shot list`);
    const { plan } = read;
    if (!plan.project.title) throw new Error(`${DEMO_FILE} has no title`);
    const out = typeof options.out === 'string' ? options.out : undefined;
    if (out === '') throw new UserError('--out is empty; give a folder, or leave --out off to use the current folder');
    const ctx: DemoContext = { io, plan, folder: demoFolder(io, out, plan.project.title) };
    const noRender = options['no-render'] === true;
    const skipped = new Set<DemoStep | false>([noRender && demoAnimatics, noRender && demoSound, options['no-export'] === true && demoExport]);
    const steps = STEPS.filter((s) => !skipped.has(s));
    for (const step of steps) await step(ctx);
  },
};
