// Turns the core's pushed events into cache updates. `project.changed` names the tables an
// edit touched; any of them can change what the snapshot shows, so the snapshot is refetched.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { subscribe } from './client';
import { keys } from './queries';

export function useCoreEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const offs = [
      subscribe('project.changed', ({ tables }) => {
        void qc.invalidateQueries({ queryKey: keys.snapshot });
        if (tables.includes('project') || tables.includes('projects')) void qc.invalidateQueries({ queryKey: keys.current });
      }),
      subscribe('project.opened', ({ project }) => {
        qc.setQueryData(keys.current, project);
        void qc.invalidateQueries({ queryKey: keys.snapshot });
        void qc.invalidateQueries({ queryKey: keys.recent });
        void qc.invalidateQueries({ queryKey: keys.history });
      }),
      subscribe('history.changed', (state) => {
        qc.setQueryData(keys.history, state);
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [qc]);
}
