// Effects on the cut: each cue's playing take placed at its shot's place plus its offset, heard
// there in the rendered mix; a shot's sound mode leaving out its effects or its take's own sound.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { laneSound, takeSoundOff } from '../cut/projectAnimatic';
import { renderMix } from '../cut/mix';
import { makeProject, shot } from '../jobs/jobs.testkit';
import { resolveFfmpeg } from '../media/ffmpeg';
import type { Project } from '../project/project';
import { useTmpDir } from '../testing/tmp.testkit';
import { madeCue } from './cues.testkit';

const tmp = useTmpDir('shotline-cues-');
let project: Project;
beforeEach(() => {
  project = makeProject(tmp());
});
afterEach(() => project.close());

const setMode = (id: string, mode: string) => project.db.prepare('UPDATE shots SET sound_mode = ? WHERE id = ?').run(mode, id);

describe('effects on the cut', () => {
  it('places each effect at its shot’s place plus its offset, at its level, and it is heard there', async () => {
    shot(project, { tool: 'local:animatic', durationS: 2 });
    const second = shot(project, { tool: 'local:animatic', durationS: 3 });
    await madeCue(project, second, { text: 'a glass shatters', seconds: 1, offsetS: 0.5, gainDb: -3 });
    const effects = laneSound(project).filter((e) => e.lane === 'effects');
    expect(effects.map((e) => [e.startS, e.lengthS, e.gainDb])).toEqual([[2.5, 1, -3]]);
    expect(effects[0]!.name).toContain('a glass shatters');

    const dest = path.join(tmp(), 'fx.wav');
    await renderMix(effects, 5, dest, { duckDb: 10 });
    const { stderr } = await promisify(execFile)(await resolveFfmpeg(), [
      '-hide_banner',
      '-nostats',
      '-i',
      dest,
      '-af',
      'silencedetect=noise=-40dB:d=0.1',
      '-f',
      'null',
      '-',
    ]);
    const start = Number(/silence_end: ([\d.]+)/.exec(stderr)![1]);
    // The scratch effect fades in over 50 ms; heard within a frame and a half of its place.
    expect(Math.abs(start - 2.5)).toBeLessThan(1.5 / 24);
  }, 60_000);

  it('leaves out the effects of a shot that plays its take’s sound only, and the take sound of one that plays dialogue only', async () => {
    const a = shot(project, { tool: 'local:animatic', durationS: 2 });
    const b = shot(project, { tool: 'local:animatic', durationS: 2 });
    await madeCue(project, a, { text: 'thunder', seconds: 1.5 });
    await madeCue(project, b, { text: 'door', seconds: 0.5, offsetS: 1 });
    expect(
      laneSound(project)
        .filter((e) => e.lane === 'effects')
        .map((e) => e.startS),
    ).toEqual([0, 3]);
    setMode(a.id, 'take');
    setMode(b.id, 'dialogue');
    expect(
      laneSound(project)
        .filter((e) => e.lane === 'effects')
        .map((e) => e.startS),
    ).toEqual([3]);
    expect([...takeSoundOff(project.timeline.shots())]).toEqual([b.id]);
  }, 60_000);
});
