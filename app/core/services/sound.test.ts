// The waveform channel as the lanes call it: a project media path in, peaks out; a path that
// leads outside the project's media is refused.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveFfmpeg } from '../media/ffmpeg';
import { testCore } from '../testing/core.testkit';
import { useTmpDir } from '../testing/tmp.testkit';

const tmp = useTmpDir('shotline-sound-ch-');
let t: ReturnType<typeof testCore>;
afterEach(() => t?.close());

describe('sound.waveform', () => {
  it('draws a music bed, and refuses paths outside the project media', async () => {
    t = testCore(tmp());
    await t.call('project.create', { parentDir: tmp(), title: 'Waves' });
    const wav = path.join(tmp(), 'bed.wav');
    execFileSync(await resolveFfmpeg(), ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=220:duration=2', '-y', wav]);
    const { added } = await t.call('music.add', { files: [{ name: 'bed.wav', bytes: fs.readFileSync(wav).toString('base64') }] });

    const w = await t.call('sound.waveform', { relPath: added[0]!.relPath, perSecond: 25 });
    expect(w.perSecond).toBe(25);
    expect(w.durationS).toBeCloseTo(2, 1);
    expect(w.peaks.length).toBe(50);
    expect(Math.min(...w.peaks.slice(2, 48))).toBeGreaterThan(0.05);

    await expect(t.call('sound.waveform', { relPath: 'media/../../etc/hostname' })).rejects.toThrow(/will not read it/);
  });
});
