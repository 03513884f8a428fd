// `npm run bench [name...]`: runs every bench/*.bench.ts (or those whose file name contains a given word).
// Each prints its own ratios against a reference measured in the same run, plus peak memory.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((word) => f.includes(word)))
  .sort();

if (files.length === 0) {
  console.error(`No benchmark matches ${filters.join(', ')}`);
  process.exit(1);
}
for (const file of files) {
  console.log(`\n## ${file.replace('.bench.ts', '')}`);
  const benchmark = (await import(pathToFileURL(path.join(here, file)).href)) as { run: () => Promise<void> };
  await benchmark.run();
}
