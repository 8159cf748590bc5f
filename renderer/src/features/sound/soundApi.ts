// react-query hooks for the sound lanes: the music beds (refreshed by coreEvents when the
// `music_beds` or `project` tables change, undo included), every shot's lines and effect cues
// (refreshed by any edit, undo and finished job), waveforms (a file's never change), and the
// edits, each drawn at once and put right by the refetch that follows.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PEAKS_PER_SECOND, type MusicBed, type ShotSound } from '../../../../shared/domain/sound';
import { plural } from '../../../../shared/domain/words';
import type { ChannelInput } from '../../../../shared/contract';
import type { GenerateResult } from '../../../../shared/domain/jobs';
import { call, errorMessage } from '../../api/client';
import { readQuery } from '../../api/queries';
import { useUi } from '../../stores/ui';
import type { BedPatch } from './edit';

export const soundKeys = {
  music: ['music'] as const,
  shots: ['sound', 'shots'] as const,
  waveform: (relPath: string, perSecond: number) => ['sound', 'waveform', relPath, perSecond] as const,
};

const musicQuery = readQuery(soundKeys.music, 'music.list', {});
const shotSoundsQuery = readQuery(soundKeys.shots, 'sound.shots', {});

export function useMusic() {
  return useQuery(musicQuery);
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

export function useShotSounds() {
  return useQuery(shotSoundsQuery);
}

type ShotSoundChannel = 'sound.circle' | 'sound.setLineOffset' | 'sound.fixOverrun' | 'sfx.add' | 'sfx.update' | 'sfx.remove';

/** An edit of a shot's sound; a refusal becomes a toast, and the shots' sound is read again after. */
export function useShotSoundEdit<C extends ShotSoundChannel>(
  channel: C,
  optimistic?: (all: Record<string, ShotSound>, input: ChannelInput<C>) => Record<string, ShotSound>,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => call(channel, input),
    onMutate: (input: ChannelInput<C>) => {
      const all = optimistic && qc.getQueryData<Record<string, ShotSound>>(soundKeys.shots);
      if (all) qc.setQueryData(soundKeys.shots, optimistic(all, input));
    },
    onError: (err) => useUi.getState().notify('error', errorMessage(err)),
    onSettled: () => qc.invalidateQueries({ queryKey: soundKeys.shots }),
  });
}

/** A line dragged along its lane starts there at once, before the core answers. */
export function useSetLineOffset() {
  return useShotSoundEdit('sound.setLineOffset', (all, { shotId, index, offsetS }) => {
    const s = all[shotId];
    if (!s || offsetS === null) return all;
    return { ...all, [shotId]: { ...s, lines: s.lines.map((l) => (l.index === index ? { ...l, offsetS, startS: offsetS } : l)) } };
  });
}

/** What a sound job command did: how many queued, and each shot left out with why. */
export function queuedText(r: GenerateResult, noun: string): string {
  const queued = r.jobIds.length ? `Queued ${plural(r.jobIds.length, noun)}.` : `No ${noun}s queued.`;
  return r.skipped.length ? `${queued} Left out: ${r.skipped.map((s) => `${s.label} (${s.reason})`).join('; ')}` : queued;
}

/** The same in a toast, for commands run away from the inspector. */
export function sayQueued(r: GenerateResult, noun: string): void {
  useUi.getState().notify(r.skipped.length ? 'error' : 'info', queuedText(r, noun));
}
