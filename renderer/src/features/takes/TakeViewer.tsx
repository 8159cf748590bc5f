// Plays one take in the inspector: play/pause, a scrub slider, the time, and "Grab frame" to
// keep the frame on screen as a still (the next shot's start keyframe, this shot's end
// keyframe, or a library image).
import { useEffect, useRef, useState } from 'react';
import type { TakeInfo } from '../../../../shared/domain/takes';
import { useMediaUrl, useTakeAction } from '../../api/takes';
import { useUi } from '../../stores/ui';
import { PauseGlyph, PlayGlyph } from '../player/icons';

export interface GrabTargets {
  nextShot: { id: string; label: string } | null;
  shot: { id: string; label: string };
}

export function TakeViewer({ take, ratio, targets }: { take: TakeInfo; ratio: number; targets: GrabTargets }) {
  const mediaUrl = useMediaUrl();
  const ref = useRef<HTMLVideoElement>(null);
  const [t, setT] = useState(0);
  const [playing, setPlaying] = useState(false);
  const duration = take.durationS ?? 0;
  const grab = useTakeAction('takes.grabFrame');

  useEffect(() => {
    const v = ref.current;
    if (!v) return;
    let raf = 0;
    const tick = () => {
      setT(v.currentTime);
      if (!v.paused) raf = requestAnimationFrame(tick);
    };
    const onPlay = () => {
      setPlaying(true);
      raf = requestAnimationFrame(tick);
    };
    const onPause = () => {
      setPlaying(false);
      cancelAnimationFrame(raf);
      setT(v.currentTime);
    };
    v.addEventListener('play', onPlay);
    v.addEventListener('pause', onPause);
    v.addEventListener('seeked', onPause);
    return () => {
      cancelAnimationFrame(raf);
      v.removeEventListener('play', onPlay);
      v.removeEventListener('pause', onPause);
      v.removeEventListener('seeked', onPause);
    };
  }, [take.id]);

  const toggle = () => {
    const v = ref.current;
    if (!v) return;
    if (v.paused) {
      if (v.ended) v.currentTime = 0;
      void v.play();
    } else v.pause();
  };
  const doGrab = (value: string) => {
    const atS = Math.min(ref.current?.currentTime ?? 0, Math.max(0, duration - 0.02));
    const target =
      value === 'next' && targets.nextShot
        ? ({ to: 'keyframe', shotId: targets.nextShot.id, which: 'start' } as const)
        : value === 'end'
          ? ({ to: 'keyframe', shotId: targets.shot.id, which: 'end' } as const)
          : ({ to: 'library' } as const);
    grab.mutate(
      { takeId: take.id, atS, target },
      { onSuccess: () => useUi.getState().notify('info', `Frame at ${atS.toFixed(2)} s of take ${take.number} saved.`) },
    );
  };

  return (
    <div className="take-viewer">
      <div className="take-screen" style={{ aspectRatio: String(ratio) }} onClick={toggle}>
        <video
          key={take.id}
          ref={ref}
          src={mediaUrl(take.relPath) ?? undefined}
          poster={mediaUrl(take.thumbRelPath) ?? undefined}
          preload="metadata"
          playsInline
          aria-label={`Take ${take.number}`}
        />
      </div>
      <div className="take-controls">
        <button type="button" className="icon-btn" aria-label={playing ? 'Pause take' : 'Play take'} onClick={toggle}>
          {playing ? <PauseGlyph /> : <PlayGlyph />}
        </button>
        <input
          type="range"
          className="take-seek"
          aria-label="Take position"
          min={0}
          max={duration || 1}
          step={1 / 24}
          value={Math.min(t, duration || 1)}
          onChange={(e) => {
            if (ref.current) ref.current.currentTime = Number(e.target.value);
            setT(Number(e.target.value));
          }}
        />
        <span className="take-time tabular">
          {t.toFixed(2)} / {duration.toFixed(2)} s
        </span>
        <select
          className="select-compact take-grab"
          aria-label="Grab frame"
          value=""
          disabled={grab.isPending}
          onChange={(e) => e.target.value && doGrab(e.target.value)}
          title="Keep the frame on screen as a still"
        >
          <option value="">Grab frame…</option>
          {targets.nextShot && <option value="next">As start keyframe of {targets.nextShot.label}</option>}
          <option value="end">As end keyframe of {targets.shot.label}</option>
          <option value="library">Into the library</option>
        </select>
      </div>
    </div>
  );
}
