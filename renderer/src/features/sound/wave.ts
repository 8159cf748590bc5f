// Drawing a waveform: the peaks of a stretch of a file as one filled SVG shape, mirrored about
// the middle, in a 0–1 box (x: share of the stretch, y: share of the height). Long stretches are
// thinned to at most `maxPoints` columns, each keeping the loudest peak it covers. Heights are in
// decibels over the bottom WAVE_RANGE_DB, as editors draw them: a bed mixed at −18 dBFS is still
// plainly there, and a gain change moves it visibly.

/** Quieter than this many dB below full scale draws as silence. */
export const WAVE_RANGE_DB = 48;

/** Height (0–1) of a peak (0–1 of full scale) after `gain`. */
export function waveHeight(peak: number, gain = 1): number {
  const v = peak * gain;
  if (v <= 0) return 0;
  return Math.min(1, Math.max(0, (20 * Math.log10(v) + WAVE_RANGE_DB) / WAVE_RANGE_DB));
}

/** The peaks of seconds `fromS`–`toS`, at most `maxPoints` of them (each the loudest of those it stands for). */
export function peaksBetween(peaks: readonly number[], perSecond: number, fromS: number, toS: number, maxPoints: number): number[] {
  const a = Math.max(0, Math.floor(fromS * perSecond));
  const b = Math.min(peaks.length, Math.ceil(toS * perSecond));
  if (b <= a) return [];
  const span = peaks.slice(a, b);
  const step = Math.max(1, Math.ceil(span.length / Math.max(1, maxPoints)));
  if (step === 1) return span;
  const out: number[] = [];
  for (let i = 0; i < span.length; i += step) out.push(Math.max(...span.slice(i, i + step)));
  return out;
}

/** An SVG path in a 1×1 box: the top edge left to right, the bottom edge back; `gain` scales it (clipped at full height). */
export function wavePath(points: readonly number[], gain = 1): string {
  const n = points.length;
  if (n === 0) return '';
  const h = (p: number) => waveHeight(p, gain) / 2;
  const x = (i: number) => ((i + 0.5) / n).toFixed(4);
  const top = points.map((p, i) => `L${x(i)} ${(0.5 - h(p)).toFixed(3)}`);
  const bottom = points.map((p, i) => `L${x(i)} ${(0.5 + h(p)).toFixed(3)}`).reverse();
  return `M0 0.5${top.join('')}L1 0.5${bottom.join('')}Z`;
}
