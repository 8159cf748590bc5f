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

/** The demo's steps in order; later ones (render the animatic, export) slot in before `report`. */
type DemoStep = (ctx: DemoContext) => void | Promise<void>;
const STEPS: DemoStep[] = [build, report, demoAnimatics, demoExport];

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Build a sample project, "Night Diner": 3 scenes, mixed tools, a budget.',
  args: [],
  options: {
    out: { type: 'string', value: 'DIR', help: `where to put it (default: the current folder)` },
    'no-render': { type: 'boolean', help: 'build the project only, without a local animatic take of every shot' },
    'no-export': { type: 'boolean', help: 'skip the last step, the DaVinci Resolve folder beside the project' },
  },
  details: [
    `Without --out the project is ./Night Diner${PROJECT_EXT}. With --out, a DIR ending in ${PROJECT_EXT} is`,
    'the project folder itself; any other DIR is the folder to create it in. The project folder must',
    'not exist yet. Every shot then gets a take from the local animatic renderer (no keys needed).',
  ].join('\n'),
  async run({ options, io }) {
    const read = readImportFile(DEMO_FILE);
    if (read.kind !== 'shotList') throw new Error(`${DEMO_FILE} is not a shot list`);
    const { plan } = read;
    if (!plan.project.title) throw new Error(`${DEMO_FILE} has no title`);
    const out = typeof options.out === 'string' ? options.out : undefined;
    if (out === '') throw new UserError('--out is empty; give a folder, or leave --out off to use the current folder');
    const ctx: DemoContext = { io, plan, folder: demoFolder(io, out, plan.project.title) };
    const skipped = new Set<DemoStep | false>([options['no-render'] === true && demoAnimatics, options['no-export'] === true && demoExport]);
    const steps = STEPS.filter((s) => !skipped.has(s));
    for (const step of steps) await step(ctx);
  },
};
