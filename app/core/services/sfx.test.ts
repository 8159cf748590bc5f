// The effect channels as the renderer calls them: cues added, edited and removed as undoable
// steps, made by a job each; a tool without its key refused before anything is queued.
import { afterEach, describe, expect, it } from 'vitest';
import type { EventMap } from '../../../shared/contract';
import { testCore } from '../testing/core.testkit';
import { useTmpDir } from '../testing/tmp.testkit';
import { cuesByShot } from '../sound/cues';

const tmp = useTmpDir('shotline-sfx-ch-');
let t: ReturnType<typeof testCore>;
afterEach(async () => {
  await t.core.session.drain();
  t.close();
});

function batchFinished(batchId: string): Promise<EventMap['jobs.batchFinished']> {
  return new Promise((resolve) => {
    const off = t.core.on((event, payload) => {
      if (event === 'jobs.batchFinished' && (payload as EventMap['jobs.batchFinished']).batchId === batchId) {
        off();
        resolve(payload as EventMap['jobs.batchFinished']);
      }
    });
  });
}

describe('sfx channels', () => {
  it('adds, edits and removes cues as undoable steps', async () => {
    t = testCore(tmp());
    await t.call('project.create', { parentDir: tmp(), title: 'Effects' });
    const scene = (await t.call('project.snapshot', {})).scenes[0]!;
    const shot = await t.call('shot.add', { sceneId: scene.id });
    const door = await t.call('sfx.add', { shotId: shot.id, text: 'door slams', seconds: 1.5 });
    expect(door).toMatchObject({ shotId: shot.id, text: 'door slams', seconds: 1.5, offsetS: 0, gainDb: 0, take: null, takes: [] });
    const rain = await t.call('sfx.add', { shotId: shot.id, text: 'rain', seconds: 4, offsetS: 0.5, gainDb: -6 });
    const cues = () => cuesByShot(t.core.session.current!.project).get(shot.id) ?? [];
    expect(cues().map((c) => c.text)).toEqual(['door slams', 'rain']);

    expect(await t.call('sfx.update', { id: rain.id, patch: { offsetS: 2, text: 'heavy rain' } })).toMatchObject({
      offsetS: 2,
      text: 'heavy rain',
      gainDb: -6,
    });
    await t.call('history.undo', {});
    expect(cues()[1]).toMatchObject({ offsetS: 0.5, text: 'rain' });

    await t.call('sfx.remove', { id: door.id });
    expect(cues().map((c) => c.id)).toEqual([rain.id]);
    await t.call('history.undo', {});
    expect(cues().map((c) => c.id)).toEqual([door.id, rain.id]);
    await expect(t.call('sfx.update', { id: 'no-such-cue', patch: { seconds: 2 } })).rejects.toThrow(/no longer there/);
  });

  it('makes every cue of a shot with the local scratch effect; ElevenLabs without a key is refused up front', async () => {
    t = testCore(tmp());
    await t.call('project.create', { parentDir: tmp(), title: 'Effects' });
    const scene = (await t.call('project.snapshot', {})).scenes[0]!;
    const shot = await t.call('shot.add', { sceneId: scene.id });
    await t.call('sfx.add', { shotId: shot.id, text: 'door slams', seconds: 1.5 });
    await t.call('sfx.add', { shotId: shot.id, text: 'glass breaks', seconds: 0.8 });

    await expect(t.call('sfx.generate', { shotIds: [shot.id], tool: 'elevenlabs:eleven_text_to_sound_v2' })).rejects.toThrow(/No ElevenLabs key.*local:sfx/);
    expect(await t.call('jobs.list', {})).toEqual([]);

    const result = await t.call('sfx.generate', { shotIds: [shot.id], tool: 'local:sfx' });
    expect(result).toMatchObject({ shots: 1, skipped: [] });
    expect(await batchFinished(result.batchId!)).toMatchObject({ kind: 'sfx', ready: 2, failed: 0 });
    const jobs = await t.call('jobs.list', {});
    expect(jobs.map((j) => [j.state, j.tool])).toEqual([
      ['ready', 'local:sfx'],
      ['ready', 'local:sfx'],
    ]);
    const made = cuesByShot(t.core.session.current!.project).get(shot.id)!;
    expect(made.map((c) => c.take?.durationS)).toEqual([1.5, 0.8]);
  });
});
