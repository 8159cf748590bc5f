// `shotline sfx` adds a cue to a shot and queues its job: the local scratch effect with no key,
// ElevenLabs with one; `jobs --json` lists the effect jobs with their tool, `sfx --list --json`
// the cues with the file each plays.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startElevenLabsFake, type ElevenLabsFake } from '../../test/fakes/elevenlabs/server';
import { makeProject, shot } from '../core/jobs/jobs.testkit';
import { useTmpDir } from '../core/testing/tmp.testkit';
import { cli } from './cli.testkit';

const tmp = useTmpDir('shotline-sfx-cli-');
const KEY = 'xi-cli-sfx-key-0123456789';
let fake: ElevenLabsFake;
beforeAll(async () => {
  fake = await startElevenLabsFake({ apiKey: KEY });
});
afterAll(() => fake.close());

function film(): string {
  const p = makeProject(tmp());
  shot(p, { tool: 'local:animatic', durationS: 3, action: 'Mara slams the door' });
  p.close();
  return p.folder;
}

describe('shotline sfx', () => {
  it('makes a scratch effect with no key, of the cue’s length, and lists it', async () => {
    const dir = film();
    const cwd = tmp();
    const made = await cli(['sfx', dir, '--shot', '1A', '--text', 'a heavy door slams', '--seconds', '1.5', '--at', '0.5', '--wait'], {
      cwd,
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(made.out).toContain('Queued 1 effect of 1 shot, estimated $0.00.');
    const { sfx } = JSON.parse((await cli(['sfx', dir, '--list', '--json'], { cwd })).out) as {
      sfx: Array<{ shot: string; text: string; seconds: number; offsetS: number; audio: string | null; tool: string | null }>;
    };
    expect(sfx).toMatchObject([{ shot: '1A', text: 'a heavy door slams', seconds: 1.5, offsetS: 0.5, tool: 'local:sfx' }]);
    expect(fs.existsSync(sfx[0]!.audio!)).toBe(true);
    const { jobs } = JSON.parse((await cli(['jobs', dir, '--json'], { cwd })).out) as { jobs: Array<{ tool: string; state: string }> };
    expect(jobs.map((j) => [j.tool, j.state])).toEqual([['local:sfx', 'ready']]);
  }, 60_000);

  it('uses ElevenLabs when its key is set, priced per generation; refuses bad input with the fix', async () => {
    const dir = film();
    const cwd = tmp();
    const env = { PATH: process.env.PATH ?? '', ELEVENLABS_API_KEY: KEY, SHOTLINE_ELEVENLABS_BASE_URL: fake.url };
    const made = await cli(['sfx', dir, '--shot', '1a', '--text', 'rain on a tin roof', '--seconds', '4', '--wait'], { cwd, env });
    expect(made.out).toContain('Queued 1 effect of 1 shot, estimated $0.12.');
    expect(fake.requests.filter((r) => r.path.startsWith('/v1/sound-generation')).at(-1)!.body).toMatchObject({ duration_seconds: 4 });
    const { jobs } = JSON.parse((await cli(['jobs', dir, '--json'], { cwd })).out) as { jobs: Array<{ tool: string; state: string }> };
    expect(jobs.map((j) => [j.tool, j.state])).toEqual([['elevenlabs:eleven_text_to_sound_v2', 'ready']]);

    expect((await cli(['sfx', dir, '--shot', '1A', '--text', 'wind', '--seconds', '45'], { cwd })).err).toContain('--seconds takes a number from 0.5 to 30');
    expect((await cli(['sfx', dir, '--shot', '9Z', '--text', 'wind', '--seconds', '2'], { cwd })).err).toContain('No shot is labelled "9Z"');
    const noKey = await cli(['sfx', dir, '--shot', '1A', '--text', 'wind', '--seconds', '2', '--tool', 'elevenlabs:eleven_text_to_sound_v2'], { cwd });
    expect(noKey.err).toContain('No ElevenLabs key is set');
    // Nothing refused was written.
    expect(JSON.parse((await cli(['sfx', dir, '--list', '--json'], { cwd })).out).sfx).toHaveLength(1);
  }, 60_000);
});
