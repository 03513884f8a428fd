// The schema's SQL floor: the import's own statements (staging, company links, de-dup, contacts, leads,
// custom fields, activities, search index, commit) run on rows normalised beforehand, so neither reading
// nor normalising nor the second thread is in its time. Our import over it is the cost of the JavaScript.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { normaliseFile } from '../../src/core/leads/import/normalise-file';
import { planImport } from '../../src/core/leads/import/run-import';
import { ImportStaging } from '../../src/core/leads/import/staging';
import { STAGED_COLUMNS } from '../../src/core/leads/import/staged-row';
import { previewTable } from '../../src/core/leads/read/open-table';
import { configureImportConnection, openDatabase } from '../../src/core/store/database';

/** Normalises `file` the import's way (untimed) into a SQLite file of staged rows, one column a staged column. */
export async function preNormalise(file: string, folder: string): Promise<string> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-intel-bench-plan-'));
  const planDb = openDatabase(scratch);
  const out = path.join(folder, 'normalised.sqlite');
  const records = new Database(out);
  try {
    const preview = await previewTable(file);
    const plan = planImport(planDb, file, preview);
    const columns = [...STAGED_COLUMNS.map(([column]) => column), 'custom'];
    records.exec(`PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
                  CREATE TABLE records (${columns.join(', ')})`);
    const insert = records.prepare(`INSERT INTO records VALUES (${columns.map(() => '?').join(', ')})`);
    records.exec('BEGIN');
    await normaliseFile(
      {
        file,
        layout: plan.preview.layout,
        targets: plan.matches.map((m) => m.target),
        phoneRegion: 'US',
        onDuplicate: 'skip',
      },
      ({ staged, issues }) => {
        const rejected = issues.find((issue) => issue.kind === 'rejected');
        if (rejected) throw new Error(`row rejected while pre-normalising: ${JSON.stringify(rejected.errors)}`);
        for (const row of staged) insert.run(row);
      },
    );
    records.exec('COMMIT');
    return out;
  } finally {
    records.close();
    planDb.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Writes the pre-normalised records into a fresh database in `dataDir` the way an import writes its rows. */
export function sqlFloorImport(records: string, dataDir: string): number {
  const db = openDatabase(dataDir);
  const source = new Database(records, { readonly: true });
  try {
    configureImportConnection(db);
    db.pragma('foreign_keys = OFF'); // as `runImport` does
    db.exec('BEGIN IMMEDIATE');
    const importId = Number(
      db
        .prepare(
          `INSERT INTO imports (file_name, file_sha256, file_size, status, started_at) VALUES ('floor', '', 0, 'running', ?)`,
        )
        .run(new Date().toISOString()).lastInsertRowid,
    );
    const staging = new ImportStaging(db, importId, 'skip');
    for (const row of source.prepare('SELECT * FROM records').raw().iterate() as IterableIterator<unknown[]>) {
      staging.add(row);
    }
    const { imported } = staging.finish();
    db.prepare(`UPDATE imports SET status = 'completed', finished_at = ? WHERE id = ?`).run(
      new Date().toISOString(),
      importId,
    );
    db.exec('COMMIT');
    return imported;
  } finally {
    source.close();
    db.close();
  }
}
