// Runs sandboxed before the page: exposes `window.shotline` with exactly `invoke` and `on`,
// for the contract's channels and events only. ipcRenderer itself never crosses the bridge, and
// listeners get the payload alone, never Electron's event object (whose `sender` could be used
// to send on arbitrary channels). Bundled to one CommonJS file: a sandboxed preload can
// require nothing but `electron`, so the contract's name checks are inlined by the bundler.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { EventMap, EventName, ShotlineApi } from '../../shared/contract';
import { isChannel, isEventName } from '../../shared/contract';
import { createListeners } from '../../shared/listeners';
import { EVENT_CHANNEL, invokeChannel } from './channels';

// One ipcRenderer listener fans out to every subscriber, so many React hooks subscribing does
// not pile up Electron listeners (and MaxListeners warnings).
const listeners = createListeners<EventName>((event, err) => console.error(`[shotline] a listener for ${event} threw:`, err));

ipcRenderer.on(EVENT_CHANNEL, (_event, message: unknown) => {
  if (typeof message !== 'object' || message === null) return;
  const { event, payload } = message as { event?: unknown; payload?: unknown };
  if (typeof event !== 'string' || !isEventName(event)) return;
  listeners.emit(event, payload);
});

const api: ShotlineApi = {
  invoke(channel, input) {
    // An async rejection rather than a synchronous throw: callers already await and catch.
    if (typeof channel !== 'string' || !isChannel(channel)) {
      return Promise.reject(new Error(`Unknown channel "${String(channel)}": it is not in shared/contract.ts.`));
    }
    return ipcRenderer.invoke(invokeChannel(channel), input);
  },
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) {
    if (typeof event !== 'string' || !isEventName(event)) {
      throw new Error(`Unknown event "${String(event)}": it is not in shared/contract.ts.`);
    }
    if (typeof listener !== 'function') throw new Error(`The listener for "${event}" must be a function.`);
    return listeners.add(event, (payload) => listener(payload as EventMap[E]));
  },
  // Paths of dropped files, so imports read from disk instead of carrying bytes over IPC.
  pathForFile: (file) => (file instanceof File ? webUtils.getPathForFile(file) : ''),
};

contextBridge.exposeInMainWorld('shotline', api);
