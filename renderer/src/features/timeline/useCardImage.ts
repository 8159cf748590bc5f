// What a shot card's frame shows once there is something to show: the circled storyboard frame
// when no video take is circled, else the frame of the take the cut plays (the cut already picked
// it: circled, else the newest not rejected), else the start keyframe. All but the keyframe come
// with the card's data; a keyframe thumbnail is fetched per image, and cached for good.
import { useThumbnail } from '../library/libraryApi';
import type { CardData } from './cardData';

export interface CardImage {
  src: string;
  /** Said in the frame's tooltip and to screen readers. */
  what: string;
}

export function useCardImage({ strip, clip, start, mediaUrl }: CardData): CardImage | null {
  // With no circled video take, the circled storyboard frame is the shot's picture.
  const frame = strip && !strip.selectedTakeId ? strip.frames.find((f) => f.id === strip.selectedFrameId) : undefined;
  const frameSrc = mediaUrl(frame?.thumbRelPath);
  const playing = clip?.takeId ? strip?.takes.find((t) => t.id === clip.takeId) : undefined;
  const takeSrc = mediaUrl(playing?.thumbRelPath);
  const keyframe = useThumbnail(takeSrc || frameSrc ? null : start?.thumbSha256).data;
  if (frame && frameSrc) return { src: frameSrc, what: `frame ${frame.number} (circled)` };
  if (playing && takeSrc) return { src: takeSrc, what: `take ${playing.number}${clip?.source === 'selected' ? ' (circled)' : ''}` };
  if (start && keyframe) return { src: keyframe, what: `start keyframe: ${start.source}` };
  return null;
}
