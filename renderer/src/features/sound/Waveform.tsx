// A stretch of a sound file's waveform, filling its box. Nothing while the peaks load; a flat
// line and "no sound" for a silent file (a take made without sound).
import { useMemo } from 'react';
import { peaksBetween, wavePath } from './wave';
import { useWaveform } from './soundApi';

/** Columns drawn at most: more than a lane is wide on any screen. */
const MAX_POINTS = 800;

export function Waveform({ relPath, fromS, toS, gain = 1, label }: { relPath: string; fromS: number; toS: number; gain?: number; label: string }) {
  const wave = useWaveform(relPath);
  const points = useMemo(() => (wave.data ? peaksBetween(wave.data.peaks, wave.data.perSecond, fromS, toS, MAX_POINTS) : null), [wave.data, fromS, toS]);
  if (!points) return null;
  if (points.length === 0) return <span className="wave-silent">no sound</span>;
  return (
    <svg className="wave" viewBox="0 0 1 1" preserveAspectRatio="none" role="img" aria-label={`Waveform of ${label}`} data-points={points.length}>
      <path d={wavePath(points, gain)} />
    </svg>
  );
}
