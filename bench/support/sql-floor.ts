// The schema's SQL floor: the import's own statements (staging, company links, de-dup, contacts, leads,
// custom fields, activities, search index, commit) run on rows normalised beforehand, so neither reading
// nor normalising nor the second thread is in its time. Our import over it is the cost of the JavaScript.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { tuneImportConnection } from '../../src/core/leads/import/import-job';
import { normaliseFile } from '../../src/core/leads/import/normalise-file';
import { planImport } from '../../src/core/leads/import/run-import';
import { ImportStaging } from '../../src/core/leads/import/staging';
import type { LeadRecord } from '../../src/core/leads/normalise/row';
import { previewTable } from '../../src/core/leads/read/open-table';
import { openDatabase } from '../../src/core/store/database';

const FIELDS = [
  'rowNumber',
  'firstName',
  'lastName',
  'fullName',
  'fullNameKey',
  'email',
  'emailKey',
  'phone',
  'phoneRaw',
  'company',
  'companyKey',
  'domain',
  'title',
  'website',
  'linkedinUrl',
  'city',
  'state',
  'country',
  'leadSource',
  'leadStatus',
  'notes',
] as const satisfies ReadonlyArray<keyof LeadRecord>;

/** Normalises `file` the import's way (untimed) into a SQLite file of lead records, one column a field. */
export async function preNormalise(file: string, folder: string): Promise<string> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-intel-bench-plan-'));
  const planDb = openDatabase(scratch);
  const out = path.join(folder, 'normalised.sqlite');
  const records = new Database(out);
  try {
    const preview = await previewTable(file);
    const plan = planImport(planDb, file, preview);
    records.exec(`PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
                  CREATE TABLE records (${FIELDS.map((f) => `"${f}"`).join(', ')}, custom)`);
    const insert = records.prepare(`INSERT INTO records VALUES (${FIELDS.map(() => '?').join(', ')}, ?)`);
    records.exec('BEGIN');
    await normaliseFile(
      { file, layout: plan.preview.layout, targets: plan.matches.map((m) => m.target), phoneRegion: 'US' },
      ({ outcomes }) => {
        for (const outcome of outcomes) {
          if (outcome.kind !== 'lead')
            throw new Error(`row rejected while pre-normalising: ${JSON.stringify(outcome.errors)}`);
          insert.run(
            ...FIELDS.map((f) => outcome.lead[f]),
            outcome.lead.customFields.length > 0 ? JSON.stringify(outcome.lead.customFields) : null,
          );
        }
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

/** A stored record back as the normaliser gave it, field by field (no generic mapping in the timed loop). */
function toRecord(r: unknown[]): LeadRecord {
  const v = (i: number) => r[i] as string | null;
  return {
    rowNumber: r[0] as number,
    firstName: v(1),
    lastName: v(2),
    fullName: v(3),
    fullNameKey: v(4),
    email: v(5),
    emailKey: v(6),
    phone: v(7),
    phoneRaw: v(8),
    company: v(9),
    companyKey: v(10),
    domain: v(11),
    title: v(12),
    website: v(13),
    linkedinUrl: v(14),
    city: v(15),
    state: v(16),
    country: v(17),
    leadSource: v(18),
    leadStatus: v(19),
    notes: v(20),
    customFields: v(21) ? (JSON.parse(v(21)!) as LeadRecord['customFields']) : [],
  };
}

/** Writes the pre-normalised records into a fresh database in `dataDir` the way an import writes its rows. */
export function sqlFloorImport(records: string, dataDir: string): number {
  const db = openDatabase(dataDir);
  const source = new Database(records, { readonly: true });
  try {
    tuneImportConnection(db);
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
      staging.add(toRecord(row));
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
