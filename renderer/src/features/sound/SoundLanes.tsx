// The player's time ruler and the sound lanes under it, on one scale: the scrub bar across the
// cut, then the dialogue, the effects, the takes' own sound and the music, each with its
// controls at the left. (The
// timeline's cards are not proportional to time — they have a minimum width and wrap — so the
// lanes live here, where every pixel is the same number of frames.)
import { DEFAULT_DUCK_DB } from '../../../../shared/domain/sound';
import { TIMELINE_FPS } from '../../../../shared/domain/timecode';
import { ScrubBar } from '../player/ScrubBar';
import { usePlayer, usePlayerState } from '../player/usePlayer';
import { ClipLane } from './ClipLane';
import { LaneHeader } from './LaneHeader';
import { MusicLane } from './MusicLane';
import { NumberField } from './NumberField';
import { useMusic, useSetDuck } from './soundApi';
import { TakeLane } from './TakeLane';
import { useSoundUi } from './store';
import { useLanePlan } from './usePlayerSound';
import './sound.css';

function DuckField() {
  const music = useMusic();
  const setDuck = useSetDuck();
  return (
    <div className="lane-head-row" title="How far the music dips while dialogue plays (0: not at all)">
      <NumberField
        label="Duck"
        unit="dB"
        ariaLabel="Duck music under dialogue (dB)"
        value={music.data?.duckDb ?? DEFAULT_DUCK_DB}
        min={0}
        max={40}
        step={1}
        onCommit={(v) => setDuck.mutate(v)}
      />
    </div>
  );
}

function LanePlayhead() {
  const { engine } = usePlayer();
  const frame = usePlayerState(engine, (s) => s.frame);
  const total = usePlayerState(engine, (s) => s.total);
  return (
    <div className="lanes-playhead" aria-hidden="true">
      <div style={{ left: `${total ? (frame / total) * 100 : 0}%` }} />
    </div>
  );
}

/** Folds the lanes away (the player's picture gets their height) or brings them back. */
function LanesToggle() {
  const shown = useSoundUi((s) => s.lanesShown);
  const showLanes = useSoundUi((s) => s.showLanes);
  return (
    <div className="lane-corner">
      <button
        type="button"
        className="lanes-fold"
        aria-expanded={shown}
        aria-controls="sound-lanes"
        title={shown ? 'Hide the sound lanes: a taller picture' : 'Show the sound lanes'}
        onClick={() => showLanes(!shown)}
      >
        <span aria-hidden="true">{shown ? '▾' : '▸'}</span> Sound lanes
      </button>
    </div>
  );
}

export function SoundLanes() {
  const shown = useSoundUi((s) => s.lanesShown);
  return (
    <div className="sound-tracks">
      <LanesToggle />
      <ScrubBar />
      {shown && <Lanes />}
    </div>
  );
}

/** The four lanes, each a header and its row, and the playhead across them. */
function Lanes() {
  const { engine, items } = usePlayer();
  const total = usePlayerState(engine, (s) => s.total);
  const musicOn = usePlayerState(engine, (s) => s.rate !== 0 && s.musicSources > 0);
  const dialogueOn = usePlayerState(engine, (s) => s.rate !== 0 && s.dialogueSources > 0);
  const effectsOn = usePlayerState(engine, (s) => s.rate !== 0 && s.effectsSources > 0);
  const plan = useLanePlan(items);
  // A cut with nothing in it still gets a lane a second long per second of music to drop on.
  const totalS = Math.max(total / TIMELINE_FPS, 1);
  return (
    <div id="sound-lanes" className="sound-lanes" role="group" aria-label="Sound lanes">
      <LaneHeader lane="dialogue" sounding={dialogueOn} />
      <ClipLane lane="dialogue" engine={engine} clips={plan.dialogue} totalS={totalS} />
      <LaneHeader lane="effects" sounding={effectsOn} />
      <ClipLane lane="effects" engine={engine} clips={plan.effects} totalS={totalS} />
      <LaneHeader lane="take" />
      <TakeLane items={items} total={total} />
      <LaneHeader lane="music" sounding={musicOn}>
        <DuckField />
      </LaneHeader>
      <MusicLane engine={engine} totalS={totalS} />
      <LanePlayhead />
    </div>
  );
}
