// Builds the renderer as a static bundle that both transports load unchanged: Electron from its
// app protocol, the devhost over loopback HTTP. Relative `base` keeps asset URLs valid under both.
// No React plugin: vite's own transform compiles TSX with tsconfig's `jsx: react-jsx`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      onwarn(warning, warn) {
        // react-query ships "use client" directives, meaningless in a client-only bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
