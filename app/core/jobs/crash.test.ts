// Kill the engine process (SIGKILL) at each state, start it again, and check that no job was
// sent twice and every job ended ready, or waiting for the user where a create's fate is
// unknown. The engine runs as a real child process against the Runway fake over HTTP; a proxy
// in between can swallow a create's reply after the fake made the task (the crash that bills).
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunwayFake, type RunwayFake } from '../../../test/fakes/runway/server';
import { attentionOf, jobsRepo } from '../db/repos/jobsRepo';
import { openProject } from '../project/project';
import { takesRepo } from '../db/repos/takesRepo';
import { useTmpDir } from '../testing/tmp.testkit';
import { enqueueTakes, jobsCtx } from './enqueue';
import { makeProject, shot } from './jobs.testkit';

const CHILD = fileURLToPath(new URL('./crash.child.ts', import.meta.url));
const KEY = 'rw_crash_test_key_0123456789';
const tmp = useTmpDir();

let fake: RunwayFake;
let proxy: http.Server;
let proxyUrl: string;
/** When set, the next create's reply (after the fake made the task) is swallowed and this is called. */
let onHeldCreate: (() => void) | null = null;

function startProxy(target: string): Promise<void> {
  proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const out = http.request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (reply) => {
        const body: Buffer[] = [];
        reply.on('data', (c: Buffer) => body.push(c));
        reply.on('end', () => {
          const hold = req.method === 'POST' && onHeldCreate;
          if (hold) {
            onHeldCreate = null;
            hold();
            return; // the task exists at the fake; its id never reaches the engine
          }
          res.writeHead(reply.statusCode ?? 502, reply.headers).end(Buffer.concat(body));
        });
      });
      out.end(Buffer.concat(chunks));
    });
  });
  return new Promise((resolve) =>
    proxy.listen(0, '127.0.0.1', () => {
      proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      resolve();
    }),
  );
}

beforeAll(async () => {
  fake = await startRunwayFake({ apiKey: KEY, runningPolls: 3 });
  await startProxy(fake.url);
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((r) => proxy.close(r));
  await fake.close();
});

interface Run {
  child: ChildProcess;
  lines: string[];
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitFor(re: RegExp): Promise<string>;
}

function runChild(folder: string, freezeAt = ''): Run {
  // process.execPath with --import tsx, not the tsx wrapper: SIGKILL must reach the engine itself.
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, folder], {
    env: { ...process.env, FREEZE_AT: freezeAt, RUNWAYML_API_SECRET: KEY, SHOTLINE_RUNWAY_BASE_URL: proxyUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: Array<{ re: RegExp; resolve: (line: string) => void }> = [];
  let buf = '';
  let errText = '';
  child.stdout!.on('data', (c: Buffer) => {
    buf += c.toString();
    const parts = buf.split('\n');
    buf = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.splice(0)) {
        if (w.re.test(line)) w.resolve(line);
        else waiters.push(w);
      }
    }
  });
  child.stderr!.on('data', (c: Buffer) => (errText += c.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal === null) console.error(`child failed (${code}):\n${errText}\n${lines.join('\n')}`);
      resolve({ code, signal });
    }),
  );
  return {
    child,
    lines,
    exit,
    waitFor: (re) => {
      const hit = lines.find((l) => re.test(l));
      return hit ? Promise.resolve(hit) : new Promise((resolve) => waiters.push({ re, resolve }));
    },
  };
}

/** Creates that reached the fake, per job (each job has its own seed). */
function createsBySeed(): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of fake.requests) {
    if (r.method !== 'POST' || !r.path.startsWith('/v1/text_to_video')) continue;
    const seed = (r.body as { seed?: number }).seed!;
    out.set(seed, (out.get(seed) ?? 0) + 1);
  }
  return out;
}

type KillPoint = 'queued' | 'submitting: reply lost' | 'submitting: before send' | 'submitted' | 'running' | 'downloading' | 'checking';

async function crashAndResume(point: KillPoint) {
  const project = makeProject(tmp());
  const ctx = jobsCtx(project);
  const ids = (await enqueueTakes(ctx, { shotIds: [shot(project).id, shot(project).id], takes: 1 })).jobIds;
  const seeds = ids.map((id) => ctx.repo.get(id)!.seed!);
  project.close();

  let victim: string | null = null;
  if (point === 'submitting: reply lost') {
    const first = runChild(project.folder);
    await new Promise<void>((resolve) => (onHeldCreate = resolve));
    first.child.kill('SIGKILL');
    expect((await first.exit).signal).toBe('SIGKILL');
    victim = first.lines.filter((l) => l.endsWith(' submitting')).map((l) => l.split(' ')[1]!)[0] ?? null;
  } else {
    const freezeAt = point === 'submitting: before send' ? 'submitting' : point;
    const first = runChild(project.folder, freezeAt);
    const frozen = await first.waitFor(/^FROZEN /);
    victim = frozen.split(' ')[1] === 'queued' ? null : frozen.split(' ')[1]!;
    first.child.kill('SIGKILL');
    expect((await first.exit).signal).toBe('SIGKILL');
  }

  const second = runChild(project.folder);
  expect((await second.exit).code).toBe(0);

  const reopened = openProject(project.folder);
  const jobs = ids.map((id) => jobsRepo(reopened.db).get(id)!);
  const takeCount = jobs.filter((j) => takesRepo(reopened.db).byJob(j.id)).length;
  const creates = createsBySeed();
  reopened.close();
  return { jobs, seeds, creates, victim, takeCount };
}

/** The invariants: every job ready or waiting for the user; nothing sent twice; a take per ready job. */
function expectInvariants(r: Awaited<ReturnType<typeof crashAndResume>>) {
  r.jobs.forEach((j, i) => {
    expect(['ready', 'needs_attention']).toContain(j.state);
    const sent = r.creates.get(r.seeds[i]!) ?? 0;
    expect(sent).toBeLessThanOrEqual(1);
    if (j.state === 'ready') expect(sent).toBe(1);
    // Only a job whose create's fate is unknown waits for the user.
    if (j.state === 'needs_attention') expect(j.remote_id).toBeNull();
  });
  expect(r.takeCount).toBe(r.jobs.filter((j) => j.state === 'ready').length);
}

describe('crash safety: SIGKILL at each state, then resume', () => {
  it.each<KillPoint>(['queued', 'submitted', 'running', 'downloading', 'checking'])(
    'killed at %s: the job goes on to ready, sent exactly once',
    async (point) => {
      const r = await crashAndResume(point);
      expectInvariants(r);
      const victim = r.jobs.find((j) => j.id === r.victim) ?? r.jobs[0]!;
      expect(victim.state).toBe('ready');
      expect(r.creates.get(victim.seed!)).toBe(1);
    },
  );

  it('killed after the create reached Runway but before its reply: asks the user, never sends again', async () => {
    const r = await crashAndResume('submitting: reply lost');
    expectInvariants(r);
    const lost = r.jobs.find((j) => j.id === r.victim)!;
    expect(lost.state).toBe('needs_attention');
    expect(r.creates.get(lost.seed!)).toBe(1);
    expect(attentionOf(lost)!.choices.map((c) => c.choice)).toEqual(['mark_failed', 'submit_again']);
  });

  it('killed after writing submitting but before sending: asks the user; nothing was sent for it', async () => {
    const r = await crashAndResume('submitting: before send');
    expectInvariants(r);
    const stuck = r.jobs.find((j) => j.id === r.victim)!;
    expect(stuck.state).toBe('needs_attention');
    expect(r.creates.get(stuck.seed!) ?? 0).toBe(0);
  });
});
