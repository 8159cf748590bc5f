// Small cuts for the player's unit tests.
import type { PlayItem } from './items';

/** Items of these lengths (frames); `video` marks which have a take (played in full, no trim). */
export function cut(lengths: number[], video: (i: number) => Partial<NonNullable<PlayItem['video']>> | null = () => null): PlayItem[] {
  let at = 0;
  return lengths.map((len, i) => {
    const v = video(i);
    const item: PlayItem = {
      shotId: `s${i}`,
      label: `1${String.fromCharCode(65 + i)}`,
      recordIn: at,
      recordOut: at + len,
      video: v ? { src: `m${i}.mp4`, takeId: `t${i}`, sourceIn: 0, playFrames: len, ...v } : null,
      still: { src: null, title: `1${String.fromCharCode(65 + i)}`, detail: '' },
    };
    at += len;
    return item;
  });
}
