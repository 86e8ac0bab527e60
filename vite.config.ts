// One config for the client build, the dev server and the three vitest projects.
import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { precompress } from './scripts/precompress';
import { serviceWorker } from './scripts/service-worker';

const apiPort = Number(process.env.PORT ?? 8787);

export default defineConfig({
  root: 'client',
  plugins: [solid(), serviceWorker(), precompress()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    // AG Grid in a chunk of its own: it changes only when the dependency is upgraded, so an officer's
    // browser keeps it cached (immutable) across our releases and a new release downloads only our code.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'ag-grid', test: /node_modules[\\/]ag-grid-community/ }] } } },
  },
  server: { proxy: { '/api': `http://127.0.0.1:${apiPort}` } },
  test: {
    root: '.',
    projects: [
      {
        // Server code runs on Node: no Solid plugin, whose browser resolve conditions break Node packages.
        test: { name: 'server', root: '.', environment: 'node', testTimeout: 30_000, include: ['test/server/**/*.test.ts', 'test/domain/**/*.test.ts', 'test/schema/**/*.test.ts', 'test/templates/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'client', root: '.', environment: 'jsdom', include: ['test/client/**/*.test.{ts,tsx}'] },
      },
      {
        test: {
          name: 'e2e',
          root: '.',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // Real Chromium on a loaded two-core CI machine: a test that fails is run once more and the
          // reporter says so ("retry"). Races found this way are fixed in the test (read with `poll`),
          // never left to the retry; a test that fails twice fails the run.
          retry: 1,
        },
      },
    ],
  },
});
