// Sound effects through the engine, on the same path as spoken lines: ElevenLabs' sound generation
// (every state, a 429 waited out, a crash after the call never paid twice) and the local scratch
// effect; each take found by its cue, the circled one playing unless rejected.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sfxRepo } from '../db/repos/sfxRepo';
import { cuesByShot } from '../sound/cues';
import { enqueueCues, planCues } from './audio';
import { useElevenLabsProject } from './elevenlabs.testkit';
import { jobsCtx } from './enqueue';
import { shot } from './jobs.testkit';
import { costPlan } from './plan';

const t = useElevenLabsProject('shotline-sfx-');
const run = () => t.run();

function cue(s: ReturnType<typeof shot>, text: string, seconds: number) {
  const id = `cue-${text.replace(/\W/g, '')}`;
  sfxRepo(t.project().db).insert({ id, shot_id: s.id, text, seconds, offset_s: 0, gain_db: 0 });
  return { id, text, seconds };
}

function queue(s: ReturnType<typeof shot>, c: { id: string; text: string; seconds: number }, tool = 'elevenlabs:eleven_text_to_sound_v2') {
  return enqueueCues(jobsCtx(t.project(), t.clock()), planCues([{ shot: s, cue: c }], tool)).jobIds[0]!;
}

const states = (id: string) =>
  t
    .project()
    .jobs.events(id)
    .map((e) => e.to_state);

describe('sound effects through the engine', () => {
  it('makes the cue at ElevenLabs at its length, priced per generation, stored as the cue’s take', async () => {
    const a = shot(t.project());
    const door = cue(a, 'a heavy door slams', 2.5);
    const id = queue(a, door);
    expect(t.project().jobs.get(id)).toMatchObject({ kind: 'sfx', tool: 'elevenlabs:eleven_text_to_sound_v2', cost_estimate_usd: 0.12 });
    await run();
    expect(states(id)).toEqual(['queued', 'submitting', 'checking', 'ready']);
    const sent = t
      .fake()
      .requests.filter((r) => r.path.startsWith('/v1/sound-generation'))
      .at(-1)!;
    expect(sent.body).toMatchObject({ text: 'a heavy door slams', duration_seconds: 2.5, model_id: 'eleven_text_to_sound_v2' });
    const [made] = cuesByShot(t.project()).get(a.id)!;
    expect(made!.take?.tool).toBe('elevenlabs:eleven_text_to_sound_v2');
    expect(made!.take!.durationS).toBeCloseTo(2.5, 0);
    expect(fs.existsSync(`${t.project().folder}/${made!.take!.relPath}`)).toBe(true);
  });

  it('waits out a 429 and finds an effect made before a crash without paying twice', async () => {
    const a = shot(t.project());
    const rain = cue(a, 'rain on a tin roof', 3);
    t.fake().setScenario({ create: [{ kind: 'http', status: 429, retryAfter: '2' }] });
    const busy = queue(a, rain);
    await run();
    expect(states(busy)).toEqual(['queued', 'submitting', 'queued', 'submitting', 'checking', 'ready']);

    const made = queue(a, rain);
    const path = `${t.project().folder}/media/.tmp/crash-sfx.mp3`;
    fs.mkdirSync(`${t.project().folder}/media/.tmp`, { recursive: true });
    fs.copyFileSync(`${t.project().folder}/${cuesByShot(t.project()).get(a.id)![0]!.take!.relPath}`, path);
    t.project().jobs.move(made, 'queued', 'submitting', { now: t.clock().now(), patch: { temp_path: path } });
    const creates = t.fake().creates;
    await run();
    expect(t.fake().creates).toBe(creates);
    expect(t.project().jobs.get(made)?.state).toBe('ready');
    expect(
      cuesByShot(t.project())
        .get(a.id)![0]!
        .takes.map((t) => t.number),
    ).toEqual([1, 2]);
  });

  it('makes a free scratch effect of the cue’s exact length; the circled take plays unless rejected', async () => {
    const a = shot(t.project());
    const hit = cue(a, 'a punch lands', 1.2);
    const first = queue(a, hit, 'local:sfx');
    const second = queue(a, hit, 'local:sfx');
    await run();
    expect(states(first)).toEqual(['queued', 'running', 'checking', 'ready']);
    expect(t.project().jobs.get(first)?.cost_usd).toBe(0);
    const takes = cuesByShot(t.project()).get(a.id)![0]!.takes;
    expect(takes.map((t) => t.durationS)).toEqual([1.2, 1.2]);
    const [older, newer] = [t.project().takes.byJob(first)!.id, t.project().takes.byJob(second)!.id];
    expect(cuesByShot(t.project()).get(a.id)![0]!.take?.id).toBe(newer);

    t.project().db.prepare('UPDATE sfx_cues SET selected_take_id = ? WHERE id = ?').run(older, hit.id);
    expect(cuesByShot(t.project()).get(a.id)![0]!.take).toMatchObject({ id: older, circled: true });
    t.project().reviews.setRejected(older, true);
    expect(cuesByShot(t.project()).get(a.id)![0]!.take?.id).toBe(newer);
  });

  it('plans the cues not made or asked for yet at ElevenLabs’ price per generation', () => {
    const a = shot(t.project());
    cue(a, 'wind', 2);
    const rain = cue(a, 'rain', 3);
    expect(costPlan(jobsCtx(t.project(), t.clock())).effects).toMatchObject({ cues: 2, missing: 2, planUsd: 0.24, spentUsd: 0 });
    queue(a, rain, 'local:sfx');
    expect(costPlan(jobsCtx(t.project(), t.clock())).effects).toMatchObject({ cues: 2, missing: 1, planUsd: 0.12 });
  });

  it('refuses a cue longer than the tool makes, and a tool that makes no effects', () => {
    const a = shot(t.project());
    expect(() => planCues([{ shot: a, cue: { id: 'x', text: 'wind', seconds: 45 } }], 'local:sfx')).toThrow(/0.5–30 s.*lasts 45 s\. Change its length/);
    expect(() => planCues([{ shot: a, cue: { id: 'x', text: 'wind', seconds: 2 } }], 'local:voice')).toThrow(/does not make sound effects/);
  });
});
