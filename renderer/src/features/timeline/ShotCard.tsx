// One shot on the timeline: label, frame, tool, duration, cost, status and problems. The card
// is an `option` of the timeline listbox; keyboard focus stays on the listbox
// (aria-activedescendant), so virtualized cards can come and go without losing it.
import { useDraggable } from '@dnd-kit/core';
import { memo, useMemo, type MouseEvent } from 'react';
import type { Shot } from '../../../../shared/domain/types';
import { ErrorIcon, WarningIcon } from '../../components/icons';
import { formatSeconds, formatUsd } from '../../lib/format';
import { providerLabel, STATUS_LABELS } from '../../lib/labels';
import { describeIssues, summarizeShot, takeCostLines, type ShotSummary } from '../../lib/shotSummary';
import { ShotJobBadge } from '../queue/ShotJobBadge';
import { CardOverrun } from '../sound/CardOverrun';
import { CardFit, CardTakes } from '../takes/CardTakes';
import type { CardData } from './cardData';
import type { CardDropPart } from './useCardDrop';
import { useCardImage } from './useCardImage';
import { Thumbnail } from './Thumbnail';

/** One take as Generate makes it (a frame made first included); the tooltip breaks it down. */
function CardCost({ plan, summary }: { plan: CardData['plan']; summary: ShotSummary }) {
  const { estimate } = summary;
  const usd = plan?.shot.takeUsd ?? estimate.usd;
  return (
    <span
      className={`card-cost${estimate.adjustment ? ' is-adjusted' : ''}`}
      title={takeCostLines(estimate, plan, summary.toolName).join('\n')}
      data-testid="card-cost"
    >
      {estimate.adjustment ? '≈' : ''}
      {formatUsd(usd)}
    </span>
  );
}

export function shotOptionId(id: string): string {
  return `shot-option-${id}`;
}

interface Props {
  shot: Shot;
  data: CardData;
  width: number;
  thumbHeight: number;
  ratio: number;
  selected: boolean;
  focused: boolean;
  dimmed: boolean;
  /** A file or library item is dragged over this card: where it would go. */
  dropPart?: CardDropPart | null;
  onPick: (id: string, e: MouseEvent) => void;
}

export const ShotCard = memo(function ShotCard({ shot, data, width, thumbHeight, ratio, selected, focused, dimmed, dropPart, onPick }: Props) {
  // Only the pointer listeners: dnd-kit's attributes would make each card a focusable
  // "draggable" button, while here the listbox owns focus and cards stay plain options.
  const { listeners, setNodeRef } = useDraggable({ id: shot.id, data: { kind: 'shot' } });
  const s = useMemo(() => summarizeShot(shot), [shot]);
  const image = useCardImage(data);
  const inner = width - 10;
  const wide = inner - thumbHeight * ratio > 90;

  return (
    <div
      ref={setNodeRef}
      {...listeners}
      role="option"
      id={shotOptionId(shot.id)}
      aria-label={`Shot ${shot.label}`}
      aria-selected={selected}
      data-testid={`shot-card-${shot.label}`}
      data-shot-id={shot.id}
      data-shot-label={shot.label}
      data-drop={dropPart ?? undefined}
      data-provider={s.provider}
      data-focused={focused || undefined}
      data-issues={s.worst ?? undefined}
      className={`shot-card${dimmed ? ' is-dragging' : ''}`}
      style={{ width }}
      onClick={(e) => onPick(shot.id, e)}
    >
      <div className="card-top">
        <span className="card-label">{shot.label}</span>
        <ShotJobBadge jobs={data.jobs} />
        {width >= 96 && (
          <span className="tool-badge" data-provider={s.provider} title={s.toolName}>
            {width >= 150 ? s.toolShort : providerLabel(s.provider)}
          </span>
        )}
        {s.worst && (
          <span
            className={`issue-badge issue-${s.worst}`}
            title={describeIssues(s.issues)}
            aria-label={`${s.issues.length} ${s.worst === 'error' ? 'problem' : 'warning'}${s.issues.length > 1 ? 's' : ''}`}
          >
            {s.worst === 'error' ? <ErrorIcon /> : <WarningIcon />}
            {s.issues.length > 1 && <span>{s.issues.length}</span>}
          </span>
        )}
      </div>
      {dropPart && (
        <span className="card-drop-hint" aria-hidden="true">
          {dropPart === 'keyframe' ? 'Start keyframe' : 'Reference'}
        </span>
      )}
      <div className="card-body">
        <Thumbnail ratio={ratio} label={shot.label} camera={shot.prompt.camera} height={thumbHeight} maxWidth={inner} image={image} />
        <CardTakes strip={data.strip} mediaUrl={data.mediaUrl} inner={inner} thumbHeight={thumbHeight} ratio={ratio} beside={wide} />
        {wide && (
          <p className="card-action" style={{ WebkitLineClamp: Math.max(1, Math.floor(thumbHeight / 15.5)) }}>
            {shot.action || <span className="muted">No action yet</span>}
          </p>
        )}
      </div>
      <div className="card-meta">
        <span className="card-duration" title="Duration">
          {formatSeconds(shot.durationS)}
        </span>
        <CardOverrun overrunS={data.overrunS} />
        <CardFit clip={data.clip} />
        <CardCost plan={data.plan} summary={s} />
        <span className="card-status" data-status={shot.status} title={`Status: ${STATUS_LABELS[shot.status]}`}>
          <span className="status-dot" aria-hidden="true" />
          {width >= 160 && STATUS_LABELS[shot.status]}
        </span>
      </div>
    </div>
  );
});
