#!/usr/bin/env node
// Runs the built command line (out/cli/, made by `npm run build:cli`, which `npm install` runs as `prepare`).
import { existsSync } from 'node:fs';

const entry = new URL('../out/cli/bin.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'crm-intel is not built: run `npm run build:cli` (npm install does it) in the project folder.\n',
  );
  process.exit(1);
}
await import(entry.href);
