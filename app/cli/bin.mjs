#!/usr/bin/env node
// The `shotline` bin. It runs the bundle `npm install` builds (scripts/build-cli.mjs) while every
// source file it was built from is unchanged; otherwise, in a checkout being edited or one never
// built, the TypeScript itself through tsx's loader, so `npx shotline` always runs the code as it is.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = path.join(root, 'dist', 'cli', 'shotline.mjs');

function bundleIsCurrent() {
  try {
    if (!fs.statSync(bundle).isFile()) return false;
    const inputs = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'cli', 'inputs.json'), 'utf8'));
    return inputs.every(([file, size, mtimeMs]) => {
      const stat = fs.statSync(path.join(root, file));
      return stat.size === size && stat.mtimeMs === mtimeMs;
    });
  } catch {
    return false;
  }
}

if (bundleIsCurrent()) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./main.ts');
}
