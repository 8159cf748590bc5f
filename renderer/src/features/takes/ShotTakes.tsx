// The take browser as the inspector mounts it: works out the project's frame ratio and the
// shot after this one (a grabbed frame's natural target) from the snapshot.
import type { Shot } from '../../../../shared/domain/types';
import { useSnapshot } from '../../api/queries';
import { ratioValue } from '../../lib/labels';
import { timelineOf } from '../../lib/timeline';
import { TakeBrowser } from './TakeBrowser';

export function ShotTakes({ shot }: { shot: Shot }) {
  const snapshot = useSnapshot().data;
  const model = snapshot ? timelineOf(snapshot) : null;
  if (!snapshot || !model) return null;
  const next = model.order[(model.indexOf.get(shot.id) ?? -2) + 1];
  const nextShot = next ? model.shotById.get(next) : undefined;
  return <TakeBrowser shot={shot} ratio={ratioValue(snapshot.project.aspectRatio)} nextShot={nextShot ? { id: nextShot.id, label: nextShot.label } : null} />;
}
