// The engine as its own process, for the crash test (crash.test.ts): runs a project's jobs
// until none is active. With FREEZE_AT=<state> it stops dead right after the first transition
// into that state is committed (before the side effect it allows), so the parent can SIGKILL
// it at exactly that point. Run as: node --import tsx crash.child.ts PROJECT
import fs from 'node:fs';
import { envKeySource } from '../keys/keySource';
import { openProject } from '../project/project';
import { JobEngine } from './engine';
import { createRunners } from './runners';

const folder = process.argv[2]!;
const freezeAt = process.env.FREEZE_AT ?? '';
const say = (line: string) => fs.writeSync(1, `${line}\n`);
const freeze = (why: string) => {
  say(`FROZEN ${why}`);
  // Blocks the only thread: nothing else of this process runs until it is killed.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
};

const project = openProject(folder);
if (freezeAt === 'queued') freeze('queued');
const engine = new JobEngine({
  db: project.db,
  folder: project.folder,
  runners: createRunners({ keys: envKeySource(process.env), env: process.env, timeoutMs: 10_000 }),
  label: 'crash test child',
  pollIntervalS: 0.05,
  customEndpoint: () => true,
  // One at a time keeps each kill point about one job; the invariants hold either way.
  tuning: { retryBaseS: 0.05, retryMaxS: 0.2, concurrency: Number(process.env.CONCURRENCY ?? 1) },
  onTransition: (job, from, to) => {
    if (from === to) return;
    say(`STATE ${job.id} ${to}`);
    if (to === freezeAt) freeze(`${job.id} ${to}`);
  },
});
const status = engine.start();
if (!status.running) {
  say(`HELD ${status.heldBy}`);
  process.exit(3);
}
await engine.whenIdle();
await engine.stop();
project.close();
say('DONE');
