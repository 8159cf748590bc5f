// The dialogue lane or the effects lane: the clips of the cut's spoken lines or effect cues at
// the scrub bar's scale. A press on the empty lane moves the playhead there.
import { useEffect, useMemo, useState, type PointerEvent } from 'react';
import { TIMELINE_FPS } from '../../../../shared/domain/timecode';
import type { PlayerEngine } from '../player/engine';
import { usePlayerState } from '../player/usePlayer';
import { ClipPopover } from './ClipPopover';
import { stackRows, type LaneClip } from './laneClips';
import { LANE_NAMES } from './mix';
import { SoundClip } from './SoundClip';
import { useSetLineOffset, useShotSoundEdit } from './soundApi';

interface Props {
  lane: 'dialogue' | 'effects';
  engine: PlayerEngine;
  clips: LaneClip[];
  totalS: number;
}

/** Height a row of clips adds to the lane: overlapping clips stack rather than hide each other. */
const ROW_PX = 14;

const HINTS = {
  dialogue: 'No spoken lines yet: give characters voices, then Speak lines in the inspector',
  effects: 'No effects yet: add cues to a shot in the inspector, then Make effects',
};

export function ClipLane({ lane, engine, clips, totalS }: Props) {
  const scheduled = usePlayerState(engine, (s) => s[`${lane}Sources`]);
  const setLine = useSetLineOffset();
  const updateCue = useShotSoundEdit('sfx.update');
  const [picked, setPicked] = useState<string | null>(null);
  const [drag, setDrag] = useState<{ id: string; offsetS: number } | null>(null);

  // The drag's preview gives way once the clips come back with the edit in them.
  useEffect(() => setDrag(null), [clips]);
  const open = picked ? clips.find((c) => c.id === picked) : undefined;
  const stack = useMemo(() => stackRows(clips), [clips]);

  const commit = (clip: LaneClip, offsetS: number) => {
    if (clip.line !== null) setLine.mutate({ shotId: clip.shotId, index: clip.line, offsetS });
    else updateCue.mutate({ id: clip.id, patch: { offsetS } });
  };
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || e.button !== 0) return;
    setPicked(null);
    const box = e.currentTarget.getBoundingClientRect();
    engine.seek(Math.round(((e.clientX - box.left) / Math.max(1, box.width)) * totalS * TIMELINE_FPS));
  };

  return (
    <div
      className={`lane-track clip-lane ${lane}-lane`}
      role="group"
      aria-label={`${LANE_NAMES[lane]} lane`}
      data-scheduled={scheduled}
      style={{ height: ROW_PX * stack.rows + 16 }}
      onPointerDown={onDown}
    >
      {clips.map((clip, i) => (
        <SoundClip
          key={clip.id}
          clip={clip}
          row={stack.row[i]!}
          rows={stack.rows}
          preview={drag?.id === clip.id ? drag.offsetS : null}
          totalS={totalS}
          picked={picked === clip.id}
          onPreview={(offsetS) => setDrag(offsetS === null ? null : { id: clip.id, offsetS })}
          onCommit={(offsetS) => commit(clip, offsetS)}
          onPick={() => setPicked(picked === clip.id ? null : clip.id)}
        />
      ))}
      {clips.length === 0 && <span className="lane-hint">{HINTS[lane]}</span>}
      {open && <ClipPopover clip={open} onClose={() => setPicked(null)} />}
    </div>
  );
}
