// Plumbing every provider fake shares (docs/providers.md): an HTTP server on
// loopback, a recorder of every request, one-shot faults per kind of call, a clock tests can move,
// a pace for task state machines, and output files behind signed, expiring URLs.
import { execFileSync } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON, else the text ('' when empty). */
  body: unknown;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Binary payload (output files); wins over `body`. */
  bytes?: Buffer;
}

/** What kind of call a request is: faults are queued per kind. */
export type Route = 'create' | 'poll' | 'download' | 'other';

export type Fault =
  /** Answer with this status instead; `body` defaults to the provider's error shape. */
  | { kind: 'http'; status: number; message?: string; body?: unknown; retryAfter?: string; retryAfterMs?: number }
  /** Never answer (the client's timeout must fire). */
  | { kind: 'timeout' }
  /** Do the work (the task IS created), then answer with this error status. */
  | { kind: 'after_create'; status: number };

export interface Faults {
  create: Fault[];
  poll: Fault[];
  download: Fault[];
  other: Fault[];
}

/** What a test switches: the next faults per kind of call, and how tasks created from now on end. */
export interface Scenario<Outcome> {
  create: Fault[];
  poll: Fault[];
  download: Fault[];
  outcome: Outcome;
}

/** `setScenario` for a fake: replaces the given fault queues, and the outcome if given. */
export function scenarioSetter<Outcome>(faults: Faults, setOutcome: (o: Outcome) => void) {
  return (s: Partial<Scenario<Outcome>>): void => {
    if (s.create) faults.create = [...s.create];
    if (s.poll) faults.poll = [...s.poll];
    if (s.download) faults.download = [...s.download];
    if (s.outcome !== undefined) setOutcome(s.outcome);
  };
}

/** Wall time plus an offset tests can move forward, so expiry needs no sleeping. */
export class FakeClock {
  private offset = 0;
  constructor(private readonly base: () => number = Date.now) {}
  now(): number {
    return this.base() + this.offset;
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}

/**
 * How fast tasks move: one state per poll of that task (tests: deterministic), or one state per
 * `stepMs` of clock time (realistic runs).
 */
export type Pace = { kind: 'per_poll' } | { kind: 'time'; stepMs: number };

/** The options of a fake whose tasks move by `Pace`, and the clock they move by. */
export interface PacedFakeOptions {
  pace?: Pace;
  /** Per-poll pace: polls a task spends running before it ends. */
  runningPolls?: number;
  clock?: FakeClock;
}

/** The defaults every paced fake shares, and the clip its finished tasks serve. */
export function pacedFake(opts: PacedFakeOptions): { pace: Pace; runningPolls: number; clock: FakeClock; mp4: Buffer } {
  return { pace: opts.pace ?? { kind: 'per_poll' }, runningPolls: opts.runningPolls ?? 2, clock: opts.clock ?? new FakeClock(), mp4: fixtureMedia().mp4 };
}

/** A task as the paced fakes keep one: when it was made, how often it was polled, how it will end. */
export interface PacedTask<Outcome> {
  id: string;
  createdAt: number;
  polls: number;
  outcome: Outcome;
}

/**
 * Where a task is: waiting for its first step, running for `runningSteps` steps, then ended at
 * its outcome, except that an outcome of 'never' keeps it running forever.
 */
export function phaseOf(
  task: { polls: number; createdAt: number; outcome: unknown },
  pace: Pace,
  now: number,
  runningSteps: number,
): 'waiting' | 'running' | 'ended' {
  const step = pace.kind === 'per_poll' ? task.polls : Math.floor((now - task.createdAt) / pace.stepMs);
  if (step === 0) return 'waiting';
  return step <= runningSteps || task.outcome === 'never' ? 'running' : 'ended';
}

export interface Protocol {
  classify(req: RecordedRequest): Route;
  handle(req: RecordedRequest): FakeResponse | Promise<FakeResponse>;
  /** The provider's error body for an injected fault. */
  errorBody(status: number, message: string): unknown;
}

/**
 * What a test holds of a running fake: its URL, what it was sent, its clock, how many tasks it
 * made (a create that then failed with 5xx still counts), the next outcome, and close.
 */
export function fakeHandle<Outcome>(server: FakeServer, creates: () => number, setOutcome: (o: Outcome) => void) {
  return {
    url: server.url,
    requests: server.requests,
    clock: server.clock,
    get creates() {
      return creates();
    },
    setScenario: scenarioSetter<Outcome>(server.faults, setOutcome),
    close: () => server.close(),
  };
}

export interface FakeServer {
  url: string;
  requests: RecordedRequest[];
  faults: Faults;
  clock: FakeClock;
  files: SignedFiles;
  close(): Promise<void>;
}

export async function startServer(protocol: Protocol, clock: FakeClock): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const faults: Faults = { create: [], poll: [], download: [], other: [] };
  const files = new SignedFiles(clock);

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded = record(req, Buffer.concat(chunks).toString('utf8'));
      requests.push(recorded);
      void respond(recorded)
        .then((out) => out && write(res, out))
        .catch((err: unknown) => write(res, { status: 500, body: protocol.errorBody(500, `fake crashed: ${String(err)}`) }));
    });
  });

  async function respond(req: RecordedRequest): Promise<FakeResponse | null> {
    const route = protocol.classify(req);
    const fault = faults[route].shift();
    if (fault?.kind === 'timeout') return null;
    if (fault?.kind === 'http') {
      const headers: Record<string, string> = {};
      if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
      if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
      return { status: fault.status, headers, body: fault.body ?? protocol.errorBody(fault.status, fault.message ?? `injected ${fault.status}`) };
    }
    if (route === 'download' && req.path.startsWith('/files/')) return files.serve(req);
    const out = await protocol.handle(req);
    if (fault?.kind === 'after_create') return { status: fault.status, body: protocol.errorBody(fault.status, 'upstream error after the task was created') };
    return out;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  files.origin = url;
  return {
    url,
    requests,
    faults,
    clock,
    files,
    close: () =>
      new Promise<void>((resolve) => {
        // Held (timed-out) requests would keep the server open forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function record(req: http.IncomingMessage, text: string): RecordedRequest {
  const u = new URL(req.url ?? '/', 'http://fake');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  let body: unknown = text;
  if (text && (headers['content-type'] ?? '').includes('json')) {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = text;
    }
  }
  return { method: req.method ?? 'GET', path: decodeURIComponent(u.pathname), query: Object.fromEntries(u.searchParams), headers, body };
}

function write(res: http.ServerResponse, out: FakeResponse): void {
  const headers = { ...out.headers };
  let payload: Buffer | string = '';
  if (out.bytes) payload = out.bytes;
  else if (out.body !== undefined && out.body !== null) {
    payload = typeof out.body === 'string' ? out.body : JSON.stringify(out.body);
    headers['content-type'] ??= typeof out.body === 'string' ? 'text/plain' : 'application/json';
  }
  res.writeHead(out.status, headers);
  res.end(payload);
}

/** `/files/<id>.<ext>?exp=…&sig=…`: a signed link that answers 403 once the clock passes `exp`. */
export class SignedFiles {
  origin = '';
  private readonly secret = randomBytes(16);
  private readonly stored = new Map<string, Buffer>();
  constructor(private readonly clock: FakeClock) {}

  /** A fresh link to `bytes` under `id`, valid for `ttlMs` of fake-clock time. */
  mint(id: string, bytes: Buffer, ext: 'mp4' | 'png', ttlMs: number): string {
    const name = `${id}.${ext}`;
    this.stored.set(name, bytes);
    const exp = String(this.clock.now() + ttlMs);
    return `${this.origin}/files/${name}?exp=${exp}&sig=${this.sign(name, exp)}`;
  }

  serve(req: RecordedRequest): FakeResponse {
    const name = req.path.slice('/files/'.length);
    const bytes = this.stored.get(name);
    if (!bytes) return { status: 404, body: 'NoSuchKey' };
    const exp = req.query.exp ?? '';
    if (req.query.sig !== this.sign(name, exp) || Number(exp) < this.clock.now()) {
      return { status: 403, body: 'Request has expired' };
    }
    const type = name.endsWith('.png') ? 'image/png' : 'video/mp4';
    return { status: 200, bytes, headers: { 'content-type': type, 'content-length': String(bytes.length) } };
  }

  private sign(name: string, exp: string): string {
    return createHmac('sha256', this.secret).update(`${name}:${exp}`).digest('hex').slice(0, 32);
  }
}

let fixtures: { mp4: Buffer; png: Buffer } | undefined;

/**
 * A 1 s gray 320×180 H.264 MP4 and a 640×360 PNG frame, made with ffmpeg once and cached in the temp
 * folder (renamed into place, so parallel test workers never read half a file).
 */
export function fixtureMedia(): { mp4: Buffer; png: Buffer } {
  if (fixtures) return fixtures;
  const dir = path.join(os.tmpdir(), 'shotline-fake-media-v1');
  fs.mkdirSync(dir, { recursive: true });
  const make = (name: string, size: string, args: string[]): Buffer => {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) {
      const tmp = path.join(dir, `${randomUUID()}-${name}`);
      execFileSync(ffmpegPath(), ['-v', 'error', '-y', '-f', 'lavfi', '-i', `color=c=gray:s=${size}:r=24`, ...args, tmp]);
      fs.renameSync(tmp, file);
    }
    return fs.readFileSync(file);
  };
  fixtures = {
    mp4: make('gray.mp4', '320x180', ['-t', '1', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-f', 'mp4']),
    // 640×360: over the 300 px minimum Kling and MiniMax set for input images.
    png: make('gray-640x360.png', '640x360', ['-frames:v', '1', '-f', 'image2', '-c:v', 'png']),
  };
  return fixtures;
}

function ffmpegPath(): string {
  return fs.existsSync('/usr/bin/ffmpeg') ? '/usr/bin/ffmpeg' : 'ffmpeg';
}

export function newId(): string {
  return randomUUID();
}

/** Bearer token from an Authorization header, or null. */
export function bearer(req: RecordedRequest): string | null {
  const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  return m?.[1] ?? null;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 24 || bytes.readUInt32BE(0) !== 0x89504e47 || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
