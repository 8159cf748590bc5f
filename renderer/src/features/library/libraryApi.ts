// react-query hooks for the library and each shot's slots and keyframes. coreEvents.ts refetches
// them when an edit touched their tables (or shots, whose prompts decide where a tag is used).
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ShotRefs } from '../../../../shared/domain/library';
import { refInfo } from '../../../../shared/domain/library';
import { call } from '../../api/client';
import { readQuery } from '../../api/queries';

export const libraryKeys = {
  all: ['library'] as const,
  list: ['library', 'list'] as const,
  refs: ['library', 'refs'] as const,
  thumb: (sha: string) => ['library', 'thumb', sha] as const,
  preview: (imageId: string) => ['library', 'preview', imageId] as const,
  voices: ['voices', 'elevenlabs'] as const,
};

const libraryQuery = readQuery(libraryKeys.list, 'library.list', {});
export const allShotRefsQuery = readQuery(libraryKeys.refs, 'refs.all', {});

export function useLibrary(enabled = true) {
  return useQuery({ ...libraryQuery, enabled });
}

export function useAllShotRefs(enabled = true) {
  return useQuery({ ...allShotRefsQuery, enabled });
}

const NO_REFS: Record<string, ShotRefs> = {};

export function useShotRefs(shotId: string): ShotRefs {
  const all = useAllShotRefs().data ?? NO_REFS;
  return useMemo(() => all[shotId] ?? { shotId, refs: [], start: null, end: null }, [all, shotId]);
}

/** What validateShot needs to check slots and @tags for one shot. */
export function useShotRefOptions(shotId: string) {
  const refs = useShotRefs(shotId);
  const library = useLibrary().data;
  return useMemo(() => ({ ...refInfo(refs), knownTags: library?.items.map((i) => i.tag) ?? [] }), [refs, library]);
}

/** Thumbnails are content-addressed, so a fetched one never changes. */
export function useThumbnail(sha: string | null | undefined) {
  return useQuery({
    queryKey: libraryKeys.thumb(sha ?? ''),
    queryFn: () => call('library.thumbnail', { sha256: sha! }),
    enabled: !!sha,
    staleTime: Infinity,
    gcTime: 30 * 60_000,
  });
}

/**
 * The ElevenLabs account's voices. Fetched only where `enabled` (an open Voice field); elsewhere
 * (the cards) whatever was fetched last names the voices. The core keeps the list a minute too.
 */
export function useElevenLabsVoices(enabled: boolean) {
  return useQuery({ queryKey: libraryKeys.voices, queryFn: () => call('voices.list', {}), enabled, staleTime: 60_000, retry: false });
}
