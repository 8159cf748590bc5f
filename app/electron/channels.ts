// IPC channel names shared by the preload and `ipc.ts`. Kept free of imports so the sandboxed
// preload bundle stays tiny. The `shotline:` prefix keeps our channels apart from Electron's
// own internal ones and makes a stray `ipcMain.handle` elsewhere easy to spot.
import type { Channel } from '../../shared/contract';

/** The one channel main uses to push `{ event, payload }` envelopes to the renderer. */
export const EVENT_CHANNEL = 'shotline:event';

export function invokeChannel(channel: Channel): string {
  return `shotline:${channel}`;
}
