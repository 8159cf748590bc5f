// Feeds the player what it mixes: the music beds (with their media URLs) ducking under the
// dialogue, the spoken lines and effects as clips, which shots keep their take's own sound
// silent, and each lane's gain from the mute, solo and level controls.
import { useEffect, useMemo } from 'react';
import { DEFAULT_DUCK_DB } from '../../../../shared/domain/sound';
import { useMediaUrl } from '../../api/takes';
import type { PlayerEngine } from '../player/engine';
import type { PlayItem } from '../player/items';
import type { BedSource } from '../player/musicSchedule';
import { laneClips, type LaneClip, type LanePlan } from './laneClips';
import { laneGains } from './mix';
import { useMusic, useShotSounds } from './soundApi';
import { useSoundUi } from './store';

/** The dialogue and effects lanes of the cut the player plays. */
export function useLanePlan(items: readonly PlayItem[]): LanePlan {
  const sounds = useShotSounds();
  return useMemo(() => laneClips(items, sounds.data), [items, sounds.data]);
}

export function usePlayerSound(engine: PlayerEngine | null, items: readonly PlayItem[]): void {
  const music = useMusic();
  const sounds = useShotSounds();
  const plan = useLanePlan(items);
  const mediaUrl = useMediaUrl();
  const mix = useSoundUi((s) => s.mix);
  useEffect(() => {
    if (!engine) return;
    const beds = (music.data?.beds ?? []).flatMap((b): BedSource[] => {
      const url = mediaUrl(b.relPath);
      return url ? [{ ...b, url }] : [];
    });
    engine.setMusic(beds, music.data?.duckDb ?? DEFAULT_DUCK_DB, plan.speech);
  }, [engine, music.data, mediaUrl, plan.speech]);
  useEffect(() => {
    if (!engine) return;
    const sources = (clips: LaneClip[]) =>
      clips.flatMap((c): BedSource[] => {
        const url = mediaUrl(c.take.relPath);
        return url ? [{ id: c.id, url, atS: c.atS, trimInS: 0, lengthS: c.lengthS, gainDb: c.gainDb, fadeInS: 0, fadeOutS: 0 }] : [];
      });
    engine.setClips('dialogue', sources(plan.dialogue));
    engine.setClips('effects', sources(plan.effects));
  }, [engine, plan, mediaUrl]);
  useEffect(() => {
    const silent = Object.values(sounds.data ?? {}).filter((s) => s.mode === 'dialogue');
    engine?.setSilentTakes(new Set(silent.map((s) => s.shotId)));
  }, [engine, sounds.data]);
  useEffect(() => engine?.setMix(laneGains(mix)), [engine, mix]);
}
