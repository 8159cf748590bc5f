import http from 'node:http';
import { text } from 'node:stream/consumers';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { exchange } from './transport';

let server: http.Server | null = null;

async function serve(handler: http.RequestListener): Promise<string> {
  server = http.createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  if (!server) return;
  server.closeAllConnections();
  await new Promise((resolve) => server!.close(resolve));
  server = null;
});

describe('exchange', () => {
  it('sends the method, headers and body, and reads a reply split inside a character, without its byte-order mark', async () => {
    const seen: Array<{ method?: string; auth?: string; body: string }> = [];
    const url = await serve((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, auth: req.headers.authorization, body });
        const bytes = Buffer.from('\uFEFF{"prompt":"café — 映画"}');
        res.setHeader('X-Request-Id', 'r-1');
        res.write(bytes.subarray(0, 13)); // ends inside "é"
        setTimeout(() => res.end(bytes.subarray(13)), 5);
      });
    });
    const reply = await exchange(`${url}/v1/tasks`, { method: 'POST', headers: { Authorization: 'Bearer k' }, body: '{"a":1}' });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('x-request-id')).toBe('r-1');
    expect(JSON.parse(await text(reply.body))).toEqual({ prompt: 'café — 映画' });
    expect(seen).toEqual([{ method: 'POST', auth: 'Bearer k', body: '{"a":1}' }]);
  });

  it('decodes a body the server compressed although not asked to, still on one connection', async () => {
    const sockets = new Set<unknown>();
    const url = await serve((req, res) => {
      sockets.add(req.socket);
      const encoding = req.url!.slice(1);
      const body = JSON.stringify({ id: 'task-1', status: 'RUNNING' });
      const packed = encoding === 'gzip' ? zlib.gzipSync(body) : encoding === 'br' ? zlib.brotliCompressSync(body) : zlib.deflateSync(body);
      res.writeHead(200, { 'Content-Encoding': encoding }).end(packed);
    });
    for (const encoding of ['gzip', 'br', 'deflate']) {
      const reply = await exchange(`${url}/${encoding}`);
      expect(JSON.parse(await text(reply.body))).toEqual({ id: 'task-1', status: 'RUNNING' });
    }
    expect(sockets.size).toBe(1);
  });

  it('reuses one connection for requests one after another', async () => {
    const sockets = new Set<unknown>();
    const url = await serve((req, res) => {
      sockets.add(req.socket);
      res.end('ok');
    });
    for (let i = 0; i < 5; i++) expect(await text((await exchange(url)).body)).toBe('ok');
    expect(sockets.size).toBe(1);
  });

  it('stops reading when aborted midway through the body, and does not follow redirects', async () => {
    const url = await serve((req, res) => {
      if (req.url === '/moved') {
        res.writeHead(302, { Location: '/elsewhere' }).end();
        return;
      }
      res.write('partial');
    });
    const moved = await exchange(`${url}/moved`);
    expect([moved.status, moved.headers.get('location')]).toEqual([302, '/elsewhere']);
    moved.body.resume();
    const ctrl = new AbortController();
    const reply = await exchange(`${url}/slow`, { signal: ctrl.signal });
    const reading = text(reply.body);
    ctrl.abort();
    await expect(reading).rejects.toThrow(/abort/i);
  });

  it('rejects a refused connection and a scheme it does not speak', async () => {
    const url = await serve((_req, res) => res.end());
    await new Promise((resolve) => server!.close(resolve));
    server = null;
    await expect(exchange(url)).rejects.toThrow(/ECONNREFUSED/);
    await expect(exchange('ftp://example.com/a')).rejects.toThrow(/unsupported URL scheme/);
  });
});
