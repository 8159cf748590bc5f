// One HTTP exchange over node:http(s), for HttpClient. The engine may poll dozens of tasks a second;
// measured in `npm run bench -- jobs`, undici's fetch cost about four times the CPU of a plain
// request per exchange (web streams, a Response and its body mixins), on the same keep-alive sockets.
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';

export interface Exchange {
  status: number;
  headers: Headers;
  /** The body as it arrives, decoded; read it, or destroy it, so its socket goes back to the pool. */
  body: Readable;
}

export interface ExchangeOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

// An idle socket is closed after 4 s, or sooner when the server's Keep-Alive hint says so (fetch's
// own default): a socket the server has already dropped would fail the next request, and a failed
// create is one whose task may or may not exist.
const pool = { keepAlive: true, timeout: 4_000 };
const agents = { 'http:': new http.Agent(pool), 'https:': new https.Agent(pool) };

/** Sends one request and resolves with the status and headers; redirects are not followed. */
export function exchange(url: string, opts: ExchangeOptions = {}): Promise<Exchange> {
  const target = new URL(url);
  const agent = agents[target.protocol as keyof typeof agents];
  if (!agent) return Promise.reject(new Error(`unsupported URL scheme ${target.protocol}`));
  const send = target.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = send(target, { method: opts.method ?? 'GET', headers: opts.headers, agent, signal: opts.signal }, (res) => {
      resolve({ status: res.statusCode ?? 0, headers: headersOf(res), body: decoded(res) });
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const DECODERS: Record<string, () => zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress> = {
  gzip: () => zlib.createGunzip(),
  'x-gzip': () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
};

/**
 * No Accept-Encoding is sent, so a server should answer plain; one that compresses anyway is
 * decoded as fetch would, rather than handing its bytes to the JSON parser.
 */
function decoded(res: http.IncomingMessage): Readable {
  const decoder =
    DECODERS[
      String(res.headers['content-encoding'] ?? '')
        .trim()
        .toLowerCase()
    ];
  if (!decoder) return res;
  const out = decoder();
  res.on('error', (err) => out.destroy(err));
  // Destroying what the caller holds must free the socket too.
  out.on('close', () => res.destroy());
  return res.pipe(out);
}

function headersOf(res: http.IncomingMessage): Headers {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}
