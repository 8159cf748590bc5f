// Spoken lines through the engine against the ElevenLabs fake and the local voice: every state, a
// 429 waited out, a 5xx that may have billed asked about, a crash with the line already made found
// (never paid twice), and the local voice redone after an interruption.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PEAKS_PER_SECOND } from '../../../shared/domain/sound';
import { envKeySource } from '../keys/keySource';
import { createItem, libraryCtx, updateItem } from '../library/ops';
import { linesAudio } from '../sound/lineAudio';
import { keptWaveformPath } from '../sound/waveform';
import { enqueueLines, planLines } from './audio';
import { jobsCtx } from './enqueue';
import { useElevenLabsProject } from './elevenlabs.testkit';
import { JobEngine } from './engine';
import { drive, shot } from './jobs.testkit';
import { createRunners } from './runners';

const KEY = 'xi-lines-test-key-0123456789';
const el = useElevenLabsProject('shotline-lines-', KEY);

const line = (speaker: string, text: string) => ({ speaker, extension: null, parenthetical: null, text });

function cast(voices: Record<string, string>) {
  const ctx = libraryCtx(el.project());
  el.project().db.transaction(() => {
    for (const [name, voice] of Object.entries(voices)) updateItem(ctx, createItem(ctx, { kind: 'character', name }).id, { voice });
  })();
}

function queue(shots: ReturnType<typeof shot>[]) {
  const ctx = jobsCtx(el.project(), el.clock());
  const { lines } = planLines(ctx, shots);
  return enqueueLines(ctx, lines, 1).jobIds;
}

const states = (id: string) =>
  el
    .project()
    .jobs.events(id)
    .map((e) => e.to_state);

describe('spoken lines through the engine', () => {
  it('speaks with ElevenLabs: the neighbouring lines sent, billed by characters, stored as the line’s take', async () => {
    cast({ Mara: 'elevenlabs:21m00Tcm4TlvDq8ikWAM', Dee: 'elevenlabs:JBFqnCBsd6RMkjVDRZzb' });
    const a = shot(el.project(), { dialogue: [line('MARA', 'Coffee.'), line('DEE', 'Kitchen is closed, hon.')] });
    const before = el.fake().creates;
    const [first, second] = queue([a]);
    // Billed per character: "Coffee." is 7 characters at $0.10 per 1,000.
    expect(el.project().jobs.get(first!)?.cost_estimate_usd).toBeCloseTo(0.0007, 6);
    await el.run();
    expect(states(first!)).toEqual(['queued', 'submitting', 'checking', 'ready']);
    expect(states(second!)).toEqual(['queued', 'submitting', 'checking', 'ready']);
    expect(el.fake().creates - before).toBe(2);
    const sent = el.fake().requests.filter((r) => r.path.startsWith('/v1/text-to-speech/'));
    expect(sent.at(-1)!.body).toMatchObject({ text: 'Kitchen is closed, hon.', model_id: 'eleven_multilingual_v2', previous_text: 'Coffee.' });
    const audio = linesAudio(el.project()).get(a.id)!;
    expect(audio.map((l) => l !== null && fs.existsSync(l.path))).toEqual([true, true]);
    expect(audio[1]!.durationS).toBeGreaterThan(audio[0]!.durationS);
    // Kept as each line landed, so the sound lane draws it without decoding it.
    const folder = el.project().folder;
    expect(audio.map((l) => fs.existsSync(keptWaveformPath(folder, path.relative(folder, l!.path), PEAKS_PER_SECOND)))).toEqual([true, true]);
  });

  it('waits out a 429, asks about a 5xx that may have billed, and finds a line made before a crash', async () => {
    cast({ Mara: 'elevenlabs:21m00Tcm4TlvDq8ikWAM' });
    const a = shot(el.project(), { dialogue: [line('MARA', 'Not tonight.')] });
    el.fake().setScenario({ create: [{ kind: 'http', status: 429, retryAfter: '2' }] });
    const [busy] = queue([a]);
    await el.run();
    expect(states(busy!)).toEqual(['queued', 'submitting', 'queued', 'submitting', 'checking', 'ready']);

    el.fake().setScenario({ create: [{ kind: 'after_create', status: 500 }] });
    const [unsure] = queue([a]);
    await el.run();
    expect(el.project().jobs.get(unsure!)?.state).toBe('needs_attention');

    // A process that died after ElevenLabs answered: the file is at the path recorded before the call.
    const [made] = queue([a]);
    const path = `${el.project().folder}/media/.tmp/crash-line.wav`;
    fs.mkdirSync(`${el.project().folder}/media/.tmp`, { recursive: true });
    fs.copyFileSync(linesAudio(el.project()).get(a.id)![0]!.path, path);
    el.project().jobs.move(made!, 'queued', 'submitting', { now: el.clock().now(), patch: { temp_path: path } });
    const creates = el.fake().creates;
    await el.run();
    expect(el.fake().creates).toBe(creates);
    expect(el.project().jobs.get(made!)?.state).toBe('ready');
  });

  it('speaks with the local voice, and starts over when interrupted; a missing espeak-ng fails with the fix', async () => {
    cast({ Mara: 'local' });
    const a = shot(el.project(), { dialogue: [line('MARA', 'Not tonight.')] });
    const [id] = queue([a]);
    el.project().jobs.move(id!, 'queued', 'running', { now: el.clock().now(), patch: { temp_path: `${el.project().folder}/media/.tmp/half.wav` } });
    await el.run();
    expect(states(id!)).toEqual(['queued', 'running', 'queued', 'running', 'checking', 'ready']);
    expect(el.project().jobs.get(id!)?.cost_usd).toBe(0);

    const runners = createRunners({ keys: envKeySource({}), env: { SHOTLINE_ESPEAK: '/nowhere/espeak-ng' } });
    const engine = new JobEngine({ db: el.project().db, folder: el.project().folder, runners, label: 'test', clock: el.clock(), customEndpoint: () => true });
    const [missing] = queue([a]);
    engine.start({ loop: false });
    await drive(engine, el.clock());
    await engine.stop();
    expect(el.project().jobs.get(missing!)?.error).toMatch(/needs espeak-ng.*install espeak-ng/);
  });
});
