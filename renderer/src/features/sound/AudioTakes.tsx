// The takes of a spoken line or an effect as chips: number, length and tool, a play button and
// the circle that picks which one the cut plays (otherwise the newest not rejected).
import type { AudioTake } from '../../../../shared/domain/sound';
import { PauseGlyph, PlayGlyph } from '../player/icons';
import { useShotSoundEdit } from './soundApi';
import { useTakePreview } from './useTakePreview';

export function AudioTakes({ takes, playingId, label }: { takes: readonly AudioTake[]; playingId: string | null; label: string }) {
  const circle = useShotSoundEdit('sound.circle');
  const preview = useTakePreview();
  if (takes.length === 0) return <span className="field-hint">No takes yet</span>;
  return (
    <ul className="audio-takes" aria-label={`Takes of ${label}`}>
      {takes.map((t) => {
        const on = preview.playing === t.relPath;
        return (
          <li key={t.id} className={`audio-take${t.id === playingId ? ' is-playing-take' : ''}${t.rejected ? ' is-rejected' : ''}`}>
            <button
              type="button"
              className="audio-take-play"
              aria-label={`${on ? 'Stop' : 'Play'} take ${t.number} of ${label}`}
              title={`${on ? 'Stop' : 'Play'} take ${t.number}`}
              onClick={() => preview.toggle(t.relPath)}
            >
              {on ? <PauseGlyph /> : <PlayGlyph />}
            </button>
            <span className="audio-take-num">{t.number}</span>
            <span className="audio-take-len">{t.durationS.toFixed(1)} s</span>
            <span className="audio-take-tool" title={t.tool}>
              {t.tool}
            </span>
            <button
              type="button"
              className="audio-take-circle"
              aria-pressed={t.circled}
              aria-label={`${t.circled ? 'Uncircle' : 'Circle'} take ${t.number} of ${label}`}
              title={t.circled ? 'Circled: the cut plays this take (press to let the newest play)' : 'Circle: the cut plays this take'}
              onClick={() => circle.mutate({ takeId: t.id, circled: !t.circled })}
            >
              {t.circled ? '◉' : '○'}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
