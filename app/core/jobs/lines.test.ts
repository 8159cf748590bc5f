// Spoken lines through the engine against the ElevenLabs fake and the local voice: every state, a
// 429 waited out, a 5xx that may have billed asked about, a crash with the line already made found
// (never paid twice), and the local voice redone after an interruption.
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startElevenLabsFake, type ElevenLabsFake } from '../../../test/fakes/elevenlabs/server';
import { createItem, libraryCtx, updateItem } from '../library/ops';
import { envKeySource } from '../keys/keySource';
import type { Project } from '../project/project';
import { linesAudio } from '../sound/lineAudio';
import { useTmpDir } from '../testing/tmp.testkit';
import { enqueueLines, planLines } from './audio';
import { jobsCtx } from './enqueue';
import { JobEngine } from './engine';
import { drive, makeProject, ManualClock, shot } from './jobs.testkit';
import { createRunners } from './runners';

const tmp = useTmpDir('shotline-lines-');
const KEY = 'xi-lines-test-key-0123456789';
let fake: ElevenLabsFake;
let project: Project;
let clock: ManualClock;
beforeAll(async () => {
  fake = await startElevenLabsFake({ apiKey: KEY });
});
afterAll(() => fake.close());
beforeEach(() => {
  project = makeProject(tmp());
  clock = new ManualClock();
});
afterEach(() => project.close());

const line = (speaker: string, text: string) => ({ speaker, extension: null, parenthetical: null, text });

function cast(voices: Record<string, string>) {
  const ctx = libraryCtx(project);
  project.db.transaction(() => {
    for (const [name, voice] of Object.entries(voices)) updateItem(ctx, createItem(ctx, { kind: 'character', name }).id, { voice });
  })();
}

async function run() {
  const runners = createRunners({
    keys: envKeySource({ ELEVENLABS_API_KEY: KEY }),
    env: { SHOTLINE_ELEVENLABS_BASE_URL: fake.url, PATH: process.env.PATH ?? '' },
  });
  const engine = new JobEngine({ db: project.db, folder: project.folder, runners, label: 'test', clock, customEndpoint: () => true });
  engine.start({ loop: false });
  await drive(engine, clock);
  await engine.stop();
}

function queue(shots: ReturnType<typeof shot>[]) {
  const ctx = jobsCtx(project, clock);
  const { lines } = planLines(ctx, shots);
  return enqueueLines(ctx, lines, 1).jobIds;
}

const states = (id: string) => project.jobs.events(id).map((e) => e.to_state);

describe('spoken lines through the engine', () => {
  it('speaks with ElevenLabs: the neighbouring lines sent, billed by characters, stored as the line’s take', async () => {
    cast({ Mara: 'elevenlabs:21m00Tcm4TlvDq8ikWAM', Dee: 'elevenlabs:JBFqnCBsd6RMkjVDRZzb' });
    const a = shot(project, { dialogue: [line('MARA', 'Coffee.'), line('DEE', 'Kitchen is closed, hon.')] });
    const before = fake.creates;
    const [first, second] = queue([a]);
    // Billed per character: "Coffee." is 7 characters at $0.10 per 1,000.
    expect(project.jobs.get(first!)?.cost_estimate_usd).toBeCloseTo(0.0007, 6);
    await run();
    expect(states(first!)).toEqual(['queued', 'submitting', 'checking', 'ready']);
    expect(states(second!)).toEqual(['queued', 'submitting', 'checking', 'ready']);
    expect(fake.creates - before).toBe(2);
    const sent = fake.requests.filter((r) => r.path.startsWith('/v1/text-to-speech/'));
    expect(sent.at(-1)!.body).toMatchObject({ text: 'Kitchen is closed, hon.', model_id: 'eleven_multilingual_v2', previous_text: 'Coffee.' });
    const audio = linesAudio(project).get(a.id)!;
    expect(audio.map((l) => l !== null && fs.existsSync(l.path))).toEqual([true, true]);
    expect(audio[1]!.durationS).toBeGreaterThan(audio[0]!.durationS);
  });

  it('waits out a 429, asks about a 5xx that may have billed, and finds a line made before a crash', async () => {
    cast({ Mara: 'elevenlabs:21m00Tcm4TlvDq8ikWAM' });
    const a = shot(project, { dialogue: [line('MARA', 'Not tonight.')] });
    fake.setScenario({ create: [{ kind: 'http', status: 429, retryAfter: '2' }] });
    const [busy] = queue([a]);
    await run();
    expect(states(busy!)).toEqual(['queued', 'submitting', 'queued', 'submitting', 'checking', 'ready']);

    fake.setScenario({ create: [{ kind: 'after_create', status: 500 }] });
    const [unsure] = queue([a]);
    await run();
    expect(project.jobs.get(unsure!)?.state).toBe('needs_attention');

    // A process that died after ElevenLabs answered: the file is at the path recorded before the call.
    const [made] = queue([a]);
    const path = `${project.folder}/media/.tmp/crash-line.wav`;
    fs.mkdirSync(`${project.folder}/media/.tmp`, { recursive: true });
    fs.copyFileSync(linesAudio(project).get(a.id)![0]!.path, path);
    project.jobs.move(made!, 'queued', 'submitting', { now: clock.now(), patch: { temp_path: path } });
    const creates = fake.creates;
    await run();
    expect(fake.creates).toBe(creates);
    expect(project.jobs.get(made!)?.state).toBe('ready');
  });

  it('speaks with the local voice, and starts over when interrupted; a missing espeak-ng fails with the fix', async () => {
    cast({ Mara: 'local' });
    const a = shot(project, { dialogue: [line('MARA', 'Not tonight.')] });
    const [id] = queue([a]);
    project.jobs.move(id!, 'queued', 'running', { now: clock.now(), patch: { temp_path: `${project.folder}/media/.tmp/half.wav` } });
    await run();
    expect(states(id!)).toEqual(['queued', 'running', 'queued', 'running', 'checking', 'ready']);
    expect(project.jobs.get(id!)?.cost_usd).toBe(0);

    const runners = createRunners({ keys: envKeySource({}), env: { SHOTLINE_ESPEAK: '/nowhere/espeak-ng' } });
    const engine = new JobEngine({ db: project.db, folder: project.folder, runners, label: 'test', clock, customEndpoint: () => true });
    const [missing] = queue([a]);
    engine.start({ loop: false });
    await drive(engine, clock);
    await engine.stop();
    expect(project.jobs.get(missing!)?.error).toMatch(/needs espeak-ng.*install espeak-ng/);
  });
});
