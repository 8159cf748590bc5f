// `shotline frames`, `takes --json` with kinds, `select` of a frame and `keyframe --start frame`,
// against the local frame renderer and the Runway fake (with a tagged reference).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunwayFake, type RunwayFake } from '../../test/fakes/runway/server';
import { makeProject, shot } from '../core/jobs/jobs.testkit';
import { photoJpeg } from '../core/library/images.testkit';
import { openProject } from '../core/project/project';
import { useTmpDir } from '../core/testing/tmp.testkit';
import { cli } from './cli.testkit';

const tmp = useTmpDir('shotline-frames-cli-');
const KEY = 'rw_cli_frames_key_0123456789';
let fake: RunwayFake;
beforeAll(async () => {
  fake = await startRunwayFake({ apiKey: KEY, runningPolls: 1 });
});
afterAll(() => fake.close());

type Takes = { takes: Array<{ kind: string; number: number; selected: boolean; path: string; tool: string }> };

function project() {
  const p = makeProject(tmp());
  shot(p, { tool: 'runway:gen4_turbo', durationS: 5, action: 'Mara waits under the neon sign' });
  shot(p, { tool: 'local:animatic', durationS: 2, action: 'The diner door swings shut' });
  p.close();
  return p.folder;
}

const takesOf = async (dir: string, label: string) => JSON.parse((await cli(['takes', dir, '--shot', label, '--json'], { cwd: tmp() })).out) as Takes;

describe('shotline frames', () => {
  it('makes local frames of every shot, lists them as kind frame, circles one as the start keyframe', async () => {
    const dir = project();
    const made = await cli(['frames', dir, '--all', '--takes', '2', '--wait'], { cwd: tmp() });
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(made.out).toContain('Queued 4 frames of 2 shots, estimated $0.00.');

    const listed = await takesOf(dir, '1A');
    expect(listed.takes.map((t) => [t.kind, t.number, t.tool, path.extname(t.path)])).toEqual([
      ['frame', 1, 'local:frame', '.png'],
      ['frame', 2, 'local:frame', '.png'],
    ]);
    // The first frame to arrive was circled by itself and became the start keyframe.
    expect(listed.takes.filter((t) => t.selected)).toHaveLength(1);

    const other = listed.takes.find((t) => !t.selected)!;
    const circled = await cli(['select', dir, '--shot', '1A', '--take', String(other.number)], { cwd: tmp() });
    expect(circled.out).toBe(`1A: frame ${other.number} circled; it is the start keyframe now.\n`);
    const p = openProject(dir);
    try {
      const start = p.library.keyframesOf(p.timeline.shots()[0]!.id).find((k) => k.which === 'start');
      expect(start?.source).toBe(`frame ${other.number}`);
    } finally {
      p.close();
    }
    const again = await cli(['keyframe', dir, '--shot', '1A', '--start', 'frame'], { cwd: tmp() });
    expect(again.out).toContain(`1A start: frame ${other.number}`);

    // A video take made now starts from that frame; it is listed after the frames, numbered on.
    expect((await cli(['generate', dir, '--shot', '1B', '--takes', '1', '--wait'], { cwd: tmp() })).code).toBe(0);
    const b = await takesOf(dir, '1B');
    expect(b.takes.map((t) => [t.kind, t.number])).toEqual([
      ['frame', 1],
      ['frame', 2],
      ['video', 3],
    ]);

    const none = await cli(['keyframe', dir, '--shot', '1A', '--end', 'frame'], { cwd: tmp() });
    expect(none.code).toBe(1);
    expect(none.err).toContain('use --start frame');
    const video = await cli(['frames', dir, '--shot', '1A', '--tool', 'runway:gen4_turbo'], { cwd: tmp() });
    expect(video.err).toContain('makes video, not frames');
  }, 120_000);

  it('sends a Runway frame with its tagged reference, and --missing skips shots that have frames', async () => {
    const dir = project();
    const cwd = tmp();
    fs.writeFileSync(path.join(cwd, 'mara.jpg'), await photoJpeg(1280, 720));
    expect((await cli(['library', 'add', dir, '--name', 'Mara', '--tag', 'mara', 'mara.jpg'], { cwd })).code).toBe(0);
    expect((await cli(['refs', 'set', dir, '--shot', '1A', '@mara'], { cwd })).code).toBe(0);
    const env = { RUNWAYML_API_SECRET: KEY, SHOTLINE_RUNWAY_BASE_URL: fake.url, SHOTLINE_POLL_INTERVAL_S: '0.05' };
    const made = await cli(['frames', dir, '--shot', '1A', '--takes', '1', '--tool', 'runway:gen4_image', '--wait'], { cwd: tmp(), env });
    expect(made.err, made.out).toBe('');
    expect(made.out).toContain('Queued 1 frame of 1 shot, estimated $0.05.');
    const [frame] = (await takesOf(dir, '1A')).takes;
    expect(frame).toMatchObject({ kind: 'frame', tool: 'runway:gen4_image', selected: true });
    const sent = fake.requests.filter((r) => r.path === '/v1/text_to_image');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatchObject({
      model: 'gen4_image',
      ratio: '1280:720',
      referenceImages: [{ tag: 'mara', uri: expect.stringMatching(/^data:image\//) }],
    });
    expect(String((sent[0]!.body as { promptText: string }).promptText)).toContain('Mara waits under the neon sign');

    const rest = await cli(['frames', dir, '--missing', '--takes', '1', '--wait'], { cwd: tmp() });
    expect(rest.out).toContain('Queued 1 frame of 1 shot');
    expect((await takesOf(dir, '1B')).takes.map((t) => t.kind)).toEqual(['frame']);
    const done = await cli(['frames', dir, '--missing'], { cwd: tmp() });
    expect(done.err).toContain('Every shot already has a frame');
  }, 120_000);
});
