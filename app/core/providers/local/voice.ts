// The keyless scratch voice (catalog `local:voice`): espeak-ng on this computer speaks a line,
// ffmpeg lifts its 22 kHz output to the 48 kHz the cut and the Resolve export use. Robotic, free
// and offline: enough to time the cut before any money is spent. Each character sounds different:
// accent, voice variant, pitch and pace all follow from a hash of the voice key, so the same
// character always gets the same voice and two characters are told apart.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../errors';
import { AbortError, ffprobe, findOnPath, isExecutable, runFfmpeg, yieldCores } from '../../media/ffmpeg';

type Env = Record<string, string | undefined>;

const INSTALL_HINT = 'install espeak-ng (apt-get install espeak-ng on Debian or Ubuntu, brew install espeak-ng on macOS), or set SHOTLINE_ESPEAK to its path';

/** English accents every espeak-ng install has (espeak-ng --voices=en). */
const ACCENTS = ['en-us', 'en-gb', 'en-gb-scotland', 'en-gb-x-rp', 'en-029', 'en-gb-x-gbcwmd'] as const;
/** Voice variants shipped with espeak-ng (espeak-ng-data/voices/!v): men's and women's timbres. */
const VARIANTS = ['m1', 'm2', 'm3', 'm4', 'm7', 'f1', 'f2', 'f3', 'f4', 'f5'] as const;

export const LOCAL_VOICE_SAMPLE_RATE = 48_000;

export interface EspeakVoice {
  /** `-v`: accent plus variant, e.g. `en-gb-scotland+f3`. */
  voice: string;
  /** `-p`, 0–99 (espeak's default is 50). */
  pitch: number;
  /** `-s`, words per minute (espeak's default is 175). */
  speed: number;
}

/**
 * The espeak settings for a voice key: the character (its id or tag) and the variant of
 * `local:<variant>`, joined by the caller, e.g. `char-12:` or `char-12:2`. Same key, same voice.
 */
export function espeakVoiceFor(key: string): EspeakVoice {
  const h = fnv1a(key);
  const accent = ACCENTS[h % ACCENTS.length]!;
  const variant = VARIANTS[Math.floor(h / ACCENTS.length) % VARIANTS.length]!;
  return { voice: `${accent}+${variant}`, pitch: 30 + ((h >>> 16) % 41), speed: 150 + ((h >>> 24) % 31) };
}

/** The espeak-ng to run: SHOTLINE_ESPEAK when set, else `espeak-ng` on PATH; a UserError naming the fix otherwise. */
export function resolveEspeak(env: Env = process.env): string {
  const set = env.SHOTLINE_ESPEAK?.trim();
  if (set) {
    if (!isExecutable(set))
      throw new UserError(`The local voice needs espeak-ng, but SHOTLINE_ESPEAK points at "${set}", which is not a program: ${INSTALL_HINT}.`);
    return set;
  }
  const found = findOnPath('espeak-ng', env);
  if (!found) throw new UserError(`The local voice needs espeak-ng, which is not installed: ${INSTALL_HINT}.`);
  return found;
}

export interface LocalVoiceRequest {
  text: string;
  /** See `espeakVoiceFor`. */
  voiceKey: string;
}

/**
 * Speaks `text` into `dest` as a 48 kHz mono 16-bit WAV; written whole or not at all. Rejects
 * with AbortError once `signal` fires, and with a UserError when espeak-ng is missing.
 */
export async function speakLocal(
  req: LocalVoiceRequest,
  dest: string,
  opts: { signal?: AbortSignal; env?: Env } = {},
): Promise<{ durationS: number; voice: EspeakVoice }> {
  const text = req.text.trim();
  if (!text) throw new UserError('This line has no text to speak.');
  const bin = resolveEspeak(opts.env);
  const voice = espeakVoiceFor(req.voiceKey);
  const raw = `${dest}.${randomUUID()}.espeak.wav`;
  const part = `${dest}.${randomUUID()}.part${path.extname(dest) || '.wav'}`;
  try {
    // Text on stdin, never as an argument: a line starting with "-" must not read as an option.
    await espeak(bin, ['-v', voice.voice, '-p', String(voice.pitch), '-s', String(voice.speed), '-b', '1', '-w', raw, '--stdin'], text, opts.signal);
    await runFfmpeg(
      ['-i', raw, '-ar', String(LOCAL_VOICE_SAMPLE_RATE), '-ac', '1', '-c:a', 'pcm_s16le', '-map_metadata', '-1', '-fflags', '+bitexact', '-y', part],
      {
        signal: opts.signal,
        env: opts.env,
      },
    );
    fs.renameSync(part, dest);
  } finally {
    fs.rmSync(raw, { force: true });
    fs.rmSync(part, { force: true });
  }
  return { durationS: (await ffprobe(dest)).durationS, voice };
}

function espeak(bin: string, args: string[], text: string, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(new AbortError());
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['pipe', 'ignore', 'pipe'], windowsHide: true });
    yieldCores(child.pid);
    let err = '';
    let aborted = false;
    const onAbort = () => {
      aborted = true;
      child.kill('SIGKILL');
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stderr.on('data', (c: Buffer) => (err = (err + c.toString('utf8')).slice(-2000)));
    child.on('error', (e) => {
      signal?.removeEventListener('abort', onAbort);
      reject(new UserError(`espeak-ng could not be started (${e.message}): ${INSTALL_HINT}.`));
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (aborted) return reject(new AbortError());
      if (code === 0) return resolve();
      reject(new Error(`espeak-ng failed (exit ${code}): ${err.trim() || 'no message'}`));
    });
    // A child that died at once closes stdin under us; its exit code says why.
    child.stdin.on('error', () => undefined);
    child.stdin.end(text, 'utf8');
  });
}

/** 32-bit FNV-1a: small, stable across platforms and versions, good enough to spread voices. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(s, 'utf8')) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
