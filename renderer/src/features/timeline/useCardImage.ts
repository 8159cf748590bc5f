// What a shot card's frame shows once there is something to show: the frame of the take the cut
// plays (circled, else the newest not rejected), else the start keyframe. Both come from queries
// shared by every card; only a keyframe thumbnail is fetched per image, and cached for good.
import { useMediaUrl, useTakeStrips } from '../../api/takes';
import { useShotRefs, useThumbnail } from '../library/libraryApi';

export interface CardImage {
  src: string;
  /** Said in the frame's tooltip and to screen readers. */
  what: string;
}

export function useCardImage(shotId: string): CardImage | null {
  const strips = useTakeStrips();
  const mediaUrl = useMediaUrl();
  const start = useShotRefs(shotId).start;
  const takes = (strips.data?.[shotId]?.takes ?? []).filter((t) => !t.rejected);
  const playing = takes.find((t) => t.selected) ?? takes.at(-1);
  const takeSrc = mediaUrl(playing?.thumbRelPath);
  const keyframe = useThumbnail(takeSrc ? null : start?.thumbSha256).data;
  if (playing && takeSrc) return { src: takeSrc, what: `take ${playing.number}${playing.selected ? ' (circled)' : ''}` };
  if (start && keyframe) return { src: keyframe, what: `start keyframe: ${start.source}` };
  return null;
}
