// Builds the Electron app into out/: main (out/main/index.js, package.json "main"), the
// sandboxed preload (out/preload/index.cjs) and the renderer (out/renderer), which reuses
// renderer/vite.config.ts so the devhost and Electron ship the same page.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'electron-vite';
import rendererConfig from './renderer/vite.config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Dependencies stay in node_modules and are required at runtime. better-sqlite3 must:
      // it is a native module whose Electron build is chosen at runtime (nativeBinding).
      externalizeDeps: { include: ['better-sqlite3'] },
      rolldownOptions: {
        input: { index: resolve(root, 'app/electron/main.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can require only `electron`: bundle everything else into it.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'app/electron/preload.ts') },
        // Sandboxed preloads run as classic scripts, never as ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: mergeConfig(rendererConfig, {
    root: resolve(root, 'renderer'),
    base: './',
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  }),
});
