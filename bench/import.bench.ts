// Lead import at scale: a generated 15-column lead file of 100,000 and 1,000,000 rows (in the OS temp
// folder, never committed). Our import (worker threads, validation, de-dup, the lead tables, search index,
// one transaction) against two references measured in the same run: the sqlite3 shell's `.import` of the
// same file into a plain table (median of three), and the schema's SQL floor (our own statements on rows
// normalised beforehand, `support/sql-floor.ts`). Every figure carries its CPU time, CPU% and the machine's
// load; a ratio is refused when a run had fewer than 1.5 free cores, so a busy machine never reads as a
// regression.
// The import's threads run the built job worker, as in the app and the command line (`support/built-worker.ts`).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppServices } from '../src/core/services/app-services';
import { openConfBackend } from '../src/core/settings/conf-backend';
import { MemorySecretStore } from '../tests/support/memory-secrets';
import { buildJobWorker } from './support/built-worker';
import {
  describeConditions,
  describeSchedule,
  ratioOrRefusal,
  withConditions,
  withThreadSchedule,
  type RunConditions,
} from './support/cpu';
import { report, withPeakMemory } from './support/measure';
import { preNormalise, sqlFloorImport } from './support/sql-floor';

/** The generated lead file, written by a child process so the generator's garbage is not in our peak RSS. */
function generate(file: string, rows: number): void {
  execFileSync(process.execPath, [
    '--import',
    'tsx',
    path.join(import.meta.dirname, 'support/lead-file.ts'),
    file,
    String(rows),
  ]);
}

/** One `.import` into a fresh database file, so each reference run starts where the first did. */
function sqliteShellImport(file: string, folder: string): void {
  const target = path.join(folder, 'shell.sqlite');
  fs.rmSync(target, { force: true });
  execFileSync('sqlite3', [target, `.import --csv ${file} leads`]);
}

/** The reference run of median wall time: a single `.import` varied by a quarter between quiet runs. */
function medianRun(runs: RunConditions[]): RunConditions {
  return [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)]!;
}

async function ourImport(file: string, folder: string, jobWorkerFile: string) {
  const dataDir = path.join(folder, 'data');
  const services = createAppServices({
    dataDir,
    settingsBackend: openConfBackend(dataDir),
    secrets: new MemorySecretStore(),
    env: {},
    jobWorkerFile,
  });
  try {
    return await withPeakMemory(() => services.leads.startImport({ file }));
  } finally {
    services.close();
  }
}

/** One figure with its CPU and load; with a reference, the ratio or why there is none. */
function line(label: string, run: RunConditions, reference?: RunConditions, what?: string): void {
  const time = `${(run.wallMs / 1000).toFixed(2)} s`;
  const verdict = reference ? ratioOrRefusal(run, reference) : undefined;
  const ratio = !verdict
    ? ''
    : 'ratio' in verdict
      ? `   ${what}: ${verdict.ratio.toFixed(2)}`
      : `   ${what}: ${verdict.refused}`;
  report(label, `${time}${ratio}`);
  console.log(`    ${describeConditions(run)}`);
}

/** `BENCH_IMPORT_ROWS=100000 npm run bench import` measures one size (while iterating); default both. */
function sizes(): number[] {
  const chosen = process.env.BENCH_IMPORT_ROWS;
  return chosen ? chosen.split(',').map(Number) : [100_000, 1_000_000];
}

export async function run(): Promise<void> {
  const jobWorkerFile = buildJobWorker();
  for (const rows of sizes()) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-intel-bench-import-'));
    try {
      const file = path.join(folder, `leads-${rows}.csv`);
      generate(file, rows);
      // Three references, one before each of the other runs and one after, so a slow minute of the machine
      // moves one of them, not the ratio (docs/benchmarks.md, Issue 15 session 13).
      const shells = [await withConditions(() => sqliteShellImport(file, folder))];
      // Ours before the floor's preparation, which runs in this thread: its memory is not in our peak RSS.
      const ours = await withConditions(() => ourImport(file, folder, jobWorkerFile));
      const records = await preNormalise(file, folder);
      shells.push(await withConditions(() => sqliteShellImport(file, folder)));
      const floor = await withConditions(() =>
        withThreadSchedule(() => sqlFloorImport(records, path.join(folder, 'floor'))),
      );
      shells.push(await withConditions(() => sqliteShellImport(file, folder)));
      const shell = { conditions: medianRun(shells.map((run) => run.conditions)) };
      for (const [name, imported] of [
        ['import', ours.result.result.imported],
        ['SQL floor', floor.result.result],
      ] as const) {
        if (imported !== rows) throw new Error(`${name}: imported ${imported} of ${rows} rows`);
      }
      const label = `${rows.toLocaleString('en-US')} rows × 15 columns (${(fs.statSync(file).size / 1e6).toFixed(0)} MB)`;
      line(`${label}: sqlite3 .import (reference, median of 3)`, shell.conditions);
      console.log(`    the three: ${shells.map((run) => `${(run.conditions.wallMs / 1000).toFixed(2)} s`).join(', ')}`);
      line(`${label}: SQL floor (pre-normalised rows)`, floor.conditions, shell.conditions, 'floor / .import');
      if (floor.result.schedule) console.log(`    ${describeSchedule(floor.result.schedule)}`);
      line(`${label}: crm-intel import`, ours.conditions, shell.conditions, 'import / .import, goal <= 8.0, aim 7.0');
      line(`${label}: crm-intel import over the SQL floor`, ours.conditions, floor.conditions, 'import / floor');
      report(`${label}: import rate`, `${Math.round(rows / (ours.conditions.wallMs / 1000))} rows/s`);
      report(`${label}: peak RSS (goal < 300 MB, flat)`, `${ours.result.peakRssMb.toFixed(0)} MB`);
      report(`${label}: RSS before the import (this process)`, `${ours.result.startRssMb.toFixed(0)} MB`);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }
}
