// The player above the timeline: plays the cut (selected take, else newest, else a still held
// for the shot's length) gaplessly, with a scrub bar of shot markers and a transport bar. The
// stage's layers are plain elements the engine drives; React renders them once. Under the scrub
// bar, on its scale, the sound lanes (features/sound), which the engine mixes with the picture.
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { secondsToFrames } from '../../../../shared/domain/timecode';
import type { ProjectSnapshot } from '../../../../shared/domain/types';
import { useMediaUrl, usePlaybackCut } from '../../api/takes';
import { ratioValue } from '../../lib/labels';
import type { TimelineModel } from '../../lib/timeline';
import { cutItems, itemsKey, plannedItems } from './cutItems';
import { PlayerEngine } from './engine';
import type { PlayItem } from './items';
import { SoundLanes } from '../sound/SoundLanes';
import { usePlayerSound } from '../sound/usePlayerSound';
import { StageOverlay } from './StageOverlay';
import { TransportBar } from './TransportBar';
import { PlayerContext } from './usePlayer';
import { usePlayerKeys } from './usePlayerKeys';
import { useCutSync } from './useCutSync';
import '../../styles/player.css';

function useItems(model: TimelineModel): PlayItem[] {
  const cut = usePlaybackCut();
  const mediaUrl = useMediaUrl();
  const items = useMemo(() => {
    if (cut.data) return cutItems(cut.data, (p) => mediaUrl(p) ?? p);
    const shots = model.order.map((id) => model.shotById.get(id)!);
    return plannedItems(shots.map((s) => ({ id: s.id, label: s.label, action: s.action, frames: secondsToFrames(s.durationS) })));
  }, [cut.data, mediaUrl, model]);
  // The same cut rebuilt (a refetch after an unrelated edit) keeps its identity: no reload.
  const last = useRef<{ key: string; items: PlayItem[] } | null>(null);
  const key = itemsKey(items);
  if (last.current?.key !== key) last.current = { key, items };
  return last.current.items;
}

export function Player({ snapshot, model }: { snapshot: ProjectSnapshot; model: TimelineModel }) {
  const items = useItems(model);
  const rootRef = useRef<HTMLElement>(null);
  const v0 = useRef<HTMLVideoElement>(null);
  const v1 = useRef<HTMLVideoElement>(null);
  const v2 = useRef<HTMLVideoElement>(null);
  const stillRoot = useRef<HTMLDivElement>(null);
  const stillImg = useRef<HTMLImageElement>(null);
  const stillTitle = useRef<HTMLParagraphElement>(null);
  const stillDetail = useRef<HTMLParagraphElement>(null);
  const [engine, setEngine] = useState<PlayerEngine | null>(null);

  // Before the first paint: the transport, the lanes and what is playing come with the picture,
  // not a frame (and a second layout of the whole window) later.
  useLayoutEffect(() => {
    const e = new PlayerEngine([v0.current!, v1.current!, v2.current!], {
      root: stillRoot.current!,
      img: stillImg.current!,
      title: stillTitle.current!,
      detail: stillDetail.current!,
    });
    setEngine(e);
    return () => e.destroy();
  }, []);
  useLayoutEffect(() => engine?.setItems(items), [engine, items]);

  const ctx = useMemo(() => (engine ? { engine, items } : null), [engine, items]);
  useCutSync(ctx);
  usePlayerKeys(ctx, rootRef);
  usePlayerSound(engine, items);
  const ratio = ratioValue(snapshot.project.aspectRatio);

  return (
    <section className="player" aria-label="Player" ref={rootRef} tabIndex={-1} data-testid="player">
      <div className="player-stage" onPointerDown={() => rootRef.current?.focus({ preventScroll: true })}>
        <div className="player-frame" style={{ aspectRatio: String(ratio) }}>
          <video ref={v0} className="player-layer" aria-hidden="true" />
          <video ref={v1} className="player-layer" aria-hidden="true" />
          <video ref={v2} className="player-layer" aria-hidden="true" />
          <div ref={stillRoot} className="player-layer player-still" data-kind="card" aria-hidden="true">
            <img ref={stillImg} alt="" />
            <div className="still-card">
              <p ref={stillTitle} className="still-label" />
              <p ref={stillDetail} className="still-action" />
            </div>
          </div>
          {ctx && <StageOverlay ctx={ctx} />}
          {items.length === 0 && <p className="player-empty">Add shots to the timeline to play the film.</p>}
        </div>
      </div>
      {ctx && (
        <PlayerContext.Provider value={ctx}>
          <SoundLanes />
          <TransportBar />
        </PlayerContext.Provider>
      )}
    </section>
  );
}
