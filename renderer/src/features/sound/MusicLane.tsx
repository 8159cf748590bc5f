// The music lane: the beds placed by time at the scrub bar's scale. Drop audio files on it to add
// beds from the drop's time; a press on the empty lane moves the playhead there.
import { useCallback, useEffect, useRef, useState, type DragEvent, type PointerEvent } from 'react';
import { TIMELINE_FPS } from '../../../../shared/domain/timecode';
import { useUi } from '../../stores/ui';
import { droppedFiles, hasFiles } from '../library/files';
import type { PlayerEngine } from '../player/engine';
import { usePlayerState } from '../player/usePlayer';
import { BedClip, bedTimecode } from './BedClip';
import { BedPopover } from './BedPopover';
import { patched, snapS, type BedPatch } from './edit';
import { useMusic, useRemoveBed, useUpdateBed } from './soundApi';
import { useSoundUi } from './store';
import { useMusicDrop } from './useMusicDrop';

export function MusicLane({ engine, totalS }: { engine: PlayerEngine; totalS: number }) {
  const music = useMusic();
  const beds = music.data?.beds;
  const drop = useMusicDrop();
  const update = useUpdateBed();
  const remove = useRemoveBed();
  const picked = useSoundUi((s) => s.picked);
  const pick = useSoundUi((s) => s.pick);
  const scheduled = usePlayerState(engine, (s) => s.musicSources);
  const ref = useRef<HTMLDivElement>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const [drag, setDrag] = useState<{ id: string; patch: BedPatch } | null>(null);

  // The drag's preview gives way once the beds come back with the edit in them.
  useEffect(() => setDrag(null), [beds]);
  // A bed removed (or undone away) closes its settings.
  useEffect(() => {
    if (picked && beds && !beds.some((b) => b.id === picked)) pick(null);
  }, [beds, picked, pick]);

  const secondsAt = (clientX: number) => {
    const box = ref.current!.getBoundingClientRect();
    return snapS((Math.min(Math.max(0, clientX - box.left), box.width) / Math.max(1, box.width)) * totalS);
  };
  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!hasFiles(e.dataTransfer)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDropAt(secondsAt(e.clientX));
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    if (!hasFiles(e.dataTransfer)) return;
    e.preventDefault();
    e.stopPropagation();
    const at = secondsAt(e.clientX);
    setDropAt(null);
    // Entries must be taken during the event; reading them is async.
    void droppedFiles(e.dataTransfer).then((files) => drop(files, at));
  };
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || e.button !== 0) return;
    pick(null);
    engine.seek(Math.round(secondsAt(e.clientX) * TIMELINE_FPS));
  };

  const removeBed = useCallback(
    (id: string, name: string) => {
      remove.mutate({ id, name }, { onSuccess: () => useUi.getState().notify('info', `Removed ${name} from the music lane — Ctrl+Z to undo`) });
      pick(null);
    },
    [remove, pick],
  );
  const open = picked ? beds?.find((b) => b.id === picked) : undefined;

  return (
    <div
      ref={ref}
      className={`lane-track music-lane${dropAt !== null ? ' is-drop' : ''}`}
      role="group"
      aria-label="Music lane"
      data-testid="music-lane"
      data-scheduled={scheduled}
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && setDropAt(null)}
      onDrop={onDrop}
      onPointerDown={onDown}
    >
      {beds?.map((bed) => (
        <BedClip
          key={bed.id}
          bed={bed}
          shown={patched(bed, drag?.id === bed.id ? drag.patch : null)}
          totalS={totalS}
          picked={picked === bed.id}
          onPreview={(patch) => setDrag(patch ? { id: bed.id, patch } : null)}
          onCommit={(patch) => update.mutate({ id: bed.id, patch })}
          onPick={() => pick(picked === bed.id ? null : bed.id)}
          onRemove={() => removeBed(bed.id, bed.name)}
        />
      ))}
      {beds?.length === 0 && dropAt === null && <span className="lane-hint">Drop music here: WAV, AIFF, MP3, AAC, M4A or FLAC</span>}
      {dropAt !== null && (
        <div className="lane-drop-mark" style={{ left: `${(dropAt / totalS) * 100}%` }}>
          <span className="timecode">{bedTimecode(dropAt)}</span>
        </div>
      )}
      {open && (
        <BedPopover
          bed={patched(open, drag?.id === open.id ? drag.patch : null)}
          onChange={(patch) => update.mutate({ id: open.id, patch })}
          onRemove={() => removeBed(open.id, open.name)}
          onClose={() => pick(null)}
        />
      )}
    </div>
  );
}
