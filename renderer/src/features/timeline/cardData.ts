// What each shot card shows beyond its shot (takes, the clip the cut plays, the start keyframe,
// jobs, dialogue overrun, the cost plan), read by the timeline with one subscription per query
// and handed to the cards. Eleven observers in each of 40 mounted cards made react-query the
// largest cost of the timeline's first paint after React itself.
import { useMemo, useRef } from 'react';
import type { ShotPlan } from '../../../../shared/domain/jobs';
import type { Keyframe } from '../../../../shared/domain/library';
import type { PlaybackClip } from '../../../../shared/domain/playback';
import type { ShotTakes } from '../../../../shared/domain/takes';
import { useMediaUrl, usePlaybackCut, useTakeStrips } from '../../api/takes';
import { useAllShotRefs } from '../library/libraryApi';
import { shotJobsOf, shotPlanOf, useCostPlan, useJobProgress, useJobs, type ShotJobs } from '../queue/jobsApi';
import { useShotSounds } from '../sound/soundApi';
import { clipOf } from '../takes/CardTakes';

export interface CardData {
  strip: ShotTakes | undefined;
  /** The shot's clip in the cut as it plays. */
  clip: PlaybackClip | undefined;
  start: Keyframe | null;
  jobs: ShotJobs | undefined;
  /** How far the shot's dialogue runs past its end; 0 when it fits. */
  overrunS: number;
  plan: { shot: ShotPlan; takes: number } | undefined;
  mediaUrl: (relPath: string | null | undefined) => string | null;
}

/**
 * A card's data by shot id. An entry keeps its identity while its parts do (react-query keeps
 * unchanged parts of a refetch), so a memoised card re-renders only when its own data changed.
 */
export function useCardData(): (shotId: string) => CardData {
  const strips = useTakeStrips().data;
  const cut = usePlaybackCut().data;
  const refs = useAllShotRefs().data;
  const jobs = shotJobsOf(useJobs().data, useJobProgress());
  const sounds = useShotSounds().data;
  const plan = useCostPlan().data;
  const mediaUrl = useMediaUrl();
  const kept = useRef(new Map<string, CardData>());
  return useMemo(() => {
    const before = kept.current;
    const now = new Map<string, CardData>();
    kept.current = now;
    return (shotId: string) => {
      const made = now.get(shotId);
      if (made) return made;
      const fresh: CardData = {
        strip: strips?.[shotId],
        clip: clipOf(cut, shotId),
        start: refs?.[shotId]?.start ?? null,
        jobs: jobs.get(shotId),
        overrunS: sounds?.[shotId]?.overrunS ?? 0,
        plan: shotPlanOf(plan, shotId),
        mediaUrl,
      };
      const old = before.get(shotId);
      const data = old && sameParts(old, fresh) ? old : fresh;
      now.set(shotId, data);
      return data;
    };
  }, [strips, cut, refs, jobs, sounds, plan, mediaUrl]);
}

function sameParts(a: CardData, b: CardData): boolean {
  return (
    a.strip === b.strip &&
    a.clip === b.clip &&
    a.start === b.start &&
    a.jobs === b.jobs &&
    a.overrunS === b.overrunS &&
    a.plan?.shot === b.plan?.shot &&
    a.plan?.takes === b.plan?.takes &&
    a.mediaUrl === b.mediaUrl
  );
}
