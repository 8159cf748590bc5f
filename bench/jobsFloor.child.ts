// The least the job bench's provider-facing work costs, with no engine: each job's create, a
// first poll and a last one (when the fake's 2 s are up), its download, and its five durable
// state changes (one synced transaction each, as the engine writes them), 20 jobs at a time.
// No scheduling, no passes over the db, no pacing from progress. Run in a process of its own so
// that it starts as cold as the engine's run; prints its CPU and window as JSON.
import fs from 'node:fs';
import { outputTempPath } from '../app/core/jobs/finish';
import { makeProject } from '../app/core/jobs/jobs.testkit';
import { generationRequest, readSnapshot } from '../app/core/jobs/request';
import { createRunners } from '../app/core/jobs/runners';
import { envKeySource } from '../app/core/keys/keySource';
import { queueRunwayJobs, RUNWAY_TOOL as TOOL } from './jobs';

const [dir, url, key, jobs, cap, generationMs, firstPollMs] = process.argv.slice(2);
const project = makeProject(dir!);
const { ctx, jobIds } = await queueRunwayJobs(project, Number(jobs));
const runner = createRunners({ keys: envKeySource({ RUNWAYML_API_SECRET: key }), env: { SHOTLINE_RUNWAY_BASE_URL: url } }).runner(TOOL);
if (runner.kind !== 'remote') throw new Error(`${TOOL} is not a remote tool`);
const adapter = runner.adapter;

const update = project.db.prepare('UPDATE jobs SET state = ?, updated_at = ? WHERE id = ?');
const event = project.db.prepare('INSERT INTO job_events (job_id, at, from_state, to_state, message, raw_json) VALUES (?, ?, ?, ?, ?, ?)');
const move = project.db.transaction((id: string, from: string, to: string, raw: unknown) => {
  update.run(to, Date.now(), id);
  event.run(id, Date.now(), from, to, to, raw === undefined ? null : JSON.stringify(raw));
});
const until = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

async function one(id: string): Promise<void> {
  const job = ctx.repo.get(id)!;
  move(id, 'queued', 'submitting', undefined);
  const task = await adapter.submit(generationRequest(job, readSnapshot(job.request_json), project.folder));
  const sentAt = Date.now();
  move(id, 'submitting', 'submitted', task.raw);
  await until(sentAt + Number(firstPollMs));
  move(id, 'submitted', 'running', (await adapter.poll(task.remoteId)).raw);
  for (let at = sentAt + Number(generationMs); ; at += Number(firstPollMs)) {
    await until(at);
    const done = await adapter.poll(task.remoteId);
    if (done.state === 'queued' || done.state === 'running') continue;
    // The fake fails nothing it is not told to: anything else is a broken bench, not a wait.
    if (done.state !== 'succeeded') throw new Error(`job ${id}: the fake answered ${done.state}`);
    move(id, 'running', 'downloading', done.raw);
    await adapter.download(done.outputUrl, outputTempPath(project.folder, TOOL));
    move(id, 'downloading', 'checking', undefined);
    return;
  }
}

const cpu0 = process.cpuUsage();
const t0 = performance.now();
await Promise.all(
  Array.from({ length: Number(cap) }, async (_, lane) => {
    for (let i = lane; i < jobIds.length; i += Number(cap)) await one(jobIds[i]!);
  }),
);
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ cpuS: (cpu.user + cpu.system) / 1e6, windowS: (performance.now() - t0) / 1000 }));
project.close();
fs.rmSync(dir!, { recursive: true, force: true });
