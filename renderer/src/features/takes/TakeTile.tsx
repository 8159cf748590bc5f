// One take in the browser's grid: its poster, hover scrub (the pointer's x is the time, on a
// muted video loaded only once hovered), number, circle ring, length, rating and badges.
import { useRef, useState, type PointerEvent } from 'react';
import type { TakeInfo } from '../../../../shared/domain/takes';
import { useMediaUrl } from '../../api/takes';
import { formatSeconds } from '../../lib/format';
import { QcBadge } from './QcList';
import { ratingMean } from './RatingControl';

interface Props {
  take: TakeInfo;
  active: boolean;
  onActivate: () => void;
}

export function takeOptionId(id: string): string {
  return `take-option-${id}`;
}

export function TakeTile({ take, active, onActivate }: Props) {
  const mediaUrl = useMediaUrl();
  const video = useRef<HTMLVideoElement>(null);
  const [hovered, setHovered] = useState(false);
  const [scrub, setScrub] = useState<number | null>(null);
  const mean = ratingMean(take.rating);

  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    const v = video.current;
    const box = e.currentTarget.getBoundingClientRect();
    const k = Math.min(1, Math.max(0, (e.clientX - box.left) / box.width));
    setScrub(k);
    const d = v?.duration || take.durationS || 0;
    if (v && d && v.readyState >= 1) v.currentTime = Math.min(d - 0.01, k * d);
  };

  const states = [
    take.selected && 'circled',
    take.rejected && 'rejected',
    take.continuityStale && 'from an older frame',
    take.qcFailed && `${take.qcFailed} check${take.qcFailed > 1 ? 's' : ''} failed`,
  ].filter(Boolean);
  return (
    <div
      id={takeOptionId(take.id)}
      role="option"
      aria-selected={active}
      aria-label={`Take ${take.number}${states.length ? `, ${states.join(', ')}` : ''}`}
      data-testid={`take-${take.number}`}
      className={`take-tile${take.selected ? ' is-circled' : ''}${take.rejected ? ' is-rejected' : ''}`}
      onClick={onActivate}
    >
      <div
        className="take-frame"
        onPointerEnter={() => setHovered(true)}
        onPointerMove={onMove}
        onPointerLeave={() => {
          setScrub(null);
          if (video.current) video.current.currentTime = 0;
        }}
      >
        {take.thumbRelPath && <img src={mediaUrl(take.thumbRelPath) ?? undefined} alt="" draggable={false} />}
        {hovered && (
          <video ref={video} src={mediaUrl(take.relPath) ?? undefined} muted preload="auto" playsInline className={scrub === null ? 'is-idle' : ''} />
        )}
        {scrub !== null && <span className="take-scrub" style={{ left: `${scrub * 100}%` }} />}
        <span className="take-number">{take.number}</span>
        <span className="take-badges">
          {take.fromTakeId && <span className="take-flag">Final</span>}
          {take.continuityStale && (
            <span
              className="take-flag is-warning"
              title="From an older frame: the shot's start keyframe changed after this take was made (another storyboard frame circled, or frame chaining). Regenerate it to animate the current one."
            >
              Older frame
            </span>
          )}
          <QcBadge failed={take.qcFailed} qc={take.qc} />
        </span>
      </div>
      <div className="take-meta">
        <span className="tabular">{take.durationS ? formatSeconds(take.durationS) : '—'}</span>
        <span className="take-provider" data-provider={take.provider}>
          {take.model}
        </span>
        {mean !== null && (
          <span className="take-mean" title="Mean rating">
            ★ {mean}
          </span>
        )}
      </div>
    </div>
  );
}
