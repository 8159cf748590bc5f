import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ffprobe } from '../../media/ffmpeg';
import { makeLocalSfx } from './sfx';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shotline-sfx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('local scratch effect', () => {
  it.each([0.5, 1.3, 4])('lasts exactly the cue (%s s) at 48 kHz', async (seconds) => {
    const dest = path.join(dir, `fx-${seconds}.wav`);
    await makeLocalSfx({ text: 'a door slams', seconds }, dest);
    const probe = await ffprobe(dest);
    expect(probe.hasAudio).toBe(true);
    expect(probe.durationS).toBeCloseTo(seconds, 3);
    expect(probe.source.audio?.sampleRate).toBe(48_000);
  });

  it('refuses an empty description and leaves no file', async () => {
    const dest = path.join(dir, 'empty.wav');
    await expect(makeLocalSfx({ text: '  ', seconds: 1 }, dest)).rejects.toThrow(/Describe the sound effect/);
    expect(fs.existsSync(dest)).toBe(false);
  });
});
