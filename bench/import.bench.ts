// Lead import at scale: a generated 15-column lead file of 100,000 and 1,000,000 rows (in the OS temp
// folder, never committed). Our import (worker thread, validation, de-dup, five tables, search index, one
// transaction) against the sqlite3 shell's `.import` of the same file into a plain table, same run.
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppServices } from '../src/core/services/app-services';
import { openConfBackend } from '../src/core/settings/conf-backend';
import { MemorySecretStore } from '../tests/support/memory-secrets';
import { report, withPeakMemory } from './support/measure';

const HEADER = 'First Name,Last Name,Email,Phone,Company,Title,Website,LinkedIn URL,City,State,Country,Lead Source,Lead Status,Notes,Industry';

async function generate(file: string, rows: number): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write(`${HEADER}\n`);
  for (let i = 0; i < rows; i++) {
    const company = i % 50_000;
    const line = `First${i},"Last, ${i}",person${i}@company${company}.com,+1 415 555 ${String(i % 10_000).padStart(4, '0')},Company ${company} Inc,"Head of ""Sales""",https://company${company}.com,https://linkedin.com/in/p${i},San Francisco,CA,USA,Web,New,"Met at a conference, ${i % 7} follow-ups",Software\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function sqliteShellImport(file: string, folder: string): number {
  const db = path.join(folder, 'shell.sqlite');
  const started = performance.now();
  execFileSync('sqlite3', [db, `.import --csv ${file} leads`]);
  return performance.now() - started;
}

async function ourImport(file: string, folder: string) {
  const dataDir = path.join(folder, 'data');
  const services = createAppServices({ dataDir, settingsBackend: openConfBackend(dataDir), secrets: new MemorySecretStore(), env: {} });
  try {
    return await withPeakMemory(() => services.leads.startImport({ file }));
  } finally {
    services.close();
  }
}

/** `BENCH_IMPORT_ROWS=100000 npm run bench import` measures one size (while iterating); default both. */
function sizes(): number[] {
  const chosen = process.env.BENCH_IMPORT_ROWS;
  return chosen ? chosen.split(',').map(Number) : [100_000, 1_000_000];
}

export async function run(): Promise<void> {
  for (const rows of sizes()) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-intel-bench-import-'));
    try {
      const file = path.join(folder, `leads-${rows}.csv`);
      await generate(file, rows);
      const shellMs = sqliteShellImport(file, folder);
      const ours = await ourImport(file, folder);
      if (ours.result.imported !== rows) throw new Error(`imported ${ours.result.imported} of ${rows} rows`);
      const label = `${rows.toLocaleString('en-US')} rows × 15 columns (${(fs.statSync(file).size / 1e6).toFixed(0)} MB)`;
      report(`${label}: sqlite3 .import (reference)`, `${(shellMs / 1000).toFixed(2)} s`);
      report(`${label}: crm-intel import`, `${(ours.wallMs / 1000).toFixed(2)} s`, { value: ours.wallMs / shellMs, goal: '<= 2.0, aim 1.5' });
      report(`${label}: import rate`, `${Math.round(rows / (ours.wallMs / 1000))} rows/s`);
      report(`${label}: peak RSS (goal < 300 MB, flat)`, `${ours.peakRssMb.toFixed(0)} MB`);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }
}
