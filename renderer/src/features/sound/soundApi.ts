// react-query hooks for the sound lanes: the music beds (refreshed by coreEvents when the
// `music_beds` or `project` tables change, undo included), waveforms (a file's never change), and
// the edits, each drawn at once and put right by the refetch that follows.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MusicBed } from '../../../../shared/domain/sound';
import { call, errorMessage } from '../../api/client';
import { useUi } from '../../stores/ui';
import type { BedPatch } from './edit';

export const soundKeys = {
  music: ['music'] as const,
  waveform: (relPath: string, perSecond: number) => ['sound', 'waveform', relPath, perSecond] as const,
};

/** Peaks a second the lanes ask for: enough for a bed several minutes long drawn a few hundred pixels wide. */
export const PEAKS_PER_SECOND = 50;

export function useMusic() {
  return useQuery({ queryKey: soundKeys.music, queryFn: () => call('music.list', {}) });
}

export function useWaveform(relPath: string | null) {
  return useQuery({
    queryKey: soundKeys.waveform(relPath ?? '', PEAKS_PER_SECOND),
    queryFn: () => call('sound.waveform', { relPath: relPath!, perSecond: PEAKS_PER_SECOND }),
    enabled: !!relPath,
    staleTime: Infinity,
    retry: false,
  });
}

type MusicList = { beds: MusicBed[]; duckDb: number };

function useMusicMutation<I>(run: (input: I) => Promise<unknown>, optimistic?: (list: MusicList, input: I) => MusicList) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onMutate: (input: I) => {
      if (!optimistic) return;
      const list = qc.getQueryData<MusicList>(soundKeys.music);
      if (list) qc.setQueryData(soundKeys.music, optimistic(list, input));
    },
    onError: (err) => useUi.getState().notify('error', errorMessage(err)),
    onSettled: () => qc.invalidateQueries({ queryKey: soundKeys.music }),
  });
}

export function useUpdateBed() {
  return useMusicMutation(
    ({ id, patch }: { id: string; patch: BedPatch }) => call('music.update', { id, patch }),
    (list, { id, patch }) => ({ ...list, beds: list.beds.map((b) => (b.id === id ? { ...b, ...patch } : b)) }),
  );
}

export function useRemoveBed() {
  return useMusicMutation(
    ({ id }: { id: string; name: string }) => call('music.remove', { id }),
    (list, { id }) => ({ ...list, beds: list.beds.filter((b) => b.id !== id) }),
  );
}

export function useSetDuck() {
  return useMusicMutation(
    (duckDb: number) => call('music.setDuck', { duckDb }),
    (list, duckDb) => ({ ...list, duckDb }),
  );
}
