// The core's playback cut (shared/domain/playback.ts) as the player engine walks it: record
// frames from the cut's first frame, a video URL and its played stretch, or a still.
import type { PlaybackClip, PlaybackCut } from '../../../../shared/domain/playback';
import type { PlayItem } from './items';

export function clipDetail(clip: Pick<PlaybackClip, 'label' | 'title'>): string {
  const prefix = `${clip.label} · `;
  return clip.title.startsWith(prefix) ? clip.title.slice(prefix.length) : clip.title === clip.label ? '' : clip.title;
}

export function cutItems(cut: PlaybackCut, mediaUrl: (relPath: string) => string): PlayItem[] {
  return cut.clips.map((clip) => {
    const isTake = clip.takeId !== null && clip.relPath !== null;
    const playFrames = clip.sourceOutFrames - clip.sourceInFrames;
    return {
      shotId: clip.shotId,
      label: clip.label,
      recordIn: clip.recordInFrames - cut.startFrames,
      recordOut: clip.recordOutFrames - cut.startFrames,
      video: isTake ? { src: mediaUrl(clip.relPath!), takeId: clip.takeId!, sourceIn: clip.sourceInFrames, playFrames } : null,
      still: { src: !isTake && clip.relPath ? mediaUrl(clip.relPath) : null, title: clip.label, detail: clipDetail(clip) },
      clip,
    };
  });
}

/** A cheap identity for a list of items: the engine reloads only when what plays changes. */
export function itemsKey(items: readonly PlayItem[]): string {
  return items
    .map(
      (i) =>
        `${i.shotId}:${i.recordIn}:${i.recordOut}:${i.video ? `${i.video.src}@${i.video.sourceIn}+${i.video.playFrames}` : (i.still.src ?? '')}:${i.still.detail}:${i.clip ? `${i.clip.source}${i.clip.takeNumber}${i.clip.fit}${i.clip.mismatchFrames}` : ''}`,
    )
    .join('|');
}

/** Title cards for every shot, from the plan alone: what the player shows until the cut loads. */
export function plannedItems(shots: ReadonlyArray<{ id: string; label: string; action: string; frames: number }>): PlayItem[] {
  let at = 0;
  return shots.map((s) => {
    const item: PlayItem = {
      shotId: s.id,
      label: s.label,
      recordIn: at,
      recordOut: at + Math.max(1, s.frames),
      video: null,
      still: { src: null, title: s.label, detail: s.action },
    };
    at = item.recordOut;
    return item;
  });
}
