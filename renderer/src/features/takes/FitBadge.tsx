// Where a take is longer or shorter than its shot's slot: by how much, and how it is fitted
// (trimmed, holding its last frame, the plan retimed), or a warning while nobody has chosen.
import type { FitMode } from '../../../../shared/domain/takes';
import { TIMELINE_FPS } from '../../../../shared/domain/timecode';
import { formatSeconds } from '../../lib/format';

export const FIT_LABELS: Record<FitMode, string> = { trim: 'Trimmed', hold: 'Holds last frame', 'retime-plan': 'Plan follows take' };

export interface FitInfo {
  mismatchFrames: number;
  takeFrames: number | null;
  plannedFrames: number;
  fit: FitMode | null;
}

export function fitSummary(c: FitInfo): { text: string; title: string; undecided: boolean } {
  const take = formatSeconds((c.takeFrames ?? 0) / TIMELINE_FPS);
  const slot = formatSeconds(c.plannedFrames / TIMELINE_FPS);
  const delta = formatSeconds(Math.abs(c.mismatchFrames) / TIMELINE_FPS);
  const sign = c.mismatchFrames > 0 ? '+' : '−';
  const undecided = c.fit === null;
  return {
    text: undecided ? `${sign}${delta}` : `${sign}${delta} · ${FIT_LABELS[c.fit!]}`,
    title: `The take runs ${take}; the shot's slot is ${slot}. ${undecided ? (c.mismatchFrames > 0 ? 'It plays trimmed from its first frame until you choose: trim, hold or change the plan (in the inspector).' : 'It holds its last frame until you choose (in the inspector).') : `${FIT_LABELS[c.fit!]}.`}`,
    undecided,
  };
}

export function FitBadge({ clip, compact = false }: { clip: FitInfo; compact?: boolean }) {
  if (clip.mismatchFrames === 0 || clip.takeFrames === null) return null;
  const s = fitSummary(clip);
  return (
    <span className={`fit-badge${s.undecided ? ' is-undecided' : ''}`} title={s.title} aria-label={s.title} data-testid="fit-badge">
      <svg width="12" height="12" viewBox="0 0 12 12" fill="none" stroke="currentColor" strokeWidth="1.3" aria-hidden="true">
        <path d="M1 6h10M3.5 3.5 1 6l2.5 2.5M8.5 3.5 11 6 8.5 8.5" />
      </svg>
      {compact ? s.text.split(' · ')[0] : s.text}
    </span>
  );
}
