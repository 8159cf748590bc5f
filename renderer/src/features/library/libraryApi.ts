// react-query hooks for the library and each shot's slots and keyframes. The core's
// `project.changed` names the tables an edit touched; these keys are refetched when any of
// theirs (or shots, whose prompts decide where a tag is used) changed.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { ShotRefs } from '../../../../shared/domain/library';
import { refInfo } from '../../../../shared/domain/library';
import { call, subscribe } from '../../api/client';
import { useLibraryUi } from './store';

export const libraryKeys = {
  all: ['library'] as const,
  list: ['library', 'list'] as const,
  refs: ['library', 'refs'] as const,
  thumb: (sha: string) => ['library', 'thumb', sha] as const,
  preview: (imageId: string) => ['library', 'preview', imageId] as const,
};

const WATCHED = ['library_items', 'library_images', 'shot_refs', 'shot_keyframes', 'shots'];

export function useLibrary(enabled = true) {
  return useQuery({ queryKey: libraryKeys.list, queryFn: () => call('library.list', {}), enabled });
}

export function useAllShotRefs(enabled = true) {
  return useQuery({ queryKey: libraryKeys.refs, queryFn: () => call('refs.all', {}), enabled });
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

/** Keeps library data fresh and collects import progress; mount once per workspace. */
export function useLibraryEvents() {
  const qc = useQueryClient();
  useEffect(() => {
    const offs = [
      subscribe('project.changed', ({ tables }) => {
        if (tables.some((t) => WATCHED.includes(t))) {
          void qc.invalidateQueries({ queryKey: libraryKeys.list });
          void qc.invalidateQueries({ queryKey: libraryKeys.refs });
        }
      }),
      subscribe('project.opened', () => {
        useLibraryUi.getState().reset();
        void qc.invalidateQueries({ queryKey: libraryKeys.all });
      }),
      subscribe('library.importProgress', (p) => useLibraryUi.getState().progress(p)),
    ];
    return () => offs.forEach((off) => off());
  }, [qc]);
}
