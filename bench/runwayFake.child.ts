// The Runway fake in its own process for bench/jobs.ts, so the engine's CPU figure is the
// engine's alone. Prints its URL; answers "stats" on stdin with what reached it.
import readline from 'node:readline';
import { startRunwayFake } from '../test/fakes/runway/server';

const fake = await startRunwayFake({
  apiKey: process.env.KEY,
  generationMs: Number(process.env.GENERATION_MS),
  maxConcurrent: Number(process.env.MAX_CONCURRENT),
});
console.log(JSON.stringify({ url: fake.url }));
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (line !== 'stats') return;
  const seeds = new Map<number, number>();
  for (const r of fake.requests) {
    if (r.method === 'POST' && r.path.startsWith('/v1/')) {
      const seed = (r.body as { seed: number }).seed;
      seeds.set(seed, (seeds.get(seed) ?? 0) + 1);
    }
  }
  const polls = fake.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/tasks/')).length;
  console.log(
    JSON.stringify({
      creates: [...seeds.values()].reduce((a, b) => a + b, 0),
      jobs: seeds.size,
      duplicates: [...seeds.values()].filter((n) => n > 1).length,
      polls,
    }),
  );
});
