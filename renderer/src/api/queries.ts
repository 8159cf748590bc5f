// react-query hooks for everything the renderer reads from the core. Data from main lives here
// only; the core's events (see useCoreEvents) invalidate these keys, so nothing polls.
import { useQuery } from '@tanstack/react-query';
import { call } from './client';

export const keys = {
  appInfo: ['app', 'info'] as const,
  current: ['project', 'current'] as const,
  recent: ['project', 'recent'] as const,
  snapshot: ['project', 'snapshot'] as const,
  history: ['history'] as const,
};

export function useAppInfo() {
  return useQuery({ queryKey: keys.appInfo, queryFn: () => call('app.info', {}), staleTime: Infinity });
}

export function useCurrentProject() {
  return useQuery({ queryKey: keys.current, queryFn: () => call('project.current', {}) });
}

export function useRecentProjects() {
  return useQuery({ queryKey: keys.recent, queryFn: () => call('project.recent', {}) });
}

/** The whole open project (project, scenes, shots) in one read; `enabled` only with a project open. */
export function useSnapshot(enabled = true) {
  return useQuery({ queryKey: keys.snapshot, queryFn: () => call('project.snapshot', {}), enabled });
}

export function useHistoryState(enabled = true) {
  return useQuery({ queryKey: keys.history, queryFn: () => call('history.state', {}), enabled });
}
