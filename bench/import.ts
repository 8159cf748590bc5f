// `shotline import` of big shot lists, through the real CLI in this process: figures per size
// show whether the import stays linear (the time per shot should not grow with the list).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../app/cli/run';
import { report } from './report';

const quiet = { out: () => {}, err: () => {}, env: {} };

export async function importBench() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shotline-bench-import-'));
  try {
    const figures: Record<string, string> = {};
    for (const n of [10_000, 20_000, 50_000]) {
      const scenes = Array.from({ length: n / 50 }, (_, s) => ({
        name: `SCENE ${s + 1}`,
        shots: Array.from({ length: 50 }, (__, i) => ({ action: `Shot ${i} of scene ${s + 1}`, durationS: 5, tool: 'runway:gen4_turbo' })),
      }));
      const plan = path.join(dir, `plan-${n}.json`);
      fs.writeFileSync(plan, JSON.stringify({ scenes }));
      const film = `film-${n}.shotline`;
      if ((await run(['new', film], { ...quiet, cwd: dir })) !== 0) throw new Error('could not make the project');
      const t0 = performance.now();
      const code = await run(['import', film, plan], { ...quiet, cwd: dir });
      const s = (performance.now() - t0) / 1000;
      if (code !== 0) throw new Error(`import of ${n} shots exited ${code}`);
      figures[`${n.toLocaleString('en-US')} shots`] = `${s.toFixed(2)} s (${((s * 1e6) / n).toFixed(0)} µs a shot)`;
    }
    report('import (shotline import, JSON, 50 shots a scene)', figures);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
