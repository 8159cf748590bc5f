import fs from 'node:fs';
import path from 'node:path';
import { findViolations, type SourceFile } from './layers';

function walk(dir: string, out: SourceFile[] = []): SourceFile[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(ts|tsx|mjs|js|cjs)$/.test(entry.name)) {
      out.push({ path: path.relative('.', full).split(path.sep).join('/'), source: fs.readFileSync(full, 'utf8') });
    }
  }
  return out;
}

const files = ['app', 'renderer', 'shared'].flatMap((d) => (fs.existsSync(d) ? walk(d) : []));
const problems = findViolations(files);
if (problems.length) {
  console.error(`Layer check failed (see docs/architecture.md):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`Layer check: ${files.length} files, no boundary crossed.`);
