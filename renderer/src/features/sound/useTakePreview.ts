// Listening to one take of a line or an effect on its own (from the lane's popover or the
// inspector): one at a time across the app, a second press stops it.
import { useCallback, useSyncExternalStore } from 'react';
import { useMediaUrl } from '../../api/takes';
import { useUi } from '../../stores/ui';

let audio: HTMLAudioElement | null = null;
let playing: string | null = null;
const listeners = new Set<() => void>();
const announce = (relPath: string | null) => {
  playing = relPath;
  listeners.forEach((l) => l());
};
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useTakePreview(): { playing: string | null; toggle: (relPath: string) => void } {
  const mediaUrl = useMediaUrl();
  const now = useSyncExternalStore(subscribe, () => playing);
  const toggle = useCallback(
    (relPath: string) => {
      const was = playing;
      audio?.pause();
      announce(null);
      const url = mediaUrl(relPath);
      if (was === relPath || !url) return;
      audio = new Audio(url);
      audio.onended = () => announce(null);
      announce(relPath);
      audio.play().catch(() => {
        announce(null);
        useUi.getState().notify('error', `Could not play ${relPath}: the file is missing or not sound. Make the take again.`);
      });
    },
    [mediaUrl],
  );
  return { playing: now, toggle };
}
