// The whole film's estimate (shared/domain/cost.ts), priced once per snapshot: the header, the
// cost panel and the timeline's scene rows all read it, and pricing 500 shots takes some 20 ms.
import { projectCost, type CostBreakdown } from '../../../shared/domain/cost';
import type { ProjectSnapshot } from '../../../shared/domain/types';

const costs = new WeakMap<object, CostBreakdown>();

export function costOf(snapshot: ProjectSnapshot): CostBreakdown {
  let cost = costs.get(snapshot);
  if (!cost) costs.set(snapshot, (cost = projectCost(snapshot)));
  return cost;
}
