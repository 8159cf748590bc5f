// The Electron binary cannot run on build machines, so the shell's wiring is exercised here
// against a stand-in `electron` module: the app:// handler, the IPC sender check and the
// preload bridge, each through the same entry points Electron would call.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ShotlineApi } from '../../shared/contract';
import type { Core } from '../core/services/core';
import { EVENT_CHANNEL } from './channels';
import { CONTENT_SECURITY_POLICY, RENDERER_ENTRY_URL } from './policy';

type Handler = (...args: unknown[]) => unknown;
const fake = vi.hoisted(() => ({
  protocolHandlers: new Map<string, (req: Request) => Promise<Response>>(),
  ipcHandlers: new Map<string, Handler>(),
  rendererListeners: new Map<string, Handler>(),
  invoked: [] as unknown[][],
  exposed: new Map<string, unknown>(),
}));

vi.mock('electron', () => ({
  protocol: { registerSchemesAsPrivileged: vi.fn() },
  ipcMain: {
    handle: (channel: string, fn: Handler) => fake.ipcHandlers.set(channel, fn),
    removeHandler: (channel: string) => fake.ipcHandlers.delete(channel),
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      fake.invoked.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
    on: (channel: string, fn: Handler) => fake.rendererListeners.set(channel, fn),
  },
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  webUtils: { getPathForFile: (file: File) => `/dropped/${file.name}` },
}));

const { serveRenderer } = await import('./protocol');
const { registerIpc } = await import('./ipc');

describe('app:// protocol', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shotline-protocol-'));
  const rendererDir = path.join(dir, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Shotline</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'secret.txt'), 'keys');
  symlinkSync(path.join(dir, 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const session = { protocol: { handle: (scheme: string, fn: (req: Request) => Promise<Response>) => fake.protocolHandlers.set(scheme, fn) } };
  serveRenderer(session as never, rendererDir);
  const get = (url: string, method = 'GET') => fake.protocolHandlers.get('app')!(new Request(url, { method }));

  it('serves the renderer with the CSP header and an explicit type', async () => {
    const res = await get(RENDERER_ENTRY_URL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Shotline</title>');
    const js = await get('app://shotline/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for missing files, escapes and symlinks out of the folder', async () => {
    for (const url of ['app://shotline/nope.js', 'app://shotline/..%2fsecret.txt', 'app://shotline/assets/link.txt', 'app://shotline/assets']) {
      expect((await get(url)).status, url).toBe(404);
    }
  });

  it('refuses writes', async () => {
    expect((await get(RENDERER_ENTRY_URL, 'POST')).status).toBe(405);
  });
});

describe('IPC registration', () => {
  const mainFrame = { parent: null, url: RENDERER_ENTRY_URL };
  const webContents = { send: vi.fn() };
  const win = { isDestroyed: () => false, webContents };
  let coreListener: Handler = () => {};
  const core = {
    handle: vi.fn((channel: string, input: unknown) => Promise.resolve({ ok: true, value: { channel, input } })),
    on: (fn: Handler) => {
      coreListener = fn;
      return () => {};
    },
  };
  const dispose = registerIpc(core as unknown as Core, () => win as never);
  const call = (channel: string, event: object, input: unknown = {}) => fake.ipcHandlers.get(`shotline:${channel}`)!(event, input);

  beforeEach(() => core.handle.mockClear());

  it('registers one handler per contract channel and passes input to the core', async () => {
    expect(fake.ipcHandlers.has('shotline:app.info')).toBe(true);
    expect(fake.ipcHandlers.has('shotline:shot.update')).toBe(true);
    const result = await call('shot.add', { sender: webContents, senderFrame: mainFrame }, { sceneId: 's1' });
    expect(result).toEqual({ ok: true, value: { channel: 'shot.add', input: { sceneId: 's1' } } });
  });

  it('refuses subframes, other pages and other webContents without reaching the core', async () => {
    const events = [
      { sender: webContents, senderFrame: { parent: mainFrame, url: RENDERER_ENTRY_URL } },
      { sender: webContents, senderFrame: { parent: null, url: 'https://evil.example/' } },
      { sender: webContents, senderFrame: null },
      { sender: { send: vi.fn() }, senderFrame: mainFrame },
    ];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const event of events) {
      expect(await call('app.info', event)).toMatchObject({ ok: false, error: { kind: 'internal' } });
    }
    expect(core.handle).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(events.length);
    warn.mockRestore();
  });

  it('forwards core events to the window as one envelope', () => {
    coreListener('history.changed', { canUndo: true });
    expect(webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, { event: 'history.changed', payload: { canUndo: true } });
  });

  it('removes every handler on dispose', () => {
    dispose();
    expect([...fake.ipcHandlers.keys()].filter((k) => k.startsWith('shotline:'))).toEqual([]);
  });
});

describe('preload bridge', async () => {
  await import('./preload');
  const api = fake.exposed.get('shotline') as ShotlineApi;
  const unsafe = api as unknown as { invoke(c: string, i: unknown): Promise<unknown>; on(e: string, l: () => void): () => void };
  const deliver = (message: unknown) => fake.rendererListeners.get(EVENT_CHANNEL)!({ sender: 'electron-event' }, message);

  it('exposes exactly invoke, on and pathForFile', () => {
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'pathForFile']);
  });

  it('gives the path of a dropped File and nothing for anything else', () => {
    expect(api.pathForFile?.(new File(['x'], 'mara.png'))).toBe('/dropped/mara.png');
    expect(api.pathForFile?.({ name: 'fake' })).toBe('');
  });

  it('invokes contract channels only', async () => {
    await api.invoke('app.info', {});
    expect(fake.invoked.at(-1)).toEqual(['shotline:app.info', {}]);
    await expect(unsafe.invoke('fs.readFile', {})).rejects.toThrow(/Unknown channel "fs.readFile"/);
    expect(() => unsafe.on('ipc.anything', () => {})).toThrow(/Unknown event/);
  });

  it('hands listeners the payload alone, for their event only, until unsubscribed', () => {
    const seen: unknown[] = [];
    const off = api.on('menu.command', (payload) => seen.push(payload));
    deliver({ event: 'menu.command', payload: { command: 'edit.undo' } });
    deliver({ event: 'history.changed', payload: { canUndo: false } });
    deliver('garbage');
    off();
    deliver({ event: 'menu.command', payload: { command: 'edit.redo' } });
    expect(seen).toEqual([{ command: 'edit.undo' }]);
  });
});
