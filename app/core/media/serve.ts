// Media for the renderer's <video> and <img>: one core function decides what a request may read
// and how to answer it; Electron's `shotline-media:` protocol and the devhost's HTTP route only
// carry the answer. Only files below the open project's media/ are ever read: the path is
// checked as text (no "..", no absolute path, no encoded tricks, no hidden folder such as the
// temp files in media/.tmp) and again on disk (its real path, symlinks resolved, must stay inside).
import fs from 'node:fs';
import path from 'node:path';
import { MEDIA_DIR } from '../project/projectFiles';
import { isInside, mediaPathProblem } from './projectPath';

export interface MediaFile {
  file: string;
  size: number;
  mime: string;
}

export interface MediaRefusal {
  status: 400 | 403 | 404;
  reason: string;
}

const MIME: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.m4a': 'audio/mp4',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

const refuse = (status: MediaRefusal['status'], reason: string): MediaRefusal => ({ status, reason });

export function isRefusal(r: MediaFile | MediaRefusal): r is MediaRefusal {
  return 'status' in r;
}

/**
 * `urlPath` is the URL's path after the media base, still percent-encoded
 * (`media/ab/ab12….mp4`). Decoded once; anything that is not a plain relative path below
 * media/ is refused, as is a file whose real path lies elsewhere.
 */
export async function resolveMediaRequest(projectFolder: string | null, urlPath: string): Promise<MediaFile | MediaRefusal> {
  if (!projectFolder) return refuse(404, 'no project is open');
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '');
  } catch {
    return refuse(400, 'malformed percent-encoding');
  }
  // After one decoding, "%" can only be an attempt at a second one; "\" a Windows separator.
  const problem = mediaPathProblem(rel);
  if (problem) return refuse(403, problem);
  const parts = rel.split('/');
  const mediaRoot = path.join(projectFolder, MEDIA_DIR);
  try {
    const [realRoot, realFile] = await Promise.all([fs.promises.realpath(mediaRoot), fs.promises.realpath(path.join(projectFolder, ...parts))]);
    if (!isInside(realRoot, realFile)) return refuse(403, 'the file lies outside the project media folder');
    const stat = await fs.promises.stat(realFile);
    if (!stat.isFile()) return refuse(404, 'not a file');
    return { file: realFile, size: stat.size, mime: MIME[path.extname(realFile).toLowerCase()] ?? 'application/octet-stream' };
  } catch {
    return refuse(404, 'no such file');
  }
}

export type ByteRange = { start: number; end: number };

/**
 * One `Range: bytes=…` header against a file of `size` bytes: the range (end inclusive), null to
 * send the whole file (no header, or one we choose to ignore, such as several ranges), or
 * 'unsatisfiable' (416).
 */
export function parseRange(header: string | null | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

export interface MediaResponse {
  status: number;
  headers: Record<string, string>;
  /** Bytes to send (end inclusive); null: no body (HEAD, errors). */
  body: { file: string; start: number; end: number } | null;
}

/** The whole answer to a GET or HEAD, for either transport. */
export async function mediaResponse(
  projectFolder: string | null,
  urlPath: string,
  opts: { method: string; range?: string | null; extraHeaders?: Record<string, string> },
): Promise<MediaResponse> {
  const base = { 'x-content-type-options': 'nosniff', ...opts.extraHeaders };
  if (opts.method !== 'GET' && opts.method !== 'HEAD') return { status: 405, headers: { ...base, allow: 'GET, HEAD' }, body: null };
  const found = await resolveMediaRequest(projectFolder, urlPath);
  if (isRefusal(found)) return { status: found.status, headers: { ...base, 'content-type': 'text/plain' }, body: null };
  const headers: Record<string, string> = {
    ...base,
    'content-type': found.mime,
    'accept-ranges': 'bytes',
    // Content-addressed: a name always means the same bytes.
    'cache-control': 'private, max-age=31536000, immutable',
  };
  const range = parseRange(opts.range, found.size);
  if (range === 'unsatisfiable') return { status: 416, headers: { ...headers, 'content-range': `bytes */${found.size}` }, body: null };
  const { start, end } = range ?? { start: 0, end: found.size - 1 };
  const length = Math.max(0, end - start + 1);
  headers['content-length'] = String(length);
  if (range) headers['content-range'] = `bytes ${start}-${end}/${found.size}`;
  const body = opts.method === 'HEAD' || length === 0 ? null : { file: found.file, start, end };
  return { status: range ? 206 : 200, headers, body };
}
