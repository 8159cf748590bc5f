// The player's place above the timeline. Until takes exist (a later issue) it holds the
// focused shot as a still card — label, action, camera — at its record timecode, which is
// what the player itself will show for a shot with no take.
import { TIMELINE_START_FRAMES, framesToTimecode } from '../../../../shared/domain/timecode';
import type { ProjectSnapshot } from '../../../../shared/domain/types';
import { CAMERA_LABELS, ratioValue } from '../../lib/labels';
import { formatSeconds } from '../../lib/format';
import type { TimelineModel } from '../../lib/timeline';
import { useUi } from '../../stores/ui';

export function PlayerArea({ snapshot, model }: { snapshot: ProjectSnapshot; model: TimelineModel }) {
  const focus = useUi((s) => s.selection.focus);
  const shot = focus ? model.shotById.get(focus) : undefined;
  const ratio = ratioValue(snapshot.project.aspectRatio);
  const start = shot ? (model.startFrames.get(shot.id) ?? 0) : 0;
  return (
    <section className="player" aria-label="Player">
      <div className="player-stage">
        <div className="player-frame" style={{ aspectRatio: String(ratio) }}>
          {shot ? (
            <div className="still-card">
              <span className="still-label">{shot.label}</span>
              <p className="still-action">{shot.action || 'No action written yet'}</p>
              <p className="still-meta">
                {CAMERA_LABELS[shot.prompt.camera]} · {formatSeconds(shot.durationS)}
              </p>
            </div>
          ) : (
            <p className="player-empty">Select a shot to see it here. Playback of the cut arrives once shots have takes.</p>
          )}
        </div>
      </div>
      <div className="player-bar">
        <span className="timecode" title="Record timecode of the shot's first frame">
          {framesToTimecode(TIMELINE_START_FRAMES + start)}
        </span>
        <span className="muted">{shot ? `Shot ${shot.label} — still card (no take yet)` : 'Player'}</span>
        <span className="timecode muted" title="End of the cut">
          {framesToTimecode(TIMELINE_START_FRAMES + model.totalFrames)}
        </span>
      </div>
    </section>
  );
}
