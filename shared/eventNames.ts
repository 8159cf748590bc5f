// Event names at run time, apart from the contract: what reads them (the preload, the devhost's
// bridge) runs before the page's own scripts, and loading the contract's zod schemas there cost
// a fifth of a second of every window's first paint.
import type { EventName } from './contract';

/** Every event name once; `satisfies` makes a new event in EventMap fail to compile until listed. */
const EVENT_NAMES = {
  'project.changed': true,
  'project.opened': true,
  'history.changed': true,
  'menu.command': true,
  'library.importProgress': true,
  'cut.animaticProgress': true,
  'jobs.changed': true,
  'jobs.progress': true,
  'jobs.preparing': true,
  'jobs.batchFinished': true,
  'jobs.engine': true,
  'export.progress': true,
} satisfies Record<EventName, true>;

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(EVENT_NAMES, name);
}
