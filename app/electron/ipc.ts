// The one place that registers IPC handlers. Each contract channel gets a handler that checks
// who is asking, then hands the raw input to the core, which parses it with the contract's zod
// schema and returns the result envelope. Core events go back to the window on one channel.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Channel, EventMap, EventName, Result } from '../../shared/contract';
import { contract } from '../../shared/contract';
import type { Core } from '../core/services/core';
import { EVENT_CHANNEL, invokeChannel } from './channels';
import { isAppUrl } from './policy';

export type WindowRef = () => BrowserWindow | null;

/**
 * Only our main window's top frame, showing our own app:// page, may call the core. A subframe,
 * a page that somehow navigated elsewhere, or any other webContents is refused.
 */
function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  if (!win || win.isDestroyed() || event.sender !== win.webContents) return false;
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

export function sendEvent<E extends EventName>(win: BrowserWindow | null, event: E, payload: EventMap[E]): void {
  if (!win || win.isDestroyed()) return;
  win.webContents.send(EVENT_CHANNEL, { event, payload });
}

/** Registers every channel and starts forwarding core events; returns the undo of both. */
export function registerIpc(core: Core, getWindow: WindowRef): () => void {
  const channels = Object.keys(contract) as Channel[];
  for (const channel of channels) {
    ipcMain.handle(invokeChannel(channel), async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, getWindow())) {
        const from = event.senderFrame?.url ?? 'an unknown frame';
        console.warn(`[shotline] refused ${channel} from ${from.slice(0, 200)}`);
        return { ok: false, error: { kind: 'internal', message: `Refused ${channel}: the request did not come from the Shotline window.` } };
      }
      return core.handle(channel, input);
    });
  }
  const stopForwarding = core.on((event, payload) => sendEvent(getWindow(), event, payload));
  return () => {
    stopForwarding();
    for (const channel of channels) ipcMain.removeHandler(invokeChannel(channel));
  };
}
