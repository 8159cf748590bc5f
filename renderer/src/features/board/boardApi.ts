// The board's commands: frames for some shots or for every shot without one, and the frame tool.
// Refusals (over budget, no key) become toasts through useJobAction; left-out shots open the
// same dialog Generate all drafts uses.
import { plural } from '../../../../shared/domain/words';
import { useUi } from '../../stores/ui';
import { useJobAction } from '../queue/jobsApi';
import { useQueueUi } from '../queue/store';

export function useFramesGenerate() {
  return useJobAction('frames.generate', (r) => {
    if (r.shots > 0) useUi.getState().notify('info', `Queued ${plural(r.jobIds.length, 'frame')} for ${plural(r.shots, 'shot')}.`);
    if (r.skipped.length > 0) useQueueUi.getState().setSkipped(r.skipped, r.shots, 'frames');
  });
}

export function useSetFrameTool() {
  const set = useJobAction('settings.setGeneration');
  return { set: (frameTool: string) => set.mutate({ frameTool }), isPending: set.isPending };
}
