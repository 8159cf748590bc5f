// The app:// protocol that serves the built renderer. A custom scheme instead of file:// gives
// the page a real origin (so 'self' in the CSP means our files only), lets us attach the CSP
// as a header, and keeps every other file on disk out of the renderer's reach.

// Through the fs object, not named imports: Electron patches fs.promises so the renderer can be
// read from inside app.asar, and a named ESM import could hold the unpatched function.
import fs from 'node:fs';
import { protocol, type Session } from 'electron';
import { MEDIA_PRIVILEGES, MEDIA_SCHEME } from './mediaProtocol';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, contentTypeFor, isInside, resolveAppPath } from './policy';

/**
 * Must run before `app` is ready, and Electron takes the privileged list once: any other scheme
 * that needs privileges (the media protocol) has to be added to this same call.
 */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: relative URLs and a proper origin; secure: counts as a secure context;
      // supportFetchAPI: module scripts are fetched; codeCache: faster cold starts.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
    { scheme: MEDIA_SCHEME, privileges: MEDIA_PRIVILEGES },
  ]);
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });

/** Serves files below `rootDir` (the built renderer) read-only, with the CSP on every response. */
export function serveRenderer(ses: Session, rootDir: string): void {
  // Resolved once, on first use: a symlink inside the build folder must not lead outside it.
  let realRoot: Promise<string> | null = null;
  ses.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const file = resolveAppPath(rootDir, request.url);
    if (!file) return notFound();
    try {
      realRoot ??= fs.promises.realpath(rootDir);
      const real = await fs.promises.realpath(file);
      if (!isInside(await realRoot, real)) return notFound();
      const body = await fs.promises.readFile(real);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: {
          'content-type': contentTypeFor(real),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
        },
      });
    } catch {
      return notFound();
    }
  });
}
