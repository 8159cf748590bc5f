// A provider (or a proxy in front of it) that echoes the credential in its error reply: the key
// must reach neither the job's stored error and events, nor what the CLI prints.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject, shot } from '../core/jobs/jobs.testkit';
import { openSqlite } from '../core/db/sqlite';
import { useTmpDir } from '../core/testing/tmp.testkit';
import { cli } from './cli.testkit';
import path from 'node:path';

const tmp = useTmpDir('shotline-secrets-');
const KEY = 'key_5f3c9a7e1b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJha19saXZlX2FjY2Vzcy1rZXkifQ.c2lnbmF0dXJlLXBhcnQtaGVyZQ';
let server: http.Server;
let url: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: `Refused ${auth} (key ${KEY}); upstream said: ${JWT}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe('an echoing provider', () => {
  it('leaves no key, bearer token or JWT in the job, its events or the CLI output', async () => {
    const p = makeProject(tmp());
    shot(p, { tool: 'runway:gen4.5', durationS: 5 });
    p.close();
    const env = { RUNWAYML_API_SECRET: KEY, SHOTLINE_RUNWAY_BASE_URL: url, SHOTLINE_POLL_INTERVAL_S: '0.05' };
    const run = await cli(['generate', p.folder, '--shot', '1A', '--takes', '1', '--wait'], { cwd: tmp(), env });
    const jobs = await cli(['jobs', p.folder, '--json'], { cwd: tmp(), env });
    const error = (JSON.parse(jobs.out) as { jobs: Array<{ error: string }> }).jobs[0]!.error;
    expect(error).toMatch(
      /Runway refused the request \(HTTP 400\): Refused Bearer \[redacted( key)?\] \(key \[redacted key\]\); upstream said: \[redacted token\]/,
    );
    const db = openSqlite(path.join(p.folder, 'project.db'), { readonly: true });
    const stored = JSON.stringify([db.prepare('SELECT * FROM jobs').all(), db.prepare('SELECT * FROM job_events').all()]);
    db.close();
    for (const text of [run.out, run.err, jobs.out, stored]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(JWT);
      expect(text).not.toMatch(/Bearer (?!\[redacted)/);
    }
  });
});
