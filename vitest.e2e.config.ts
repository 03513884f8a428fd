import { defineConfig } from 'vitest/config';

/** End-to-end: the built renderer in Debian's Chromium, bridged to the real handler table (`npm run test:e2e`). */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    pool: 'forks',
    // One browser at a time: the machines have two cores shared with the rest of the suite.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
