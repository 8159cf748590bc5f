// The player's place above the timeline: the cut as it plays (features/player).
import type { ProjectSnapshot } from '../../../../shared/domain/types';
import type { TimelineModel } from '../../lib/timeline';
import { Player } from '../player/Player';

export function PlayerArea({ snapshot, model }: { snapshot: ProjectSnapshot; model: TimelineModel }) {
  return <Player snapshot={snapshot} model={model} />;
}
