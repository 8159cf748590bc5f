// The process boundary, checked by a tool rather than remembered: app/core never imports electron
// or the transports (app/cli, app/electron, app/devhost) that carry it; only app/electron imports
// electron; renderer imports shared only; shared imports nothing of ours, of Node, of Electron or
// of the DOM libraries; and code that ships imports no test kit (`*.testkit.ts`).
import path from 'node:path';

export interface SourceFile {
  /** Repo-relative POSIX path. */
  path: string;
  source: string;
}

const IMPORT_RE =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(?\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/gm;

export function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(IMPORT_RE)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

function layerOf(file: string): string | null {
  // renderer/src only: build configs beside it run in Node.
  for (const layer of ['app/core', 'app/electron', 'app/cli', 'app/devhost', 'renderer/src', 'shared']) {
    if (file === layer || file.startsWith(layer + '/')) return layer;
  }
  return null;
}

const isTestFile = (file: string) => /\.(test|testkit)\.tsx?$/.test(file);

export function findViolations(files: SourceFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const layer = layerOf(file.path);
    if (!layer) continue;
    for (const spec of importsOf(file.source)) {
      const target = spec.startsWith('.') ? layerOf(path.posix.normalize(path.posix.join(path.posix.dirname(file.path), spec))) : null;
      const isElectron = spec === 'electron' || spec.startsWith('electron/');
      const isNode = spec.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'url'].includes(spec);
      const say = (rule: string) => problems.push(`${file.path}: imports "${spec}" — ${rule}`);
      if (isElectron && layer !== 'app/electron') say('only app/electron may import electron');
      if (layer === 'renderer/src' && target && target !== 'renderer/src' && target !== 'shared') say('renderer may import shared only');
      if (layer === 'renderer/src' && isNode) say('renderer runs in a sandboxed page: no Node modules');
      if (layer === 'shared' && (isNode || (target && target !== 'shared'))) say('shared is pure: nothing of Node or of app/renderer');
      if (layer === 'shared' && (spec === 'react' || spec.startsWith('react-') || spec === 'better-sqlite3')) say('shared is pure: no UI or db libraries');
      if (layer.startsWith('app/') && target === 'renderer/src') say('app must not import renderer code');
      if (layer === 'app/core' && target && ['app/cli', 'app/electron', 'app/devhost'].includes(target))
        say('app/core must not import the transports that carry it');
      if (!isTestFile(file.path) && /\.testkit(\.tsx?)?$/.test(spec)) say('shipped code must not import a test kit');
    }
  }
  return problems;
}
