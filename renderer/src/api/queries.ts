// react-query hooks for everything the renderer reads from the core. Data from main lives here
// only; the core's events (see useCoreEvents) invalidate these keys, so nothing polls.
import { queryOptions, useQuery, type QueryKey } from '@tanstack/react-query';
import type { Channel, ChannelInput } from '../../../shared/contract';
import { call } from './client';

export const keys = {
  appInfo: ['app', 'info'] as const,
  current: ['project', 'current'] as const,
  recent: ['project', 'recent'] as const,
  snapshot: ['project', 'snapshot'] as const,
  history: ['history'] as const,
};

/**
 * A read as a query: its key and the contract call that answers it, shared by its hook and the
 * first screen's seeding (which finds the read sent early by `meta.channel`).
 */
export function readQuery<C extends Channel>(queryKey: QueryKey, channel: C, input: ChannelInput<C>) {
  return queryOptions({ queryKey, queryFn: () => call(channel, input), meta: { channel } });
}

export const appInfoQuery = readQuery(keys.appInfo, 'app.info', {});
export const currentProjectQuery = readQuery(keys.current, 'project.current', {});
export const snapshotQuery = readQuery(keys.snapshot, 'project.snapshot', {});
const historyQuery = readQuery(keys.history, 'history.state', {});

export function useAppInfo() {
  return useQuery({ ...appInfoQuery, staleTime: Infinity });
}

export function useCurrentProject() {
  return useQuery(currentProjectQuery);
}

export function useRecentProjects() {
  return useQuery({ queryKey: keys.recent, queryFn: () => call('project.recent', {}) });
}

/** The whole open project (project, scenes, shots) in one read; `enabled` only with a project open. */
export function useSnapshot(enabled = true) {
  return useQuery({ ...snapshotQuery, enabled });
}

export function useHistoryState(enabled = true) {
  return useQuery({ ...historyQuery, enabled });
}
