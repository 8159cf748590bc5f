import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { WebSocketServer, type WebSocket } from 'ws';
import { mediaResponse } from '../core/media/serve';
import { createCore, type Core } from '../core/services/core';
import { devhostShowInFolder } from './showInFolder';

// The devhost: the real core plus the built renderer in a plain browser, for e2e tests on
// machines without an Electron binary. Loopback only; the API needs the per-run token.

const here = path.dirname(fileURLToPath(import.meta.url));
export const RENDERER_DIST = path.resolve(here, '../../renderer/dist');
const BRIDGE = path.join(here, 'bridge.ts');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

let bridge: string | undefined;

/** bridge.ts and the shared code it imports as one classic script, built once per process. */
function bridgeScript(): string {
  bridge ??= buildSync({ entryPoints: [BRIDGE], bundle: true, format: 'iife', target: 'chrome120', write: false }).outputFiles[0]!.text;
  return bridge;
}

export interface DevhostOptions {
  port?: number;
  userDataDir: string;
  projectsDir: string;
  rendererDir?: string;
  version?: string;
  /** A project to open before the page loads (benchmarks, `--open`). */
  openPath?: string;
}

export interface Devhost {
  url: string;
  core: Core;
  close(): Promise<void>;
}

/** Resolves a URL path inside `root`, or null when it would escape it. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

export async function startDevhost(opts: DevhostOptions): Promise<Devhost> {
  const rendererDir = path.resolve(opts.rendererDir ?? RENDERER_DIST);
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer at ${rendererDir}. Run "npm run build:renderer" first.`);
  }
  const token = randomBytes(16).toString('hex');
  // Built before the first page asks: the app's preload is prebuilt, so a page load here should not pay for esbuild either.
  bridgeScript();
  const core = createCore({
    kind: 'devhost',
    version: opts.version ?? 'dev',
    userDataDir: opts.userDataDir,
    defaultProjectsDir: opts.projectsDir,
    mediaBase: `${MEDIA_ROUTE}${token}/`,
    showInFolder: devhostShowInFolder(),
  });
  if (opts.openPath) {
    const opened = await core.handle('project.open', { path: opts.openPath });
    if (!opened.ok) throw new Error(opened.error.message);
  }

  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/__devhost/bridge.js')) {
      res.writeHead(200, { 'content-type': TYPES['.js']!, 'cache-control': 'no-store' }).end(bridgeScript());
      return;
    }
    if (url.startsWith(MEDIA_ROUTE)) return void sendMedia(req, res, url.slice(MEDIA_ROUTE.length), token, core);
    const file = resolveInside(rendererDir, url === '/' || url.startsWith('/?') ? '/index.html' : url);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    if (file.endsWith('index.html')) {
      // The bridge must define window.shotline before the app's module script runs.
      const html = fs.readFileSync(file, 'utf8').replace('<head>', '<head><script src="/__devhost/bridge.js"></script>');
      res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' }).end(html);
      return;
    }
    sendFile(res, file);
  });

  // Dropped files arrive as base64 (up to 200 MB each is 267 MB of text), past ws's 100 MB default.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 300 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const given = Buffer.from(new URL(req.url ?? '', 'http://x').searchParams.get('token') ?? '');
    const want = Buffer.from(token);
    if (!req.url?.startsWith('/__devhost/ws') || given.length !== want.length || !timingSafeEqual(given, want)) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });
  wss.on('connection', (ws: WebSocket) => {
    const off = core.on((event, payload) => ws.send(JSON.stringify({ event, payload })));
    ws.on('close', off);
    ws.on('message', async (data) => {
      let msg: { id?: number; channel?: string; input?: unknown };
      try {
        msg = JSON.parse(String(data));
      } catch {
        return;
      }
      const result = await core.handle(String(msg.channel), msg.input);
      ws.send(JSON.stringify({ id: msg.id, result }));
    });
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    core,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      core.close();
    },
  };
}

/**
 * `/__devhost/media/<token>/media/ab/….mp4`: the open project's media with range requests,
 * answered by the same core function as Electron's shotline-media: protocol. The token is in
 * the path because <video> elements cannot send headers.
 */
const MEDIA_ROUTE = '/__devhost/media/';

async function sendMedia(req: http.IncomingMessage, res: http.ServerResponse, rest: string, token: string, core: Core) {
  const slash = rest.indexOf('/');
  const given = Buffer.from(slash < 0 ? rest : rest.slice(0, slash));
  const want = Buffer.from(token);
  if (given.length !== want.length || !timingSafeEqual(given, want)) {
    res.writeHead(403).end('forbidden');
    return;
  }
  const r = await mediaResponse(core.session.current?.project.folder ?? null, rest.slice(slash + 1), { method: req.method ?? 'GET', range: req.headers.range });
  res.writeHead(r.status, r.headers);
  if (!r.body) return void res.end();
  const stream = fs.createReadStream(r.body.file, { start: r.body.start, end: r.body.end });
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function sendFile(res: http.ServerResponse, file: string) {
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
}
