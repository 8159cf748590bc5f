// Bundles the CLI into dist/cli/shotline.mjs, and the chunks it imports as a command runs, so
// `shotline` starts without compiling TypeScript at every run (about 0.6 s through tsx against
// 0.2 s). Runs on install (the `prepare` script). Beside the bundle, inputs.json records each source
// file's size and time: bin.mjs runs the bundle only while every one still matches, so an edited
// checkout never runs stale code (it falls back to tsx).
// An optional argument names another folder under the root (tests build their own copy there).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, process.argv[2] ?? path.join('dist', 'cli'));
fs.mkdirSync(out, { recursive: true });
// inputs.json goes first and comes back last: a build stopped midway leaves bin.mjs on tsx rather
// than on a bundle missing some of its chunks. Every output but shotline.mjs is named by its
// content, so the last build's would pile up here.
fs.rmSync(path.join(out, 'inputs.json'), { force: true });
for (const file of fs.readdirSync(out)) if (file.endsWith('.mjs')) fs.rmSync(path.join(out, file));
const result = await build({
  absWorkingDir: root,
  entryPoints: { shotline: 'app/cli/main.ts' },
  bundle: true,
  // Each command is imported when it runs (app/cli/run.ts): split, a command's start compiles
  // its own code and what it shares, not the whole CLI.
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Native and heavy packages load from node_modules as usual (sharp and pdfkit lazily, on first
  // use); pure-JS ones such as zod are bundled in: resolving and loading their hundreds of ES
  // modules one by one took a third of a `shotline list`.
  external: ['better-sqlite3', 'sharp', 'pdfkit', 'ffmpeg-static', 'electron'],
  outdir: out,
  outExtension: { '.js': '.mjs' },
  metafile: true,
  logLevel: 'warning',
});
const inputs = Object.keys(result.metafile.inputs).map((file) => {
  const stat = fs.statSync(path.join(root, file));
  return [file, stat.size, stat.mtimeMs];
});
fs.writeFileSync(path.join(out, 'inputs.json'), JSON.stringify(inputs));
