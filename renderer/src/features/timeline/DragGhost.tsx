import type { TimelineModel } from '../../lib/timeline';
import type { DragState } from './useTimelineDrag';

/** What follows the pointer during a drag: the shots' labels, or the scene's name. */
export function DragGhost({ drag, model }: { drag: DragState; model: TimelineModel }) {
  if (drag.kind === 'scene') {
    const scene = model.sceneById.get(drag.sceneId);
    return (
      <div className="drag-ghost">
        Scene {scene?.number} {scene?.name ? `· ${scene.name}` : ''}
      </div>
    );
  }
  const labels = model.order.filter((id) => drag.ids.includes(id)).map((id) => model.shotById.get(id)?.label);
  return (
    <div className="drag-ghost">
      {labels.slice(0, 4).join(', ')}
      {labels.length > 4 ? ` +${labels.length - 4}` : ''}
      <span className="muted"> · {labels.length === 1 ? 'move shot' : `move ${labels.length} shots`}</span>
    </div>
  );
}
