import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '../..');
const ENTRY = path.join(root, 'out/cli/bin.js');

/** The newest modification time of a file under `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/**
 * Vitest global setup: tests that start `bin/crm-intel.js` run the built command line, so it is rebuilt
 * before them when any source is newer than the build (once per test run, before the test files start).
 */
export default async function buildCli(): Promise<void> {
  const built = fs.existsSync(ENTRY) ? fs.statSync(ENTRY).mtimeMs : 0;
  const sources = Math.max(newest(path.join(root, 'src')), fs.statSync(path.join(root, 'vite.cli.config.ts')).mtimeMs);
  if (built > sources) return;
  await build({ configFile: path.join(root, 'vite.cli.config.ts'), root, logLevel: 'error' });
}
