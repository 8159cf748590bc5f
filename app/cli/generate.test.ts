import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunwayFake, type RunwayFake } from '../../test/fakes/runway/server';
import { jobsRepo } from '../core/db/repos/jobsRepo';
import { JobEngine } from '../core/jobs/engine';
import { createRunners } from '../core/jobs/runners';
import { makeProject, shot } from '../core/jobs/jobs.testkit';
import { envKeySource } from '../core/keys/keySource';
import { ffprobe } from '../core/media/ffmpeg';
import { useTmpDir } from '../core/testing/tmp.testkit';
import { cli } from './cli.testkit';

const tmp = useTmpDir('shotline-gen-');
const KEY = 'rw_cli_test_key_0123456789';
let fake: RunwayFake;
beforeAll(async () => {
  fake = await startRunwayFake({ apiKey: KEY, runningPolls: 2 });
});
afterAll(() => fake.close());

/** A project with shots 1A (local, 1 s) and 1B (Runway Gen-4.5, 5 s). */
function project() {
  const p = makeProject(tmp());
  shot(p, { tool: 'local:animatic', durationS: 1 });
  shot(p, { tool: 'runway:gen4.5', durationS: 5 });
  p.close();
  return p.folder;
}

const remoteEnv = () => ({ RUNWAYML_API_SECRET: KEY, SHOTLINE_RUNWAY_BASE_URL: fake.url, SHOTLINE_POLL_INTERVAL_S: '0.05' });
type Jobs = {
  jobs: Array<{
    id: string;
    shot: string;
    tool: string;
    state: string;
    remoteId: string | null;
    output: string | null;
    error: string | null;
    costUsd: number | null;
  }>;
};
async function jobs(dir: string, env = {}): Promise<Jobs> {
  const r = await cli(['jobs', dir, '--json'], { cwd: tmp(), env });
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Jobs;
}

describe('shotline generate, jobs, resume, cancel', () => {
  it('queues without --wait, and resume runs what is queued', async () => {
    const dir = project();
    const queued = await cli(['generate', dir, '--shot', '1a', '--takes', '2'], { cwd: tmp() });
    expect(queued).toMatchObject({ code: 0, err: '' });
    expect(queued.out).toContain('Queued 2 takes of 1 shot, estimated $0.00.');
    expect((await jobs(dir)).jobs.map((j) => j.state)).toEqual(['queued', 'queued']);

    const resumed = await cli(['resume', dir], { cwd: tmp() });
    expect(resumed).toMatchObject({ code: 0, err: '' });
    expect(resumed.out).toContain('Done: 2 ready.');
    const after = (await jobs(dir)).jobs;
    for (const j of after) {
      expect(j).toMatchObject({ shot: '1A', tool: 'local:animatic', state: 'ready', error: null, costUsd: 0 });
      expect(path.isAbsolute(j.output!) && fs.existsSync(j.output!)).toBe(true);
    }
    expect((await cli(['resume', dir], { cwd: tmp() })).out).toBe('No jobs were waiting.\n');
  });

  it('--wait runs remote jobs against the provider and exits 0 when all are ready, 1 when one failed', async () => {
    const dir = project();
    const ok = await cli(['generate', dir, '--shot', '1B', '--takes', '1', '--wait'], { cwd: tmp(), env: remoteEnv() });
    expect(ok).toMatchObject({ code: 0, err: '' });
    const [job] = (await jobs(dir)).jobs;
    expect(job).toMatchObject({ shot: '1B', tool: 'runway:gen4.5', state: 'ready', costUsd: 0.6 });
    expect(job!.remoteId).toMatch(/\S/);
    expect((await ffprobe(job!.output!)).codec).toBe('h264');

    fake.setScenario({ outcome: { failureCode: 'SAFETY.INPUT.TEXT', failure: 'The prompt was flagged by moderation.' } });
    const bad = await cli(['generate', dir, '--shot', '1B', '--takes', '1', '--wait'], { cwd: tmp(), env: remoteEnv() });
    fake.setScenario({ outcome: 'succeed' });
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/1B +failed +Runway: .*The prompt was flagged by moderation/);
    expect(bad.err).toBe(`shotline: 1 failed: see the reasons above, or shotline jobs "${dir}".\n`);
  });

  it('says what is wrong before queuing anything', async () => {
    const dir = project();
    const cwd = tmp();
    expect((await cli(['generate', dir], { cwd })).err).toMatch(/Name the shots to generate with --shot 1A/);
    expect((await cli(['generate', dir, '--shot', '9Z'], { cwd })).err).toMatch(/No shot is labelled "9Z"/);
    expect((await cli(['generate', dir, '--all', '--takes', '9'], { cwd })).err).toMatch(/--takes must be a whole number from 1 to 8/);
    const noKey = await cli(['generate', dir, '--shot', '1B'], { cwd });
    expect(noKey).toMatchObject({ code: 1 });
    expect(noKey.err).toMatch(/No Runway key is set\. .*RUNWAYML_API_SECRET/);
    expect((await jobs(dir)).jobs).toEqual([]);
    const all = await cli(['generate', dir, '--all', '--tool', 'local:animatic', '--takes', '1'], { cwd });
    expect(all.out).toContain('Queued 2 takes of 2 shots');
  });

  it('cancels a job by the start of its id', async () => {
    const dir = project();
    await cli(['generate', dir, '--shot', '1A', '--takes', '1'], { cwd: tmp() });
    const [job] = (await jobs(dir)).jobs;
    const r = await cli(['cancel', dir, job!.id.slice(0, 8)], { cwd: tmp() });
    expect(r).toMatchObject({ code: 0, out: `Canceled 1A (${job!.id.slice(0, 8)}).\n` });
    expect((await jobs(dir)).jobs[0]!.state).toBe('canceled');
    expect((await cli(['cancel', dir, 'ffffffff'], { cwd: tmp() })).err).toMatch(/No job "ffffffff"/);
  });

  it('refuses to run a project whose jobs another process runs, naming it', async () => {
    const dir = project();
    await cli(['generate', dir, '--shot', '1A', '--takes', '1'], { cwd: tmp() });
    const { openProject } = await import('../core/project/project');
    const app = openProject(dir);
    const engine = new JobEngine({ db: app.db, folder: app.folder, runners: createRunners({ keys: envKeySource({}) }), label: 'the Shotline app' });
    engine.start({ loop: false });
    const r = await cli(['resume', dir], { cwd: tmp() });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^shotline: This project's jobs are being run by the Shotline app \(process \d+ on .+\)\. Let it finish/);
    expect(jobsRepo(app.db).recent()[0]!.state).toBe('queued');
    await engine.stop();
    app.close();
  });
});

describe('shotline demo', () => {
  it('renders a local animatic take of every shot of the sample project', async () => {
    const cwd = tmp();
    const r = await cli(['demo'], { cwd });
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/Rendered a local animatic take of 12 of 12 shots in [\d.]+ s/);
    const dir = path.join(cwd, 'Night Diner.shotline');
    const all = (await jobs(dir)).jobs;
    const takes = all.filter((j) => j.tool === 'local:animatic');
    expect(takes).toHaveLength(12);
    for (const j of takes) expect(j).toMatchObject({ state: 'ready', costUsd: 0 });
    const p = await ffprobe(takes[0]!.output!, { countFrames: true });
    expect(p.fps).toEqual({ avg: 24, r: 24 });
    // The characters speak with local voices and a music bed plays under the cut, in the Resolve folder too.
    const lines = all.filter((j) => j.tool === 'local:voice');
    // Two lines in the sample: Dee's in 2C and Mara's in 2E.
    expect(lines).toHaveLength(2);
    for (const j of lines) expect(j).toMatchObject({ state: 'ready', costUsd: 0 });
    expect(r.out).toMatch(/Spoke \d+ of \d+ lines with local voices, and laid a music bed under the cut\./);
    const audio = fs.readdirSync(path.join(cwd, 'Night_Diner_Resolve', 'Audio'));
    expect(audio.filter((f) => f.startsWith('DIALOGUE_'))).toHaveLength(lines.length);
    expect(audio.filter((f) => f.startsWith('MUSIC_'))).toEqual(['MUSIC_01_Night_Diner_pad.wav']);
  }, 600_000);
});
