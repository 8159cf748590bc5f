// The job engine's throughput against the Runway fake (2 s generations, 20 at a time, polls
// every 250 ms), and the local animatic renderer's speed. Figures only; nothing asserted.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { text } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import { JobEngine } from '../app/core/jobs/engine';
import { enqueueTakes, jobsCtx } from '../app/core/jobs/enqueue';
import { createRunners } from '../app/core/jobs/runners';
import { makeProject, shot } from '../app/core/jobs/jobs.testkit';
import { envKeySource } from '../app/core/keys/keySource';
import { CAMERA_MOVES } from '../shared/domain/types';
import { report } from './report';

const KEY = 'rw_bench_key_0123456789';
export const RUNWAY_TOOL = 'runway:gen4.5';
const JOBS = 200;
const CAP = 20;
const GENERATION_S = 2;
const POLL_S = 0.25;

async function startFake() {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./runwayFake.child.ts', import.meta.url))], {
    env: { ...process.env, KEY, GENERATION_MS: String(GENERATION_S * 1000), MAX_CONCURRENT: String(CAP) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout! });
  const next = () => new Promise<string>((resolve) => lines.once('line', resolve));
  const { url } = JSON.parse(await next()) as { url: string };
  return {
    url,
    async stats() {
      child.stdin!.write('stats\n');
      return JSON.parse(await next()) as { creates: number; jobs: number; duplicates: number; polls: number };
    },
    stop: () => child.kill(),
  };
}

/** The bench's jobs: `count` Runway takes, 8 to a shot, queued in `project`. */
export async function queueRunwayJobs(project: ReturnType<typeof makeProject>, count: number) {
  const shots = Array.from({ length: count / 8 }, () => shot(project, { tool: RUNWAY_TOOL, durationS: 5 }));
  const ctx = jobsCtx(project);
  const { jobIds } = await enqueueTakes(ctx, { shotIds: shots.map((s) => s.id), takes: 8 });
  return { ctx, jobIds };
}

/**
 * `checking: false` holds every take at checking (no ffprobe or QC runs), to show what the
 * provider-facing part costs alone; the full run checks and stores each take as it lands.
 */
async function engineBench(dir: string, checking: boolean) {
  const fake = await startFake();
  const project = makeProject(dir);
  try {
    const { ctx } = await queueRunwayJobs(project, JOBS);
    let downloaded = 0;
    let lastDownload = 0;
    let cpuAtDownload = process.cpuUsage();
    let allDownloaded = () => {};
    const downloads = new Promise<void>((resolve) => (allDownloaded = resolve));
    const engine = new JobEngine({
      db: project.db,
      folder: project.folder,
      runners: createRunners({ keys: envKeySource({ RUNWAYML_API_SECRET: KEY }), env: { SHOTLINE_RUNWAY_BASE_URL: fake.url } }),
      label: 'bench',
      pollIntervalS: POLL_S,
      customEndpoint: () => true,
      tuning: { concurrency: CAP, ...(checking ? {} : { checkConcurrency: 0 }) },
      // The provider-facing part ends when the file is here; checking (ffprobe, QC, thumbnail) follows.
      emit: (e) => {
        if (e.type !== 'changed' || e.state !== 'checking') return;
        lastDownload = performance.now();
        cpuAtDownload = process.cpuUsage(cpu0);
        if (++downloaded === JOBS) allDownloaded();
      },
    });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    engine.start();
    await (checking ? engine.whenIdle() : downloads);
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    await engine.stop();
    const stats = await fake.stats();
    const ready = ctx.repo.recent(JOBS).filter((j) => j.state === 'ready').length;
    const ideal = (JOBS / CAP) * GENERATION_S;
    const window = (lastDownload - t0) / 1000;
    const seconds = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;
    const requests = stats.creates + stats.polls + JOBS;
    report(
      `job engine: ${JOBS} jobs, Runway fake, ${GENERATION_S} s generations, cap ${CAP}, polls every ${POLL_S * 1000} ms, ${checking ? 'each take checked as it lands' : 'checking held back'}`,
      {
        'wall ÷ ideal': `${(window / ideal).toFixed(2)}× (start to the last take downloaded, ${window.toFixed(1)} s, over ${JOBS}/${CAP} waves × ${GENERATION_S} s = ${ideal.toFixed(0)} s)`,
        'engine CPU while generating': `${seconds(cpuAtDownload).toFixed(2)} s, ${((seconds(cpuAtDownload) / window) * 100).toFixed(1)} % of the window (user ${(cpuAtDownload.user / 1e6).toFixed(1)} s, system ${(cpuAtDownload.system / 1e6).toFixed(1)} s; ${((seconds(cpuAtDownload) / requests) * 1000).toFixed(1)} ms per request to the provider)`,
        ...(checking
          ? {
              'all checked and stored (wall)': `${wall.toFixed(1)} s (ffprobe, QC and a thumbnail per take, ${os.availableParallelism()} cores, load average ${os.loadavg()[0]!.toFixed(1)})`,
              'engine CPU, whole run': `${seconds(cpu).toFixed(1)} s (${((seconds(cpu) / wall) * 100).toFixed(0)} % of one core); starting each child process is a fork of this one`,
              'jobs ready': `${ready} of ${JOBS}`,
            }
          : {}),
        'requests at the fake': `${stats.creates} creates for ${stats.jobs} jobs (${stats.duplicates} duplicate submissions), ${stats.polls} polls (${(stats.polls / JOBS).toFixed(1)} per job), ${JOBS} downloads`,
      },
    );
  } finally {
    project.close();
    fake.stop();
  }
}

async function animaticBench(dir: string) {
  const project = makeProject(dir);
  try {
    const moves = CAMERA_MOVES.slice(0, 6);
    const shots = moves.map((camera) => shot(project, { tool: 'local:animatic', durationS: 5, prompt: { camera } }));
    const ctx = jobsCtx(project);
    await enqueueTakes(ctx, { shotIds: shots.map((s) => s.id), takes: 1 });
    const engine = new JobEngine({ db: project.db, folder: project.folder, runners: createRunners({ keys: envKeySource({}) }), label: 'bench' });
    const t0 = performance.now();
    engine.start();
    await engine.whenIdle();
    const wall = (performance.now() - t0) / 1000;
    await engine.stop();
    const seconds = shots.length * 5;
    report(`local animatic: ${shots.length} shots × 5 s at 1280×720, 24 fps, through the engine (${moves.join(', ')})`, {
      'wall time': `${wall.toFixed(1)} s for ${seconds} s of video`,
      'video seconds per wall second': `${(seconds / wall).toFixed(2)} (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores)`,
    });
  } finally {
    project.close();
  }
}

/** What the same provider calls and durable writes cost with no engine around them (jobsFloor.child.ts). */
async function floorBench(dir: string) {
  const fake = await startFake();
  try {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('./jobsFloor.child.ts', import.meta.url)),
        dir,
        fake.url,
        KEY,
        String(JOBS),
        String(CAP),
        String(GENERATION_S * 1000),
        String(POLL_S * 1000),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const [out, code] = await Promise.all([text(child.stdout), new Promise((resolve) => child.once('exit', resolve))]);
    if (code !== 0) throw new Error(`jobsFloor.child.ts exited with ${String(code)}`);
    const line = out.trim().split('\n').pop()!;
    const { cpuS, windowS } = JSON.parse(line) as { cpuS: number; windowS: number };
    const stats = await fake.stats();
    report(`the same jobs with no engine: each job's create, first and last poll, download and five durable state changes, 20 at a time, in a fresh process`, {
      CPU: `${cpuS.toFixed(2)} s, ${((cpuS / windowS) * 100).toFixed(1)} % of the ${windowS.toFixed(1)} s window (${stats.polls} polls)`,
    });
  } finally {
    fake.stop();
  }
}

export async function jobsBench() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shotline-bench-jobs-'));
  try {
    await engineBench(path.join(dir, 'engine-alone'), false);
    await floorBench(path.join(dir, 'floor'));
    await engineBench(path.join(dir, 'engine'), true);
    await animaticBench(path.join(dir, 'animatic'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
