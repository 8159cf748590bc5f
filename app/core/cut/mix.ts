// The cut's sound as one stereo track: every piece of sound (a take's own audio, a spoken line,
// an effect, a music bed) placed at its time with its trim, level and fades; the music ducked
// under dialogue; the whole normalised to -16 LUFS integrated with true peaks under -1 dBTP in
// two passes, at 48 kHz: ffmpeg's loudnorm measures, then one linear gain brings it to the target
// and a limiter run at 4× the rate catches the true peaks. (loudnorm's own second pass turns
// dynamic when the loudness range is wide, as it is with ducked music under speech, and then
// misses the target on a short cut.)
import { duckExpression, type Interval } from '../../../shared/domain/sound';
import { runFfmpeg } from '../media/ffmpeg';

export const MIX_LANES = ['take', 'dialogue', 'effects', 'music'] as const;
export type MixLane = (typeof MIX_LANES)[number];

export interface SoundEvent {
  file: string;
  lane: MixLane;
  /** Where it starts on the timeline, in seconds from the cut's first frame. */
  startS: number;
  /** Where in the file it starts. */
  inS: number;
  lengthS: number;
  gainDb: number;
  fadeInS: number;
  fadeOutS: number;
}

export const LOUDNESS_TARGET = { integratedLufs: -16, truePeakDb: -1.5, lra: 11 } as const;
export const MIX_RATE = 48_000;

const n = (x: number) => String(Math.round(x * 1e6) / 1e6);

/** What plays of a piece of sound: its trim, as stereo 48 kHz, at its level, with its fades (the mix and Audio/ files alike). */
export function shapeFilters(e: Pick<SoundEvent, 'inS' | 'lengthS' | 'gainDb' | 'fadeInS' | 'fadeOutS'>): string[] {
  return [
    `atrim=start=${n(e.inS)}:duration=${n(e.lengthS)}`,
    'asetpts=PTS-STARTPTS',
    `aformat=sample_rates=${MIX_RATE}:channel_layouts=stereo`,
    ...(e.gainDb !== 0 ? [`volume=${n(e.gainDb)}dB`] : []),
    ...(e.fadeInS > 0 ? [`afade=t=in:st=0:d=${n(e.fadeInS)}`] : []),
    ...(e.fadeOutS > 0 ? [`afade=t=out:st=${n(Math.max(0, e.lengthS - e.fadeOutS))}:d=${n(e.fadeOutS)}`] : []),
  ];
}

/** One event's chain in the mix: shaped, then delayed to its start. */
function eventChain(e: SoundEvent, input: number, label: string): string {
  return `[${input}:a]${[...shapeFilters(e), `adelay=delays=${Math.round(e.startS * 1000)}:all=1`].join(',')}[${label}]`;
}

/**
 * The ffmpeg inputs and filter graph of the mix, ending in the label `[mix]`. Input 0 is silence
 * of the cut's length, so the mix is exactly as long as the picture whatever is placed.
 */
export function mixGraph(events: readonly SoundEvent[], totalS: number, duckDb: number): { args: string[]; graph: string } {
  const args = ['-f', 'lavfi', '-t', n(totalS), '-i', `anullsrc=r=${MIX_RATE}:cl=stereo`];
  const chains: string[] = [];
  const direct: string[] = [];
  const music: string[] = [];
  events.forEach((e, i) => {
    args.push('-i', e.file);
    const label = `e${i}`;
    chains.push(eventChain(e, i + 1, label));
    (e.lane === 'music' ? music : direct).push(`[${label}]`);
  });
  if (music.length > 0) {
    const speech: Interval[] = events.filter((e) => e.lane === 'dialogue').map((e) => ({ startS: e.startS, endS: e.startS + e.lengthS }));
    const summed = music.length > 1 ? `${music.join('')}amix=inputs=${music.length}:normalize=0:duration=longest,` : `${music[0]}`;
    const duck = `volume=eval=frame:volume='${duckExpression(speech, duckDb)}'`;
    chains.push(`${summed}${duck}[music]`);
    direct.push('[music]');
  }
  const all = ['[0:a]', ...direct];
  chains.push(`${all.join('')}amix=inputs=${all.length}:normalize=0:duration=first,atrim=duration=${n(totalS)}[mix]`);
  return { args, graph: chains.join(';') };
}

interface Measured {
  input_i: string;
  input_tp: string;
}

/** loudnorm's first pass prints its measurements as JSON at the end of stderr. */
export function parseLoudnorm(stderr: string): Measured {
  const start = stderr.lastIndexOf('{');
  const end = stderr.lastIndexOf('}');
  if (start < 0 || end < start) throw new Error('loudnorm printed no measurements');
  const json = JSON.parse(stderr.slice(start, end + 1)) as Partial<Measured>;
  if (!json.input_i || !json.input_tp) throw new Error('loudnorm measurements are incomplete');
  return json as Measured;
}

const { integratedLufs: I, truePeakDb: TP, lra: LRA } = LOUDNESS_TARGET;

/**
 * Writes the mix as a 48 kHz stereo WAV at `dest`. A cut with no sound at all gets nothing:
 * returns false and writes no file.
 */
export async function renderMix(
  events: readonly SoundEvent[],
  totalS: number,
  dest: string,
  opts: { duckDb: number; signal?: AbortSignal; onProgress?: (fraction: number) => void },
): Promise<boolean> {
  if (events.length === 0) return false;
  const { args, graph } = mixGraph(events, totalS, opts.duckDb);
  const half = (offset: number) => (f: number) => opts.onProgress?.(offset + f / 2);
  let printed = '';
  await runFfmpeg(
    [...args, '-filter_complex', `${graph};[mix]loudnorm=I=${I}:TP=${TP}:LRA=${LRA}:print_format=json[out]`, '-map', '[out]', '-f', 'null', '-'],
    {
      signal: opts.signal,
      durationS: totalS,
      onProgress: half(0),
      // The measurements are printed at the info level, after the last frame.
      logLevel: 'info',
      onStderr: (text) => (printed += text),
    },
  );
  const m = parseLoudnorm(printed);
  // A silent mix (nothing but silence placed) cannot be normalised: loudnorm measures -inf.
  const measured = Number(m.input_i);
  const gainDb = Number.isFinite(measured) && measured > -70 ? I - measured : 0;
  const ceiling = n(10 ** (TP / 20));
  const norm = `volume=${n(gainDb)}dB,aresample=${MIX_RATE * 4},alimiter=limit=${ceiling}:attack=1:release=50:level=false`;
  await runFfmpeg(
    [
      ...args,
      '-filter_complex',
      `${graph};[mix]${norm},aresample=${MIX_RATE},aformat=channel_layouts=stereo[out]`,
      '-map',
      '[out]',
      '-c:a',
      'pcm_s24le',
      '-ar',
      String(MIX_RATE),
      '-y',
      dest,
    ],
    { signal: opts.signal, durationS: totalS, onProgress: half(0.5) },
  );
  return true;
}
