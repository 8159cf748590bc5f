// A lane's controls at its left: its name, mute and solo, and its level. How this person listens
// (kept per machine, not in the project).
import type { ReactNode } from 'react';
import { LANE_NAMES, LEVEL_MAX_DB, LEVEL_MIN_DB, levelLabel, type Lane } from './mix';
import { useSoundUi } from './store';

export function LaneHeader({ lane, sounding = false, children }: { lane: Lane; sounding?: boolean; children?: ReactNode }) {
  const mix = useSoundUi((s) => s.mix[lane]);
  const setLane = useSoundUi((s) => s.setLane);
  const name = LANE_NAMES[lane];
  return (
    <div className={`lane-head${sounding ? ' is-sounding' : ''}`} role="group" aria-label={`${name} controls`}>
      <div className="lane-head-row">
        <span className="lane-name">{name}</span>
        <button
          type="button"
          className="lane-toggle lane-mute"
          aria-pressed={mix.muted}
          aria-label={`Mute ${name.toLowerCase()}`}
          title={`Mute ${name.toLowerCase()}`}
          onClick={() => setLane(lane, { muted: !mix.muted })}
        >
          M
        </button>
        <button
          type="button"
          className="lane-toggle lane-solo"
          aria-pressed={mix.solo}
          aria-label={`Solo ${name.toLowerCase()}`}
          title={`Solo ${name.toLowerCase()}: hear only soloed lanes`}
          onClick={() => setLane(lane, { solo: !mix.solo })}
        >
          S
        </button>
        <input
          type="range"
          className="lane-level"
          min={LEVEL_MIN_DB}
          max={LEVEL_MAX_DB}
          step={1}
          value={mix.levelDb}
          aria-label={`${name} level`}
          aria-valuetext={levelLabel(mix.levelDb)}
          title={`${name} level (double-click: 0 dB)`}
          onChange={(e) => setLane(lane, { levelDb: Number(e.target.value) })}
          onDoubleClick={() => setLane(lane, { levelDb: 0 })}
        />
        <span className="lane-level-value">{levelLabel(mix.levelDb)}</span>
      </div>
      {children}
    </div>
  );
}
