import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JobRunner } from '../../src/core/jobs/runner';
import type { DuplicatePolicy } from '../../src/core/leads/fields';
import { runImport, type RunImportControl } from '../../src/core/leads/import/run-import';
import type { Db } from '../../src/core/store/database';
import { testServices } from '../support/services';
import { leadFile, writeLeadFile, type GeneratedFile } from './generated-files';

const CONTACT_KEY = `coalesce(c.email_key, c.full_name_key || '|' || c.company_key)`;
const SEARCHED = ['ada', 'bob', 'zoe', 'acme', 'globex', 'initech', 'example'];

/** The database without its ids, which depend on where chunks end: every row named by what it holds. */
function contents(db: Db) {
  const all = (sql: string) => db.prepare(sql).all();
  return {
    companies: all('SELECT name, name_key, domain, created_by_import_id FROM companies ORDER BY id'),
    contacts: all(`SELECT ${CONTACT_KEY} AS key, first_name, last_name, full_name, email, title, city, company_name,
                          (SELECT name FROM companies co WHERE co.id = c.company_id) AS company, created_by_import_id
                   FROM contacts c ORDER BY key`),
    leads: all(`SELECT l.import_id, l.row_number, ${CONTACT_KEY} AS contact, l.source, l.status, l.notes,
                       (SELECT name FROM companies co WHERE co.id = l.company_id) AS company,
                       (SELECT group_concat(key || '=' || value, ';') FROM (SELECT key, value FROM json_each(l.custom_fields) ORDER BY key)) AS custom,
                       (SELECT group_concat(kind || ' ' || detail, ';') FROM lead_activities a WHERE a.lead_id = l.id) AS activities
                FROM leads l JOIN contacts c ON c.id = l.contact_id ORDER BY l.import_id, l.row_number, contact`),
    search: Object.fromEntries(SEARCHED.map((word) => [word, searchIndex(db, word)])),
  };
}

/** The contacts the search index finds for a word. */
function searchIndex(db: Db, word: string): string[] {
  return (
    db
      .prepare(
        `SELECT ${CONTACT_KEY} AS key FROM contacts_fts f JOIN contacts c ON c.id = f.rowid WHERE contacts_fts MATCH ? ORDER BY key`,
      )
      .all(`"${word}"`) as Array<{ key: string }>
  ).map((row) => row.key);
}

/** The contacts whose searched columns, as they are now, hold the word (what the index must find). */
function holdingWord(db: Db, word: string): string[] {
  const rows = db
    .prepare(`SELECT ${CONTACT_KEY} AS key, full_name, email, company_name, title, city FROM contacts c ORDER BY key`)
    .all() as Array<Record<string, string | null>>;
  const words = (value: string | null) =>
    (value ?? '')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u);
  return rows
    .filter(({ key: _key, ...columns }) => Object.values(columns).some((value) => words(value).includes(word)))
    .map((row) => row.key as string);
}

async function importBoth(
  stored: GeneratedFile,
  incoming: GeneratedFile,
  policy: DuplicatePolicy,
  control: RunImportControl = {},
) {
  const services = testServices();
  try {
    await runImport(services.db, { file: writeLeadFile(stored), phoneRegion: 'US' }, control);
    const summary = await runImport(
      services.db,
      { file: writeLeadFile(incoming), phoneRegion: 'US', onDuplicate: policy },
      control,
    );
    // The import writes with foreign keys off (run-import.ts): nothing it wrote may point at a missing row,
    // and the connection checks them again afterwards.
    expect(services.db.pragma('foreign_key_check')).toEqual([]);
    expect(services.db.pragma('foreign_keys', { simple: true })).toBe(1);
    // The search index reads its text from the contacts (migration 025): FTS5's check throws where they disagree.
    services.db.exec(`INSERT INTO contacts_fts(contacts_fts) VALUES ('integrity-check')`);
    const { importId: _id, ...counts } = summary;
    return {
      counts,
      contents: contents(services.db),
      truth: Object.fromEntries(SEARCHED.map((word) => [word, holdingWord(services.db, word)])),
    };
  } finally {
    services.close();
  }
}

describe('an import moved a chunk at a time', () => {
  it('writes what moving the whole file at once writes, under every duplicate policy, and its search index matches the contacts', async () => {
    await fc.assert(
      fc.asyncProperty(
        leadFile,
        leadFile,
        fc.constantFrom<DuplicatePolicy>('skip', 'update', 'merge'),
        fc.integer({ min: 1, max: 4 }),
        async (stored, incoming, policy, chunkRows) => {
          const whole = await importBoth(stored, incoming, policy);
          const chunked = await importBoth(stored, incoming, policy, { chunkRows });
          expect(chunked.counts).toEqual(whole.counts);
          expect(chunked.contents).toEqual(whole.contents);
          expect(chunked.contents.search).toEqual(chunked.truth);
          expect(whole.contents.search).toEqual(whole.truth);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('an import read and normalised in a second worker thread', () => {
  const runner = new JobRunner();

  it('writes what reading in its own thread writes: counts, errors, warnings, rows and search index', async () => {
    await fc.assert(
      fc.asyncProperty(
        leadFile,
        leadFile,
        fc.constantFrom<DuplicatePolicy>('skip', 'update', 'merge'),
        async (stored, incoming, policy) => {
          const here = await importBoth(stored, incoming, policy, { chunkRows: 3 });
          const beside = await importBoth(stored, incoming, policy, { chunkRows: 3, normaliseIn: runner });
          expect(beside.counts).toEqual(here.counts);
          expect(beside.contents).toEqual(here.contents);
        },
      ),
      { numRuns: 6 },
    );
    // Twelve imports with a worker thread each: on two shared, busy cores this nears the default timeout.
  }, 90_000);
});
