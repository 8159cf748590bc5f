// Creating and opening projects. On success the current project goes straight into the cache
// (the core's `project.opened` event follows and confirms it).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProjectInfo } from '../../../../shared/domain/types';
import { call } from '../../api/client';
import { keys } from '../../api/queries';
import { EMPTY_SELECTION } from '../../lib/selection';
import { useUi } from '../../stores/ui';

function useOnOpened() {
  const qc = useQueryClient();
  return (project: ProjectInfo) => {
    useUi.getState().setSelection(EMPTY_SELECTION);
    useUi.getState().setProjectDialog(null);
    qc.setQueryData(keys.current, project);
    void qc.invalidateQueries({ queryKey: keys.snapshot });
    void qc.invalidateQueries({ queryKey: keys.recent });
    void qc.invalidateQueries({ queryKey: keys.history });
  };
}

export function useCreateProject() {
  const onOpened = useOnOpened();
  return useMutation({ mutationFn: (input: { parentDir: string; title: string }) => call('project.create', input), onSuccess: onOpened });
}

export function useOpenProjectPath() {
  const onOpened = useOnOpened();
  return useMutation({ mutationFn: (path: string) => call('project.open', { path }), onSuccess: onOpened });
}

export async function pickFolder(): Promise<string | null> {
  return call('app.pickFolder', {});
}
