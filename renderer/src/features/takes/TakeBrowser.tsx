// The take browser in the inspector: the focused shot's takes as a grid (hover to scrub), how
// the playing take fits the slot, and the chosen take: viewer, actions, rating, QC, provenance.
import { useMemo, useState, type KeyboardEvent } from 'react';
import type { Shot } from '../../../../shared/domain/types';
import { useMediaUrl, usePlaybackCut, useTakes } from '../../api/takes';
import { clipOf } from './CardTakes';
import { CompareDialog } from './CompareDialog';
import { FitControl } from './FitControl';
import { Provenance } from './Provenance';
import { QcList } from './QcList';
import { RatingControl } from './RatingControl';
import { TakeActions } from './TakeActions';
import { takeOptionId, TakeTile } from './TakeTile';
import { TakeViewer, type GrabTargets } from './TakeViewer';
import '../../styles/takes.css';

interface Props {
  shot: Shot;
  ratio: number;
  nextShot: GrabTargets['nextShot'];
}

export function TakeBrowser({ shot, ratio, nextShot }: Props) {
  const [showRejected, setShowRejected] = useState(false);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [comparing, setComparing] = useState(false);
  const all = useTakes(shot.id, true);
  const cut = usePlaybackCut();
  const mediaUrl = useMediaUrl();
  const takes = useMemo(() => (all.data ?? []).filter((t) => showRejected || !t.rejected), [all.data, showRejected]);
  const rejectedCount = (all.data ?? []).filter((t) => t.rejected).length;
  const active = takes.find((t) => t.id === activeId) ?? takes.find((t) => t.selected) ?? takes[takes.length - 1];
  const clip = clipOf(cut.data, shot.id);
  const playing = clip?.takeId ? all.data?.find((t) => t.id === clip.takeId) : undefined;

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = active ? takes.indexOf(active) : -1;
    const to =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? i + 1
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? i - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? takes.length - 1
              : null;
    if (to === null) return;
    e.preventDefault();
    e.stopPropagation();
    const t = takes[Math.max(0, Math.min(takes.length - 1, to))];
    if (t) setActiveId(t.id);
  };

  return (
    <section className="inspector-section take-browser" aria-label="Takes">
      <div className="section-row">
        <h3>
          Takes <span className="count">{all.data ? all.data.length - rejectedCount : ''}</span>
        </h3>
        {rejectedCount > 0 && (
          <label className="check-row small">
            <input type="checkbox" checked={showRejected} onChange={(e) => setShowRejected(e.target.checked)} />
            Show rejected ({rejectedCount})
          </label>
        )}
        <button
          type="button"
          className="btn btn-small"
          disabled={takes.length < 2}
          onClick={() => setComparing(true)}
          title="Play two or more takes side by side, in sync"
        >
          Compare…
        </button>
      </div>
      {all.isError && <p className="form-error">Could not read the takes: {String(all.error.message)}</p>}
      {all.data && all.data.length === 0 && <p className="muted">No takes yet. Generate this shot to get some; each run of it adds a take here.</p>}
      {clip && <FitControl clip={clip} videoUrl={mediaUrl(playing?.relPath)} thumbUrl={mediaUrl(playing?.thumbRelPath)} />}
      {takes.length > 0 && (
        <div
          className="take-grid"
          role="listbox"
          aria-label={`Takes of shot ${shot.label}`}
          tabIndex={0}
          aria-activedescendant={active ? takeOptionId(active.id) : undefined}
          onKeyDown={onKey}
        >
          {takes.map((t) => (
            <TakeTile key={t.id} take={t} active={t === active} onActivate={() => setActiveId(t.id)} />
          ))}
        </div>
      )}
      {active && (
        <div className="take-detail" role="group" aria-label={`Take ${active.number}`}>
          <TakeViewer take={active} ratio={ratio} targets={{ nextShot, shot: { id: shot.id, label: shot.label } }} />
          {active.continuityStale && (
            <p className="stale-note" role="note">
              <strong>From an older frame.</strong> This shot's start keyframe changed after this take was made (another storyboard frame circled, or a new
              circled take of the shot it follows). Regenerate to animate the current one.
            </p>
          )}
          <TakeActions take={active} shot={shot} />
          <RatingControl takeId={active.id} rating={active.rating} />
          <QcList takeId={active.id} qc={active.qc} />
          <Provenance take={active} fromNumber={active.fromTakeId ? (all.data?.find((t) => t.id === active.fromTakeId)?.number ?? null) : null} />
        </div>
      )}
      {comparing && <CompareDialog open takes={takes} shotId={shot.id} label={shot.label} ratio={ratio} onClose={() => setComparing(false)} />}
    </section>
  );
}
