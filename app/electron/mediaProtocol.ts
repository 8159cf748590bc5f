// The `shotline-media:` protocol: how <video> and <img> in the renderer read the open project's
// media, with range requests so the player can seek. What may be read, and the answer, are
// decided once in app/core/media/serve.ts (shared with the devhost); this only carries it.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Session } from 'electron';
import { mediaResponse } from '../core/media/serve';
import { APP_HOST, APP_SCHEME } from './policy';

export const MEDIA_SCHEME = 'shotline-media';
/** Standard schemes need a host; one fixed host, the open project. */
const MEDIA_HOST = 'project';
/** What `app.info` gives the renderer: `MEDIA_BASE + "media/ab/….mp4"` is a take's URL. */
export const MEDIA_BASE = `${MEDIA_SCHEME}://${MEDIA_HOST}/`;

/** The privileges the scheme is registered with (before app ready, in protocol.ts). */
export const MEDIA_PRIVILEGES = {
  standard: true,
  secure: true,
  // stream: media elements read it in ranges; supportFetchAPI + corsEnabled: the renderer may
  // fetch() it or draw its frames to a canvas. It stays under the page's CSP (no bypassCSP).
  stream: true,
  supportFetchAPI: true,
  corsEnabled: true,
  bypassCSP: false,
} as const;

export function serveMedia(ses: Session, projectFolder: () => string | null): void {
  ses.protocol.handle(MEDIA_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== MEDIA_HOST) return new Response(null, { status: 404 });
    const r = await mediaResponse(projectFolder(), url.pathname.replace(/^\//, ''), {
      method: request.method,
      range: request.headers.get('range'),
      extraHeaders: { 'access-control-allow-origin': `${APP_SCHEME}://${APP_HOST}` },
    });
    const body = r.body ? (Readable.toWeb(fs.createReadStream(r.body.file, { start: r.body.start, end: r.body.end })) as ReadableStream<Uint8Array>) : null;
    return new Response(body, { status: r.status, headers: r.headers });
  });
}
