import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../testing/tmp.testkit';
import { isRefusal, mediaResponse, parseRange, resolveMediaRequest } from './serve';

const tmp = useTmpDir();

/** A project folder with one stored clip, a secret beside media/, and symlinks in and out. */
function project() {
  const root = tmp();
  const folder = path.join(root, 'Film.shotline');
  fs.mkdirSync(path.join(folder, 'media', 'ab'), { recursive: true });
  fs.mkdirSync(path.join(folder, 'media', '.tmp'));
  fs.writeFileSync(path.join(folder, 'media', 'ab', 'abc.mp4'), Buffer.from('0123456789'));
  fs.writeFileSync(path.join(folder, 'media', '.tmp', 'partial.mp4'), 'half');
  fs.writeFileSync(path.join(folder, 'project.db'), 'secret db');
  fs.writeFileSync(path.join(root, 'outside.txt'), 'secret');
  fs.symlinkSync(path.join(root, 'outside.txt'), path.join(folder, 'media', 'ab', 'escape.mp4'));
  fs.symlinkSync(path.join(folder, 'media', 'ab', 'abc.mp4'), path.join(folder, 'media', 'ab', 'alias.mp4'));
  return folder;
}

describe('resolveMediaRequest', () => {
  it('serves a stored file below media/', async () => {
    const folder = project();
    const r = await resolveMediaRequest(folder, 'media/ab/abc.mp4');
    expect(r).toEqual({ file: fs.realpathSync(path.join(folder, 'media', 'ab', 'abc.mp4')), size: 10, mime: 'video/mp4' });
  });

  it.each([
    ['..', 'media/../project.db'],
    ['.. deeper', 'media/ab/../../project.db'],
    ['absolute', '/etc/passwd'],
    ['absolute, even into media/', '/media/ab/abc.mp4'],
    ['encoded ..', 'media/%2e%2e/project.db'],
    ['encoded slash', 'media%2F..%2Fproject.db'],
    ['double-encoded', 'media/%252e%252e/project.db'],
    ['backslash', 'media\\..\\project.db'],
    ['encoded backslash', 'media/ab/..%5C..%5Cproject.db'],
    ['NUL', 'media/ab/abc.mp4%00.png'],
    ['outside media/', 'project.db'],
    ['a hidden folder (temp files)', 'media/.tmp/partial.mp4'],
    ['Windows drive', 'C:/Windows/win.ini'],
  ])('refuses %s', async (_name, url) => {
    const r = await resolveMediaRequest(project(), url);
    expect(isRefusal(r)).toBe(true);
  });

  it('refuses a symlink that leads outside the media folder, and follows one that stays inside', async () => {
    const folder = project();
    expect(await resolveMediaRequest(folder, 'media/ab/escape.mp4')).toEqual({ status: 403, reason: 'the file lies outside the project media folder' });
    expect(isRefusal(await resolveMediaRequest(folder, 'media/ab/alias.mp4'))).toBe(false);
  });

  it('answers 404 with no project or no such file, 400 for broken encoding', async () => {
    const folder = project();
    expect(await resolveMediaRequest(null, 'media/ab/abc.mp4')).toMatchObject({ status: 404 });
    expect(await resolveMediaRequest(folder, 'media/ab/nope.mp4')).toMatchObject({ status: 404 });
    expect(await resolveMediaRequest(folder, 'media/%zz')).toMatchObject({ status: 400 });
  });
});

describe('parseRange', () => {
  it('reads the forms a media element sends', () => {
    expect(parseRange('bytes=0-', 10)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=2-5', 10)).toEqual({ start: 2, end: 5 });
    expect(parseRange('bytes=5-100', 10)).toEqual({ start: 5, end: 9 });
    expect(parseRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 });
  });

  it('says unsatisfiable past the end, and ignores what it does not serve', () => {
    expect(parseRange('bytes=10-', 10)).toBe('unsatisfiable');
    expect(parseRange('bytes=5-2', 10)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 10)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,4-5', 10)).toBeNull();
    expect(parseRange('items=0-1', 10)).toBeNull();
    expect(parseRange(undefined, 10)).toBeNull();
  });
});

describe('mediaResponse', () => {
  it('answers a range with 206 and Content-Range, a whole file with 200, and past the end with 416', async () => {
    const folder = project();
    const part = await mediaResponse(folder, 'media/ab/abc.mp4', { method: 'GET', range: 'bytes=2-5' });
    expect(part.status).toBe(206);
    expect(part.headers).toMatchObject({ 'content-range': 'bytes 2-5/10', 'content-length': '4', 'accept-ranges': 'bytes', 'content-type': 'video/mp4' });
    expect(part.body).toMatchObject({ start: 2, end: 5 });
    const whole = await mediaResponse(folder, 'media/ab/abc.mp4', { method: 'GET' });
    expect([whole.status, whole.headers['content-length'], whole.headers['content-range']]).toEqual([200, '10', undefined]);
    const past = await mediaResponse(folder, 'media/ab/abc.mp4', { method: 'GET', range: 'bytes=10-' });
    expect([past.status, past.headers['content-range'], past.body]).toEqual([416, 'bytes */10', null]);
  });

  it('sends headers only for HEAD, and refuses other methods', async () => {
    const folder = project();
    const head = await mediaResponse(folder, 'media/ab/abc.mp4', { method: 'HEAD' });
    expect([head.status, head.headers['content-length'], head.body]).toEqual([200, '10', null]);
    expect((await mediaResponse(folder, 'media/ab/abc.mp4', { method: 'POST' })).status).toBe(405);
    expect((await mediaResponse(folder, 'media/../project.db', { method: 'GET' })).status).toBe(403);
  });
});
