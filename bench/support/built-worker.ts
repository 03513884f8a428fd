// The job worker as the app and the command line run it: built JavaScript (`job-worker.js`), not the
// TypeScript source through tsx. Under tsx every worker thread registers its own loader, which runs in a
// thread of its own with its own V8 heap, so each import thread would bring a second one that no user
// runs (figures in docs/benchmarks.md, Issue 15 session 11).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Builds the command line's bundle (`vite.cli.config.ts`) from the current source into `bench/.data/cli`
 * (ignored by git; inside the project so its imports find node_modules) and returns its job worker. Built
 * in a child process on every run, so neither a stale bundle nor the bundler's memory is measured.
 */
export function buildJobWorker(): string {
  const outDir = path.join(repoRoot, 'bench/.data/cli');
  execFileSync(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'vite.cli.config.ts',
      '--outDir',
      outDir,
      '--emptyOutDir',
    ],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return path.join(outDir, 'job-worker.js');
}
