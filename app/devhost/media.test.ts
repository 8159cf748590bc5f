// The devhost's media route over real HTTP: the same checks as Electron's protocol, byte ranges
// as a <video> asks for them, and the per-run token.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTmpDir } from '../core/testing/tmp.testkit';
import { startDevhost, type Devhost } from './server';

const tmp = useTmpDir();
let host: Devhost;
let base: string;
let origin: URL;

/** Sends the path exactly as given (fetch would normalise the ".." away before we could refuse it). */
function get(rawPath: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: origin.hostname, port: origin.port, path: rawPath, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('latin1')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeEach(async () => {
  const dir = tmp();
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><head></head>');
  host = await startDevhost({ userDataDir: path.join(dir, 'user'), projectsDir: dir, rendererDir });
  origin = new URL(host.url);
  const created = await host.core.handle('project.create', { parentDir: dir, title: 'Media test' });
  if (!created.ok) throw new Error(created.error.message);
  const folder = (created.value as { path: string }).path;
  fs.mkdirSync(path.join(folder, 'media', 'ab'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'media', 'ab', 'abc.mp4'), Buffer.from('0123456789'));
  fs.symlinkSync(path.join(folder, 'project.db'), path.join(folder, 'media', 'ab', 'db.mp4'));
  const info = await host.core.handle('app.info', {});
  if (!info.ok) throw new Error(info.error.message);
  base = (info.value as { mediaBase: string }).mediaBase;
});
afterEach(() => host.close());

describe('devhost media route', () => {
  it('gives the renderer a base under the run token', () => {
    expect(base).toMatch(/^\/__devhost\/media\/[0-9a-f]{32}\/$/);
  });

  it('serves ranges with 206 and Content-Range, and 416 past the end', async () => {
    const part = await get(`${base}media/ab/abc.mp4`, { range: 'bytes=3-6' });
    expect([part.status, part.headers['content-range'], part.headers['accept-ranges'], part.body]).toEqual([206, 'bytes 3-6/10', 'bytes', '3456']);
    const whole = await get(`${base}media/ab/abc.mp4`);
    expect([whole.status, whole.headers['content-type'], whole.body]).toEqual([200, 'video/mp4', '0123456789']);
    const past = await get(`${base}media/ab/abc.mp4`, { range: 'bytes=20-' });
    expect([past.status, past.headers['content-range']]).toEqual([416, 'bytes */10']);
  });

  it.each([
    ['..', 'media/../project.db'],
    ['encoded ..', 'media/%2e%2e/project.db'],
    ['encoded slashes', 'media%2f..%2fproject.db'],
    ['absolute', '/etc/passwd'],
    ['a symlink out of media/', 'media/ab/db.mp4'],
  ])('refuses %s', async (_name, rel) => {
    const res = await get(`${base}${rel}`);
    expect([403, 404]).toContain(res.status);
    expect(res.body).not.toContain('SQLite');
  });

  it('refuses a wrong token', async () => {
    const res = await get(`/__devhost/media/${'0'.repeat(32)}/media/ab/abc.mp4`);
    expect(res.status).toBe(403);
  });
});
