// The open project's saved versions. Versions are files, not rows, so no `project.changed` event
// names them: the list is read again each time the dialog opens and after each action.
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

export const versionKeys = { list: ['versions', 'list'] as const };

export function useVersions(enabled: boolean) {
  return useQuery({ queryKey: versionKeys.list, queryFn: () => call('versions.list', {}), enabled, staleTime: 0 });
}
