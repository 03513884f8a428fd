import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * Builds the command line into `out/cli/` (run by `bin/crm-intel.js`; `npm install` builds it through the
 * `prepare` script): `bin.js`, and `job-worker.js` for its worker threads. A Node (SSR) build: our code is
 * bundled, every package stays an import of `node_modules`, so native modules load as they are.
 */
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rolldownOptions: {
      input: {
        bin: resolve('src/cli/bin.ts'),
        'job-worker': resolve('src/core/jobs/worker-main.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  logLevel: 'warn',
});
