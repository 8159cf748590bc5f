import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWav } from '../../../../test/fakes/elevenlabs/audio';
import { UserError } from '../../errors';
import { AbortError } from '../../media/ffmpeg';
import { useTmpDir } from '../../testing/tmp.testkit';
import { espeakVoiceFor, resolveEspeak, speakLocal } from './voice';

const tmp = useTmpDir();

describe('the local scratch voice (espeak-ng)', () => {
  it('speaks a line to a 48 kHz mono WAV whose length grows with the text', async () => {
    const dir = tmp();
    await speakLocal({ text: 'Coffee?', voiceKey: 'mara:' }, path.join(dir, 'short.wav'));
    const long = await speakLocal(
      { text: 'We close at midnight, and you know that, so drink up and go home to your sister.', voiceKey: 'mara:' },
      path.join(dir, 'long.wav'),
    );
    const a = readWav(fs.readFileSync(path.join(dir, 'short.wav')))!;
    const b = readWav(fs.readFileSync(path.join(dir, 'long.wav')))!;
    expect(a).toMatchObject({ sampleRate: 48_000, channels: 1, bitsPerSample: 16 });
    expect(b.sampleRate).toBe(48_000);
    expect(a.durationS).toBeGreaterThan(0.3);
    expect(b.durationS).toBeGreaterThan(a.durationS * 3);
    expect(long.durationS).toBeCloseTo(b.durationS, 1);
    expect(fs.readdirSync(dir).sort()).toEqual(['long.wav', 'short.wav']);
  });

  it('gives each character its own voice, the same one every time', async () => {
    const mara = espeakVoiceFor('char-mara:');
    expect(espeakVoiceFor('char-mara:')).toEqual(mara);
    expect(espeakVoiceFor('char-jonah:')).not.toEqual(mara);
    expect(espeakVoiceFor('char-mara:2')).not.toEqual(mara);
    const voices = Array.from({ length: 12 }, (_, i) => espeakVoiceFor(`character-${i}:`));
    expect(new Set(voices.map((v) => v.voice)).size).toBeGreaterThanOrEqual(6);
    for (const v of voices) {
      expect(v.voice).toMatch(/^en[\w-]*\+[mf]\d$/);
      expect(v.pitch).toBeGreaterThanOrEqual(30);
      expect(v.pitch).toBeLessThanOrEqual(70);
    }
    // Two characters saying the same words do not make the same sound.
    const dir = tmp();
    await speakLocal({ text: 'Not here.', voiceKey: 'char-mara:' }, path.join(dir, 'a.wav'));
    await speakLocal({ text: 'Not here.', voiceKey: 'char-jonah:' }, path.join(dir, 'b.wav'));
    expect(fs.readFileSync(path.join(dir, 'a.wav')).equals(fs.readFileSync(path.join(dir, 'b.wav')))).toBe(false);
  });

  it('reads a line that starts with a dash as words, not as an option', async () => {
    const dest = path.join(tmp(), 'dash.wav');
    await speakLocal({ text: '-w nothing here', voiceKey: 'x' }, dest);
    expect(readWav(fs.readFileSync(dest))!.durationS).toBeGreaterThan(0.5);
  });

  it('says what to install when espeak-ng is missing', async () => {
    const dest = path.join(tmp(), 'x.wav');
    const env = { ...process.env, SHOTLINE_ESPEAK: '/nonexistent/espeak-ng' };
    const err = await speakLocal({ text: 'Hi', voiceKey: 'x' }, dest, { env }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/needs espeak-ng.*"\/nonexistent\/espeak-ng".*apt-get install espeak-ng.*brew install espeak-ng/);
    expect(() => resolveEspeak({ PATH: '/nonexistent' })).toThrow(/espeak-ng, which is not installed: install espeak-ng \(apt-get install espeak-ng/);
    expect(fs.existsSync(dest)).toBe(false);
  });

  it('stops when canceled and leaves nothing behind; refuses an empty line', async () => {
    const dir = tmp();
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(speakLocal({ text: 'Hi', voiceKey: 'x' }, path.join(dir, 'x.wav'), { signal: ctrl.signal })).rejects.toBeInstanceOf(AbortError);
    await expect(speakLocal({ text: '  ', voiceKey: 'x' }, path.join(dir, 'y.wav'))).rejects.toThrow(/no text/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
