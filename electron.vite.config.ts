import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/**
 * Builds the three Electron targets into `out/` (package.json `main` points at `out/main/index.js`).
 * Building never needs the Electron binary: electron-vite only reads `electron/package.json` for the version.
 */
export default defineConfig({
  main: {
    build: {
      // Native modules load their .node binary at run time, so they stay outside the bundle. `keytar` is an
      // optional dependency, which electron-vite does not externalise on its own.
      externalizeDeps: { include: ['better-sqlite3', 'keytar'] },
      rolldownOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // The worker-thread entry of src/core/jobs: main runs long jobs in out/main/job-worker.js.
          'job-worker': resolve('src/core/jobs/worker-main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A `sandbox: true` preload is run as a classic script with a reduced `require`: it cannot be an ES
      // module and cannot load packages, so it is one self-contained CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react()],
    build: {
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
