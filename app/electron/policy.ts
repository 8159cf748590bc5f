// The shell's security decisions as pure functions, free of Electron so they can be unit
// tested under plain Node: which URLs are ours, which file an app:// URL may serve, which links
// may leave for the system browser, which permissions a page gets.
import path from 'node:path';

export const APP_SCHEME = 'app';
/** Standard schemes need a host; one fixed host means one origin for the whole renderer. */
export const APP_HOST = 'shotline';
export const RENDERER_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Sent as a header on every app:// response. The renderer's own meta tag is only a fallback:
 * a meta CSP cannot set frame-ancestors or form-action, and arrives after the document starts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Stylesheets from the app only. React's style props go through the CSSOM, which CSP allows;
  // no <style> element or style="" attribute in markup is needed (e2e fails on any violation).
  "style-src 'self'",
  "img-src 'self' data: blob: shotline-media:",
  "media-src 'self' blob: shotline-media:",
  // The player fetches music beds from the media protocol to decode them for Web Audio.
  "connect-src 'self' shotline-media:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for our renderer's origin. WHATWG URL gives non-special schemes an opaque origin
 * ("null"), so the scheme and host are compared instead of `url.origin`.
 */
export function isAppUrl(url: string): boolean {
  const u = parseUrl(url);
  return !!u && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
}

/** Whether `candidate` is `root` itself or lies below it (both absolute, normalised). */
export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Maps an app:// request URL to a file under `rootDir`, or null when the URL is not ours or
 * would escape the folder (`..`, encoded separators, NUL bytes). Chromium already normalises
 * dot segments of standard schemes; this check does not rely on it.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  const u = parseUrl(requestUrl);
  if (!u || u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  if (rel === '/' || rel === '') rel = '/index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${rel}`);
  return file !== root && isInside(root, file) ? file : null;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Explicit types (sent with nosniff) so a module script is never refused for a guessed type. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Links the renderer may hand to the system browser: https only, no credentials, a real host,
 * a sane length. Anything else (file:, javascript:, custom schemes that launch other apps) is
 * dropped, because `shell.openExternal` on an attacker's URL can run programs.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (url.length > 2048) return false;
  const u = parseUrl(url);
  return !!u && u.protocol === 'https:' && u.hostname !== '' && u.username === '' && u.password === '';
}

/**
 * Sites the app links to: the providers' consoles and documentation, Resolve's, and our own
 * repository. A link to any of them (or a subdomain) opens at once.
 */
export const TRUSTED_LINK_HOSTS = [
  'runwayml.com',
  'klingai.com',
  'lumalabs.ai',
  'ai.google.dev',
  'aistudio.google.com',
  'minimax.io',
  'minimaxi.com',
  'elevenlabs.io',
  'blackmagicdesign.com',
  'github.com',
];

/** What a link the page hands over gets: opened, opened once the user agrees, or refused. */
export function externalLinkDecision(url: string): 'open' | 'ask' | 'refuse' {
  if (!isSafeExternalUrl(url)) return 'refuse';
  const host = new URL(url).hostname.toLowerCase();
  return TRUSTED_LINK_HOSTS.some((h) => host === h || host.endsWith(`.${h}`)) ? 'open' : 'ask';
}

/**
 * The environment a build may take settings from. A packaged app ignores the variables that move
 * its data or send keys elsewhere (SHOTLINE_USER_DATA_DIR, SHOTLINE_<PROVIDER>_BASE_URL): a
 * launcher or a shell profile could set them behind the user's back. SHOTLINE_DEVELOPER=1 keeps them.
 */
export function trustedEnv(env: Record<string, string | undefined>, packaged: boolean): Record<string, string | undefined> {
  if (!packaged || env.SHOTLINE_DEVELOPER === '1') return env;
  return Object.fromEntries(Object.entries(env).filter(([k]) => k !== 'SHOTLINE_USER_DATA_DIR' && !/^SHOTLINE_[A-Z0-9]+_BASE_URL$/.test(k)));
}

/**
 * Permissions are denied unless listed here and asked for by our own page: writing the
 * clipboard (the "copy prompt" buttons) and element fullscreen (the player).
 */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write', 'fullscreen']);

export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && !!requestingUrl && isAppUrl(requestingUrl);
}
