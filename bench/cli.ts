// `shotline list` on the demo project, process start to exit, as a user's shell runs it: the
// bundle `npm install` builds (scripts/build-cli.mjs), against the TypeScript run through tsx;
// and `shotline export --resolve` of the demo with its local takes, lines and music made.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, ms, report } from './report';

const BIN = path.resolve('app/cli/bin.mjs');

/** Median wall time of `runs` runs of node with these arguments. */
function medianRun(args: string[], runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function cliBench() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shotline-bench-cli-'));
  try {
    const demo = path.join(dir, 'Demo.shotline');
    execFileSync(process.execPath, [BIN, 'demo', '--no-render', '--no-export', '--out', demo], { stdio: 'ignore' });
    execFileSync(process.execPath, ['scripts/build-cli.mjs']);
    const bundled = medianRun([BIN, 'list', demo]);
    const tsx = medianRun(['--import', 'tsx', 'app/cli/main.ts', 'list', demo]);
    const bare = medianRun(['-e', '0']);
    report('CLI start (shotline list on the demo, start to exit, median of 7)', {
      'built bundle (bin.mjs)': ms(bundled),
      'TypeScript through tsx': ms(tsx),
      'node doing nothing': ms(bare),
    });
    demoExport(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function demoExport(dir: string) {
  const demo = path.join(dir, 'Rendered.shotline');
  execFileSync(process.execPath, [BIN, 'demo', '--no-export', '--out', demo], { stdio: 'ignore' });
  const times: number[] = [];
  let said = '';
  for (let i = 0; i < 3; i++) {
    const out = fs.mkdtempSync(path.join(dir, 'resolve-'));
    const t0 = performance.now();
    said = execFileSync(process.execPath, [BIN, 'export', demo, '--resolve', out], { encoding: 'utf8' });
    times.push(performance.now() - t0);
  }
  report('Resolve export of the demo (shotline export --resolve, start to exit, 3 runs)', {
    'wall time': times.map(ms).join(', '),
    'what it said':
      said
        .trim()
        .split('\n')
        .find((l) => /cop|conform|encod/i.test(l)) ?? said.trim().split('\n')[0]!,
  });
}
