// The renderer for provider 'local': one per tool, picked by what the job's model makes
// (`local:animatic` clips, `local:frame` stills).
import type { LocalRenderer } from '../types';
import { animaticRenderer } from './animatic';
import { frameRenderer } from './frame';

export function localRenderer(opts: { env?: Record<string, string | undefined> } = {}): LocalRenderer {
  const clips = animaticRenderer(opts);
  const frames = frameRenderer(opts);
  return {
    provider: 'local',
    render: (req, dest, o) => (req.model.output === 'image' ? frames : clips).render(req, dest, o),
  };
}
