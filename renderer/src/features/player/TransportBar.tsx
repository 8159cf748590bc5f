// Under the scrub bar: the running record timecode, the transport buttons (each naming its
// key), the loop range, where the playhead is in the cut, and Render animatic.
import { framesToTimecode, TIMELINE_START_FRAMES } from '../../../../shared/domain/timecode';
import { MarkInGlyph, MarkOutGlyph, NextShotGlyph, PauseGlyph, PlayGlyph, PrevShotGlyph, StepBackGlyph, StepFwdGlyph } from './icons';
import { RenderAnimatic } from './RenderAnimatic';
import { rateLabel } from './shuttle';
import { hasLoop, markIn, markOut, nextEdit, NO_LOOP, playRange, previousEdit, stepFrame } from './transport';
import { usePlayer, usePlayerState } from './usePlayer';

const tc = (frame: number) => framesToTimecode(TIMELINE_START_FRAMES + frame);

export function TransportBar() {
  const { engine, items } = usePlayer();
  const frame = usePlayerState(engine, (s) => s.frame);
  const rate = usePlayerState(engine, (s) => s.rate);
  const total = usePlayerState(engine, (s) => s.total);
  const index = usePlayerState(engine, (s) => s.index);
  const loop = usePlayerState(engine, (s) => s.loop);
  const empty = total === 0;
  const go = (f: number) => engine.seek(f);
  const step = (d: number) => {
    if (engine.getState().rate) engine.pause();
    go(stepFrame(engine.getState().frame, d, total));
  };
  const range = hasLoop(loop) ? playRange(loop, total) : null;
  const current = items[index];

  return (
    <div className="transport" role="toolbar" aria-label="Transport">
      <div className="transport-side">
        <output className="timecode transport-tc" aria-label="Timecode" data-testid="player-timecode">
          {tc(frame)}
        </output>
        {rateLabel(rate) && <span className="transport-rate">{rateLabel(rate)}</span>}
        {current && (
          <span className="transport-shot" data-testid="player-shot">
            <strong>{current.label}</strong>
            <span className="muted">
              {' '}
              {index + 1}/{items.length}
            </span>
          </span>
        )}
      </div>
      <div className="transport-buttons">
        <button
          type="button"
          className="icon-btn"
          aria-label="Previous shot"
          title="Previous shot (↑)"
          disabled={empty}
          onClick={() => go(previousEdit(items, frame))}
        >
          <PrevShotGlyph />
        </button>
        <button type="button" className="icon-btn" aria-label="Back one frame" title="Back one frame (←)" disabled={empty} onClick={() => step(-1)}>
          <StepBackGlyph />
        </button>
        <button
          type="button"
          className="icon-btn transport-play"
          aria-label={rate ? 'Pause' : 'Play'}
          title={rate ? 'Pause (Space or K)' : 'Play (Space or L; J plays backwards)'}
          disabled={empty}
          onClick={() => (rate ? engine.pause() : engine.play(1))}
        >
          {rate ? <PauseGlyph /> : <PlayGlyph />}
        </button>
        <button type="button" className="icon-btn" aria-label="Forward one frame" title="Forward one frame (→)" disabled={empty} onClick={() => step(1)}>
          <StepFwdGlyph />
        </button>
        <button type="button" className="icon-btn" aria-label="Next shot" title="Next shot (↓)" disabled={empty} onClick={() => go(nextEdit(items, frame))}>
          <NextShotGlyph />
        </button>
        <span className="toolbar-sep" />
        <button
          type="button"
          className="icon-btn"
          aria-label="Mark loop in"
          title="Loop from this frame (I)"
          disabled={empty}
          onClick={() => engine.setLoop(markIn(loop, frame))}
        >
          <MarkInGlyph />
        </button>
        <button
          type="button"
          className="icon-btn"
          aria-label="Mark loop out"
          title="Loop up to this frame (O)"
          disabled={empty}
          onClick={() => engine.setLoop(markOut(loop, frame))}
        >
          <MarkOutGlyph />
        </button>
        {range && (
          <span className="loop-chip" data-testid="loop-range">
            <span className="timecode">{tc(range.start)}</span>–<span className="timecode">{tc(range.end - 1)}</span>
            <button type="button" className="loop-clear" aria-label="Clear loop" title="Clear loop (Alt+X)" onClick={() => engine.setLoop(NO_LOOP)}>
              ×
            </button>
          </span>
        )}
      </div>
      <div className="transport-side transport-end">
        <span className="timecode muted" title="End of the cut" data-testid="end-timecode">
          {tc(total)}
        </span>
        <RenderAnimatic disabled={empty} />
      </div>
    </div>
  );
}
