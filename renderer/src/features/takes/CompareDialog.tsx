// Side-by-side compare: two or more takes of a shot in sync. One clock (performance.now) says
// where every take should be; each video is nudged toward it (syncClock.ts), so they stay
// frame-matched however each decodes. Shorter takes hold their last frame.
import { useEffect, useRef, useState } from 'react';
import type { TakeInfo } from '../../../../shared/domain/takes';
import { useMediaUrl, useTakeAction } from '../../api/takes';
import { PauseGlyph, PlayGlyph } from '../player/icons';
import { Dialog } from './Dialog';
import { clockTime, correction } from './syncClock';

export function CompareDialog({
  open,
  takes,
  shotId,
  label,
  ratio,
  onClose,
}: {
  open: boolean;
  takes: TakeInfo[];
  shotId: string;
  label: string;
  ratio: number;
  onClose: () => void;
}) {
  const [picked, setPicked] = useState<string[]>(() => takes.slice(0, 4).map((t) => t.id));
  const shown = takes.filter((t) => picked.includes(t.id));
  return (
    <Dialog open={open} title={`Compare takes of ${label}`} onClose={onClose} className="compare-dialog">
      <fieldset className="compare-pick">
        <legend className="visually-hidden">Takes to compare</legend>
        {takes.map((t) => (
          <label key={t.id} className="check-row">
            <input
              type="checkbox"
              checked={picked.includes(t.id)}
              onChange={(e) => setPicked((p) => (e.target.checked ? [...p, t.id] : p.filter((x) => x !== t.id)))}
            />
            Take {t.number}
            {t.selected ? ' (circled)' : ''}
          </label>
        ))}
      </fieldset>
      {shown.length < 2 ? <p className="muted">Pick two or more takes.</p> : <SyncedTakes takes={shown} shotId={shotId} ratio={ratio} />}
    </Dialog>
  );
}

function SyncedTakes({ takes, shotId, ratio }: { takes: TakeInfo[]; shotId: string; ratio: number }) {
  const mediaUrl = useMediaUrl();
  const select = useTakeAction('takes.select');
  const videos = useRef<Array<HTMLVideoElement | null>>([]);
  const clock = useRef({ from: 0, t0: 0, playing: false });
  const [t, setT] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [loop, setLoop] = useState(true);
  const length = Math.max(0.1, ...takes.map((k) => k.durationS ?? 0));

  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    const tick = () => {
      const c = clock.current;
      const now = clockTime(c.from, performance.now() - c.t0, length, loop);
      if (!loop && now >= length) {
        setPlaying(false);
        c.playing = false;
      }
      for (const v of videos.current) {
        if (!v) continue;
        const fix = correction(now, v.currentTime, v.duration || length);
        if (fix.seekTo !== null) v.currentTime = fix.seekTo;
        v.playbackRate = fix.rate;
        if (fix.ended || !c.playing) v.pause();
        else if (v.paused) void v.play().catch(() => undefined);
      }
      setT(now);
      if (c.playing) raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, loop, length]);

  const seek = (s: number) => {
    clock.current = { from: s, t0: performance.now(), playing: clock.current.playing };
    for (const v of videos.current) if (v) v.currentTime = Math.min(s, (v.duration || length) - 0.01);
    setT(s);
  };
  const toggle = () => {
    const on = !playing;
    clock.current = { from: t >= length ? 0 : t, t0: performance.now(), playing: on };
    if (!on) for (const v of videos.current) v?.pause();
    setPlaying(on);
  };

  return (
    <div className="compare">
      <div className="compare-grid" style={{ gridTemplateColumns: `repeat(${Math.min(takes.length, 3)}, minmax(0, 1fr))` }}>
        {takes.map((k, i) => (
          <figure key={k.id} className={`compare-cell${k.selected ? ' is-circled' : ''}`}>
            <div className="compare-screen" style={{ aspectRatio: String(ratio) }}>
              <video
                ref={(el) => void (videos.current[i] = el)}
                src={mediaUrl(k.relPath) ?? undefined}
                muted={i > 0}
                preload="auto"
                playsInline
                aria-label={`Take ${k.number}`}
              />
            </div>
            <figcaption>
              <strong>Take {k.number}</strong>
              <span className="muted">
                {k.model} · {(k.durationS ?? 0).toFixed(1)} s
              </span>
              <button
                type="button"
                className={`btn btn-small circle-btn${k.selected ? ' is-on' : ''}`}
                aria-pressed={k.selected}
                onClick={() => select.mutate({ shotId, takeId: k.selected ? null : k.id })}
              >
                <span className="circle-mark" aria-hidden="true" />
                {k.selected ? 'Circled' : 'Circle'}
              </button>
            </figcaption>
          </figure>
        ))}
      </div>
      <div className="take-controls compare-controls">
        <button type="button" className="icon-btn" aria-label={playing ? 'Pause compare' : 'Play compare'} onClick={toggle}>
          {playing ? <PauseGlyph /> : <PlayGlyph />}
        </button>
        <input
          type="range"
          className="take-seek"
          aria-label="Compare position"
          min={0}
          max={length}
          step={1 / 24}
          value={Math.min(t, length)}
          onChange={(e) => seek(Number(e.target.value))}
        />
        <span className="take-time tabular">
          {t.toFixed(2)} / {length.toFixed(2)} s
        </span>
        <label className="check-row">
          <input type="checkbox" checked={loop} onChange={(e) => setLoop(e.target.checked)} /> Loop
        </label>
      </div>
      <p className="muted compare-note">One clock drives every take; sound comes from the first.</p>
    </div>
  );
}
