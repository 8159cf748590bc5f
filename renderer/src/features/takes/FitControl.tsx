// Duration reconciliation for one shot: its take is longer or shorter than the planned slot,
// and the filmmaker picks how it fits — trim (drag the planned window over the take to choose
// the in point), hold the last frame, or change the plan to the take's length.
import { useEffect, useRef, useState, type PointerEvent, type KeyboardEvent } from 'react';
import type { PlaybackClip } from '../../../../shared/domain/playback';
import type { FitMode } from '../../../../shared/domain/takes';
import { TIMELINE_FPS } from '../../../../shared/domain/timecode';
import { useTakeAction } from '../../api/takes';
import { useElementWidth } from '../../components/useElementWidth';
import { formatSeconds } from '../../lib/format';
import { dragTrimIn, keyTrimIn, trimWindow } from './trim';

const secs = (frames: number) => formatSeconds(frames / TIMELINE_FPS);

export function FitControl({ clip, videoUrl, thumbUrl }: { clip: PlaybackClip; videoUrl: string | null; thumbUrl: string | null }) {
  const setFit = useTakeAction('cut.setFit');
  // The choice shows at once; the cut catches up when the core answers (or reverts on error).
  const [chosen, setChosen] = useState<{ mode: FitMode; over: FitMode | null } | null>(null);
  const takeFrames = clip.takeFrames ?? 0;
  const longer = takeFrames > clip.plannedFrames;
  if (!clip.takeId || (clip.mismatchFrames === 0 && clip.fit === null)) return null;
  const mode: FitMode | null = chosen && chosen.over === clip.fit && !setFit.isError ? chosen.mode : clip.fit;
  const choose = (m: FitMode) => {
    setChosen({ mode: m, over: clip.fit });
    setFit.mutate({ shotId: clip.shotId, mode: m, ...(m === 'trim' ? { trimInS: clip.sourceInFrames / TIMELINE_FPS } : {}) });
  };
  const options: Array<[FitMode, string]> = [
    longer ? ['trim', 'Trim'] : ['hold', 'Hold last frame'],
    ['retime-plan', clip.mismatchFrames === 0 ? 'Plan follows take' : `Make the shot ${secs(takeFrames)}`],
  ];
  return (
    <div className="fit-control" role="group" aria-label="Fit the take to the shot">
      <p className={mode ? 'muted' : 'fit-warning'}>
        {clip.mismatchFrames === 0
          ? `The shot's length follows take ${clip.takeNumber} (${secs(takeFrames)}).`
          : `Take ${clip.takeNumber} runs ${secs(takeFrames)}; the shot is planned at ${secs(clip.plannedFrames)}.${mode ? '' : longer ? ' It plays from its first frame until you choose.' : ' Its last frame holds until you choose.'}`}
      </p>
      <div className="segmented" role="radiogroup" aria-label="How the take fits">
        {options.map(([m, label]) => (
          <label key={m} className={`segment${mode === m ? ' is-on' : ''}`}>
            <input type="radio" name={`fit-${clip.shotId}`} checked={mode === m} onChange={() => choose(m)} />
            {label}
          </label>
        ))}
      </div>
      {longer && mode === 'trim' && (
        <TrimStrip
          key={clip.takeId}
          takeFrames={takeFrames}
          plannedFrames={clip.plannedFrames}
          trimIn={clip.sourceInFrames}
          videoUrl={videoUrl}
          thumbUrl={thumbUrl}
          onCommit={(f) => setFit.mutate({ shotId: clip.shotId, mode: 'trim', trimInS: f / TIMELINE_FPS })}
        />
      )}
    </div>
  );
}

interface StripProps {
  takeFrames: number;
  plannedFrames: number;
  trimIn: number;
  videoUrl: string | null;
  thumbUrl: string | null;
  onCommit: (frames: number) => void;
}

function TrimStrip({ takeFrames, plannedFrames, trimIn, videoUrl, thumbUrl, onCommit }: StripProps) {
  const [value, setValue] = useState(trimIn);
  const ref = useRef<HTMLDivElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const width = useElementWidth(ref);
  const drag = useRef<{ x: number; from: number } | null>(null);
  const pending = useRef<number | null>(null);
  const win = trimWindow(value, takeFrames, plannedFrames, width);

  useEffect(() => {
    if (video.current && video.current.readyState >= 1) video.current.currentTime = (value + 0.02) / TIMELINE_FPS;
  }, [value]);
  useEffect(() => () => window.clearTimeout(pending.current ?? undefined), []);
  // A saved in point (this strip's commit, an undo) moves the window unless the user is at it.
  useEffect(() => {
    if (!drag.current && pending.current === null) setValue(trimIn);
  }, [trimIn]);

  const commitSoon = (f: number) => {
    window.clearTimeout(pending.current ?? undefined);
    pending.current = window.setTimeout(() => {
      pending.current = null;
      onCommit(f);
    }, 500);
  };
  const flush = () => {
    if (pending.current === null) return;
    window.clearTimeout(pending.current);
    pending.current = null;
    onCommit(value);
  };
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, from: value };
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) setValue(dragTrimIn(drag.current.from, e.clientX - drag.current.x, takeFrames, plannedFrames, width));
  };
  const onUp = () => {
    if (!drag.current) return;
    drag.current = null;
    if (value !== trimIn) onCommit(value);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = keyTrimIn(e.key, e.shiftKey, value, takeFrames, plannedFrames);
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    setValue(next);
    commitSoon(next);
  };

  const seconds = Array.from({ length: Math.floor(takeFrames / TIMELINE_FPS) + 1 }, (_, s) => s);
  return (
    <div className="trim">
      {videoUrl && (
        <video
          ref={video}
          className="trim-preview"
          src={videoUrl}
          muted
          preload="auto"
          playsInline
          onLoadedMetadata={(e) => (e.currentTarget.currentTime = (value + 0.02) / TIMELINE_FPS)}
          aria-hidden="true"
        />
      )}
      <div className="trim-body">
        <div className="trim-strip" ref={ref} data-thumb={thumbUrl ? '' : undefined} style={thumbUrl ? { backgroundImage: `url("${thumbUrl}")` } : undefined}>
          {seconds.map((s) => (
            <span key={s} className="trim-tick" style={{ left: `${((s * TIMELINE_FPS) / takeFrames) * 100}%` }} />
          ))}
          <div
            className="trim-window"
            role="slider"
            tabIndex={0}
            aria-label="Trim in point"
            aria-valuemin={0}
            aria-valuemax={Math.max(0, takeFrames - plannedFrames)}
            aria-valuenow={value}
            aria-valuetext={`${(value / TIMELINE_FPS).toFixed(2)} seconds in`}
            style={{ left: win.left, width: win.width }}
            onPointerDown={onDown}
            onPointerMove={onMove}
            onPointerUp={onUp}
            onPointerCancel={onUp}
            onKeyDown={onKey}
            onBlur={flush}
          />
        </div>
        <div className="trim-legend tabular">
          <span>
            In {(value / TIMELINE_FPS).toFixed(2)} s · out {((value + plannedFrames) / TIMELINE_FPS).toFixed(2)} s
          </span>
          <span className="muted">Drag the window, or ← → (Shift: 1 s)</span>
        </div>
      </div>
    </div>
  );
}
