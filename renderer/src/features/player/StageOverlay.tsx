// Over the picture: which shot is playing and from what (circled take, newest take, still or
// title card), and, where a take's length differs from the shot's slot, how it is fitted.
import type { PlaybackClip } from '../../../../shared/domain/playback';
import { FitBadge } from '../takes/FitBadge';
import { usePlayerState, type PlayerContextValue } from './usePlayer';

const SOURCE: Record<PlaybackClip['source'], string> = {
  selected: 'circled take',
  newest: 'newest take',
  frame: 'storyboard frame (no take yet)',
  keyframe: 'start keyframe (no take yet)',
  reference: 'first reference (no take yet)',
  title: 'title card (no take yet)',
};

export function StageOverlay({ ctx }: { ctx: PlayerContextValue }) {
  const index = usePlayerState(ctx.engine, (s) => s.index);
  const item = ctx.items[index];
  if (!item) return null;
  const clip = item.clip;
  const take = clip?.takeNumber ? `Take ${clip.takeNumber} · ` : '';
  return (
    <div className="stage-overlay" aria-hidden="true">
      <span className="stage-tag">
        <strong>{item.label}</strong> {clip ? `${take}${SOURCE[clip.source]}` : 'planned'}
      </span>
      {clip && clip.mismatchFrames !== 0 && clip.takeId && <FitBadge clip={clip} />}
    </div>
  );
}
