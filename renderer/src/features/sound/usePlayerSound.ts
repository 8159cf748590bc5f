// Feeds the player what it mixes: the music beds (with their media URLs) and the duck amount, and
// each lane's gain from the mute, solo and level controls.
import { useEffect } from 'react';
import { DEFAULT_DUCK_DB, type Interval } from '../../../../shared/domain/sound';
import { useMediaUrl } from '../../api/takes';
import type { PlayerEngine } from '../player/engine';
import type { BedSource } from '../player/musicSchedule';
import { laneGains } from './mix';
import { useMusic } from './soundApi';
import { useSoundUi } from './store';

/** Where dialogue sounds on the cut, for the music to duck under. Voices are not built yet: none. */
const NO_DIALOGUE: readonly Interval[] = [];

export function usePlayerSound(engine: PlayerEngine | null): void {
  const music = useMusic();
  const mediaUrl = useMediaUrl();
  const mix = useSoundUi((s) => s.mix);
  useEffect(() => {
    if (!engine) return;
    const beds = (music.data?.beds ?? []).flatMap((b): BedSource[] => {
      const url = mediaUrl(b.relPath);
      return url ? [{ ...b, url }] : [];
    });
    engine.setMusic(beds, music.data?.duckDb ?? DEFAULT_DUCK_DB, NO_DIALOGUE);
  }, [engine, music.data, mediaUrl]);
  useEffect(() => engine?.setMix(laneGains(mix)), [engine, mix]);
}
