// react-query hooks for takes and the cut. Every edit comes back as `project.changed` (takes,
// reviews, QC, fits, shots, keyframes) or `jobs.changed` with new takes; coreEvents.ts invalidates
// everything under the 'takes' and 'cut' keys for both, since the cut depends on all of them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ChannelInput } from '../../../shared/contract';
import { call, errorMessage } from './client';
import { readQuery, useAppInfo } from './queries';
import { useUi } from '../stores/ui';

export const takeKeys = {
  all: ['takes'] as const,
  list: (shotId: string, includeRejected: boolean) => ['takes', 'list', shotId, includeRejected] as const,
  strips: ['takes', 'strips'] as const,
  cut: ['cut'] as const,
  playback: ['cut', 'playback'] as const,
  fits: ['cut', 'fits'] as const,
  usableCost: ['cut', 'usableCost'] as const,
};

export function useTakes(shotId: string, includeRejected = true) {
  return useQuery({ queryKey: takeKeys.list(shotId, includeRejected), queryFn: () => call('takes.list', { shotId, includeRejected }) });
}

export const takeStripsQuery = readQuery(takeKeys.strips, 'takes.strips', {});
export const playbackCutQuery = readQuery(takeKeys.playback, 'cut.playback', {});
const usableCostQuery = readQuery(takeKeys.usableCost, 'cut.usableCost', {});

export function useTakeStrips() {
  return useQuery(takeStripsQuery);
}

export function usePlaybackCut() {
  return useQuery(playbackCutQuery);
}

export function useFits() {
  return useQuery({ queryKey: takeKeys.fits, queryFn: () => call('cut.fits', {}) });
}

export function useUsableCost() {
  return useQuery(usableCostQuery);
}

/** `relPath` (`media/ab/….mp4`) as a URL the page can load; null until the app info is in. */
export function useMediaUrl(): (relPath: string | null | undefined) => string | null {
  const base = useAppInfo().data?.mediaBase;
  return useCallback((relPath) => (relPath && base !== undefined ? base + relPath : null), [base]);
}

type TakeChannel = 'takes.select' | 'takes.rate' | 'takes.reject' | 'takes.delete' | 'takes.makeFinal' | 'takes.grabFrame' | 'takes.qc' | 'cut.setFit';

/** A contract call whose failure becomes a toast (the message already says what to do). */
export function useTakeAction<C extends TakeChannel>(channel: C) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => call(channel, input),
    onError: (err) => useUi.getState().notify('error', errorMessage(err)),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: takeKeys.all });
      void qc.invalidateQueries({ queryKey: takeKeys.cut });
    },
  });
}
