import type { EventMap, EventName } from '../../../shared/contract';
import type { Handlers } from './core';
import type { Edit, OpenSession } from './session';

type TakesChannels = Extract<keyof Handlers, `takes.${string}` | `cut.${string}`>;

export interface TakesDeps {
  current: () => OpenSession;
  emit: <E extends EventName>(event: E, payload: EventMap[E]) => void;
}

const todo = () => {
  throw new Error('not implemented yet');
};

export function takesHandlers(_edit: Edit, _deps: TakesDeps): Pick<Handlers, TakesChannels> {
  return {
    'takes.list': todo,
    'takes.strips': todo,
    'takes.select': todo,
    'takes.rate': todo,
    'takes.reject': todo,
    'takes.delete': todo,
    'takes.makeFinal': todo,
    'takes.grabFrame': todo,
    'takes.qc': todo,
    'cut.playback': todo,
    'cut.setFit': todo,
    'cut.fits': todo,
    'cut.usableCost': todo,
    'cut.renderAnimatic': todo,
    'cut.cancelAnimatic': todo,
  };
}
