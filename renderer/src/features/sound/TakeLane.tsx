// The takes' own sound, shot by shot where the cut plays a take: each clip's waveform over the
// frames it plays (a held last frame is silent). Stills and title cards have no sound.
import { TIMELINE_FPS } from '../../../../shared/domain/timecode';
import type { PlayItem } from '../player/items';
import { Waveform } from './Waveform';

export function TakeLane({ items, total }: { items: readonly PlayItem[]; total: number }) {
  const pct = (f: number) => `${total ? (f / total) * 100 : 0}%`;
  const clips = items.filter((it) => it.video && it.clip?.relPath);
  return (
    <div className="lane-track take-lane" role="group" aria-label="Take sound lane">
      {clips.map((it) => {
        const v = it.video!;
        const len = it.recordOut - it.recordIn;
        return (
          <div key={it.shotId} className="take-clip" style={{ left: pct(it.recordIn), width: pct(len) }} title={`${it.label}: take sound`}>
            <div className="take-clip-wave" style={{ width: `${(Math.min(v.playFrames, len) / len) * 100}%` }}>
              <Waveform
                relPath={it.clip!.relPath!}
                fromS={v.sourceIn / TIMELINE_FPS}
                toS={(v.sourceIn + v.playFrames) / TIMELINE_FPS}
                label={`shot ${it.label}`}
              />
            </div>
            <span className="take-clip-label">{it.label}</span>
          </div>
        );
      })}
      {clips.length === 0 && <span className="lane-hint">No takes in the cut yet: stills play silent</span>}
    </div>
  );
}
