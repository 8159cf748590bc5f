// The shotline-media: handler as Electron would call it (a stand-in session records it): range
// responses streamed from disk, and the same refusals as the devhost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: vi.fn() } }));

const { MEDIA_BASE, MEDIA_PRIVILEGES, MEDIA_SCHEME, serveMedia } = await import('./mediaProtocol');

describe('shotline-media: protocol', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shotline-media-'));
  const folder = path.join(root, 'Film.shotline');
  fs.mkdirSync(path.join(folder, 'media', 'ab'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'media', 'ab', 'abc.mp4'), Buffer.from('0123456789'));
  fs.writeFileSync(path.join(folder, 'project.db'), 'SQLite secret');
  fs.symlinkSync(path.join(folder, 'project.db'), path.join(folder, 'media', 'ab', 'db.mp4'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  let handler: ((req: Request) => Promise<Response>) | undefined;
  const session = { protocol: { handle: (scheme: string, fn: (req: Request) => Promise<Response>) => scheme === MEDIA_SCHEME && (handler = fn) } };
  let open: string | null = folder;
  serveMedia(session as never, () => open);
  const get = (url: string, headers: Record<string, string> = {}) => handler!(new Request(url, { headers }));

  it('is registered to stream, under the page CSP', () => {
    expect(MEDIA_PRIVILEGES).toMatchObject({ stream: true, bypassCSP: false, standard: true, secure: true });
    expect(MEDIA_BASE).toBe('shotline-media://project/');
  });

  it('streams a byte range with 206 and Content-Range', async () => {
    const res = await get(`${MEDIA_BASE}media/ab/abc.mp4`, { range: 'bytes=2-4' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 2-4/10');
    expect(res.headers.get('access-control-allow-origin')).toBe('app://shotline');
    expect(await res.text()).toBe('234');
    const past = await get(`${MEDIA_BASE}media/ab/abc.mp4`, { range: 'bytes=99-' });
    expect([past.status, past.headers.get('content-range')]).toEqual([416, 'bytes */10']);
  });

  it.each([
    ['..', 'media/../project.db'],
    ['encoded ..', 'media/%2e%2e/project.db'],
    ['encoded slashes', 'media%2F..%2Fproject.db'],
    ['a symlink out of media/', 'media/ab/db.mp4'],
  ])('refuses %s', async (_name, rel) => {
    const res = await get(`${MEDIA_BASE}${rel}`);
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toContain('SQLite');
  });

  it('serves nothing from another host or with no project open', async () => {
    expect((await get('shotline-media://other/media/ab/abc.mp4')).status).toBe(404);
    open = null;
    expect((await get(`${MEDIA_BASE}media/ab/abc.mp4`)).status).toBe(404);
    open = folder;
  });
});
