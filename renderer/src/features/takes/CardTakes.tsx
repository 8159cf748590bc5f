// On a shot card: a strip of its takes' thumbnails (the circled one ringed, stale ones marked)
// over the frame's corner, and a badge where the playing take's length differs from the slot.
// Both are given the card's data (see timeline/cardData.ts), so a card adds no query of its own.
import { memo } from 'react';
import type { PlaybackClip, PlaybackCut } from '../../../../shared/domain/playback';
import type { ShotTakes, TakeChip } from '../../../../shared/domain/takes';
import { FitBadge } from './FitBadge';

const CHIP_W = 22;

interface Props {
  strip: ShotTakes | undefined;
  mediaUrl: (relPath: string | null | undefined) => string | null;
  /** The card's inner width, and the frame's height and ratio, as the card lays out its thumbnail. */
  inner: number;
  thumbHeight: number;
  ratio: number;
  /** The action text sits beside the frame (the frame is left-aligned, not centred). */
  beside: boolean;
}

export const CardTakes = memo(function CardTakes({ strip, mediaUrl, inner, thumbHeight, ratio, beside }: Props) {
  const takes = (strip?.takes ?? []).filter((t) => !t.rejected);
  if (!takes.length) return null;
  // Pinned to the frame's bottom-right corner (the frame is sized as Thumbnail sizes it).
  const w = Math.min(thumbHeight * ratio, inner);
  const h = w / ratio;
  const right = beside ? inner - w : (inner - w) / 2;
  const room = Math.max(1, Math.floor((w - 30) / (CHIP_W + 2)));
  const selected = takes.find((t) => t.selected);
  // The circled take always shows, whatever the room.
  let shown = takes.slice(-room);
  if (selected && !shown.includes(selected)) shown = [selected, ...shown.slice(1)];
  const more = takes.length - shown.length;
  const label = `${takes.length} take${takes.length > 1 ? 's' : ''}${selected ? `, take ${selected.number} circled` : ''}`;
  return (
    <div
      className="card-takes"
      aria-label={label}
      title={label}
      role="img"
      style={{ right: Math.floor(right) + 3, bottom: Math.floor((thumbHeight - h) / 2) + 3 }}
    >
      {more > 0 && <span className="card-takes-more">+{more}</span>}
      {shown.map((t) => (
        <Chip key={t.id} take={t} src={mediaUrl(t.thumbRelPath)} />
      ))}
    </div>
  );
});

function Chip({ take, src }: { take: TakeChip; src: string | null }) {
  return (
    <span className={`card-take${take.selected ? ' is-circled' : ''}${take.continuityStale ? ' is-stale' : ''}${take.qcFailed ? ' has-qc' : ''}`}>
      {src ? <img src={src} alt="" draggable={false} /> : <span className="card-take-n">{take.number}</span>}
    </span>
  );
}

const clipIndex = new WeakMap<PlaybackCut, Map<string, PlaybackClip>>();

/** The clip of a shot in the cut, by a lookup built once per cut. */
export function clipOf(cut: PlaybackCut | undefined, shotId: string): PlaybackClip | undefined {
  if (!cut) return undefined;
  let map = clipIndex.get(cut);
  if (!map) clipIndex.set(cut, (map = new Map(cut.clips.map((c) => [c.shotId, c]))));
  return map.get(shotId);
}

/** The card's length mismatch badge, from the cut as it plays. */
export function CardFit({ clip }: { clip: PlaybackClip | undefined }) {
  if (!clip || !clip.takeId) return null;
  return <FitBadge clip={clip} compact />;
}
