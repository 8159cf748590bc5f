// Audio the ElevenLabs fake answers with: a quiet tone of the asked length in the container the
// `output_format` names. WAV and raw PCM are written here byte by byte; MP3, Opus and the G.711
// formats come from ffmpeg (made once per format and length, then cached).
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  dataBytes: number;
  durationS: number;
}

/** 16-bit mono samples of a 220 Hz tone at a fifth of full scale. */
export function toneSamples(seconds: number, sampleRate: number): Buffer {
  const n = Math.max(1, Math.round(seconds * sampleRate));
  const out = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++) out.writeInt16LE(Math.round(0.2 * 32767 * Math.sin((2 * Math.PI * 220 * i) / sampleRate)), i * 2);
  return out;
}

/** A canonical 44-byte-header PCM WAV around 16-bit mono samples. */
export function wavFile(samples: Buffer, sampleRate: number): Buffer {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(36 + samples.length, 4);
  h.write('WAVE', 8, 'latin1');
  h.write('fmt ', 12, 'latin1');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(sampleRate, 24);
  h.writeUInt32LE(sampleRate * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'latin1');
  h.writeUInt32LE(samples.length, 40);
  return Buffer.concat([h, samples]);
}

/** Reads a WAV's format and length by walking its chunks (ffmpeg may put LIST before data). */
export function readWav(bytes: Buffer): WavInfo | null {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WAVE') return null;
  let fmt: Omit<WavInfo, 'dataBytes' | 'durationS'> | null = null;
  for (let at = 12; at + 8 <= bytes.length;) {
    const id = bytes.toString('latin1', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    if (id === 'fmt ') {
      fmt = { channels: bytes.readUInt16LE(at + 10), sampleRate: bytes.readUInt32LE(at + 12), bitsPerSample: bytes.readUInt16LE(at + 22) };
    } else if (id === 'data' && fmt) {
      // A streamed WAV may say 0 or 0xffffffff: the data then runs to the end of the file.
      const dataBytes = size === 0 || at + 8 + size > bytes.length ? bytes.length - at - 8 : size;
      return { ...fmt, dataBytes, durationS: dataBytes / (fmt.sampleRate * fmt.channels * (fmt.bitsPerSample / 8)) };
    }
    at += 8 + size + (size % 2);
  }
  return null;
}

export const CONTENT_TYPES: Record<string, string> = {
  mp3: 'audio/mpeg',
  opus: 'audio/opus',
  wav: 'audio/wav',
  pcm: 'audio/pcm',
  ulaw: 'audio/basic',
  alaw: 'audio/alaw',
};

const cache = new Map<string, Promise<Buffer>>();

/**
 * `seconds` of tone as `format` (`mp3_44100_128`, `wav_48000`, `pcm_24000`, `opus_48000_64`,
 * `ulaw_8000`…); the caller has checked the format is one the API lists.
 */
export function encodeAudio(format: string, seconds: number): Promise<Buffer> {
  const [codec = '', rate = '44100', kbps = '128'] = format.split('_');
  const sampleRate = Number(rate);
  const s = Math.round(seconds * 100) / 100;
  if (codec === 'wav') return Promise.resolve(wavFile(toneSamples(s, sampleRate), sampleRate));
  if (codec === 'pcm') return Promise.resolve(toneSamples(s, sampleRate));
  const key = `${format}:${s}`;
  let hit = cache.get(key);
  if (!hit) {
    const args: Record<string, string[]> = {
      mp3: ['-c:a', 'libmp3lame', '-b:a', `${kbps}k`, '-f', 'mp3'],
      opus: ['-c:a', 'libopus', '-b:a', `${kbps}k`, '-f', 'ogg'],
      ulaw: ['-c:a', 'pcm_mulaw', '-f', 'mulaw'],
      alaw: ['-c:a', 'pcm_alaw', '-f', 'alaw'],
    };
    hit = ffmpeg([
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=220:sample_rate=${sampleRate}:duration=${s}`,
      '-ac',
      '1',
      '-ar',
      String(sampleRate),
      ...(args[codec] ?? []),
    ]);
    cache.set(key, hit);
  }
  return hit;
}

function ffmpeg(args: string[]): Promise<Buffer> {
  const bin = fs.existsSync('/usr/bin/ffmpeg') ? '/usr/bin/ffmpeg' : 'ffmpeg';
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['-v', 'error', '-nostdin', ...args, '-bitexact', 'pipe:1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`ffmpeg: ${Buffer.concat(err).toString()}`))));
  });
}
