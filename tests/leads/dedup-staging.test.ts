import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DuplicatePolicy } from '../../src/core/leads/fields';
import { JobRunner } from '../../src/core/jobs/runner';
import { runImport, type RunImportControl } from '../../src/core/leads/import/run-import';
import type { AppServices } from '../../src/core/services/app-services';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { writeEncoded } from './support';

function csv(text: string): string {
  return writeEncoded(path.join(tempDir(), `leads-${Math.random().toString(36).slice(2)}.csv`), text, 'utf-8');
}

function tempTables(services: AppServices): string[] {
  return (services.db.prepare(`SELECT name FROM temp.sqlite_master`).all() as Array<{ name: string }>).map(
    (r) => r.name,
  );
}

const EXISTING = 'Email,Name,Company,Title,City\nada@example.com,Ada,,,London\n,Bob Stone,Acme Inc,,Leeds\n';
// Row 2 and 6 match Ada (in the database); rows 3 and 4 are one new contact (case of the email); row 5 is Bob (no email: name + company key).
const INCOMING = `Email,Name,Company,Title,City,Segment
ada@example.com,Augusta,,Countess,,s1
new@example.com,Nia,,,Oslo,n1
NEW@example.com,Nina,,CTO,Bergen,n2
,bob  stone,ACME,Owner,,b1
ada@example.com,Ann,,Lady,,s2
`;

async function importTwice(policy: DuplicatePolicy) {
  const services = testServices();
  await runImport(services.db, { file: csv(EXISTING), phoneRegion: 'US' });
  const summary = await runImport(services.db, { file: csv(INCOMING), phoneRegion: 'US', onDuplicate: policy });
  const contacts = services.db
    .prepare('SELECT first_name AS name, title, city FROM contacts ORDER BY coalesce(email_key, full_name_key)')
    .all();
  // The lead's timeline as the lead detail shows it (the "imported" event is derived from the lead).
  const leads = (
    services.db
      .prepare(
        `SELECT l.id, c.first_name AS contact, l.row_number AS row,
              (SELECT group_concat(f.key || '=' || f.value) FROM json_each(l.custom_fields) f) AS custom
       FROM leads l JOIN contacts c ON c.id = l.contact_id WHERE l.import_id = ? ORDER BY l.row_number`,
      )
      .all(summary.importId) as Array<{ id: number; contact: string; row: number; custom: string }>
  ).flatMap(({ id, contact, row, custom }) =>
    services.leads
      .getLead(id)
      .activities.map((a) => ({ contact, row, kind: a.kind, detail: JSON.stringify(a.detail), custom })),
  );
  return {
    summary,
    contacts,
    leads,
    tempTables: tempTables(services),
    indexed: services.leads.listLeads({ filter: { search: 'Oslo' } }).total,
  };
}

describe('de-duplication of staged rows against the database and each other', () => {
  it('skip: only the first row of a contact not yet stored is written', async () => {
    const result = await importTwice('skip');
    expect(result.summary).toMatchObject({ rowsTotal: 5, imported: 1, duplicates: 4, rejected: 0 });
    expect(result.contacts).toEqual([
      { name: 'Ada', title: null, city: 'London' },
      { name: 'Bob', title: null, city: 'Leeds' },
      { name: 'Nia', title: null, city: 'Oslo' },
    ]);
    expect(result.leads).toEqual([
      {
        contact: 'Nia',
        row: 3,
        kind: 'imported',
        detail: expect.stringMatching(/^\{"importId":\d+,"row":3\}$/),
        custom: 'Segment=n1',
      },
    ]);
    expect(result.indexed).toBe(1);
    expect(result.tempTables).toEqual([]);
  });

  it('update: later non-empty values win, in file order, for the contact, its lead of this import and its custom fields', async () => {
    const result = await importTwice('update');
    expect(result.summary).toMatchObject({ imported: 1, duplicates: 4 });
    expect(result.contacts).toEqual([
      { name: 'Ann', title: 'Lady', city: 'London' },
      { name: 'bob', title: 'Owner', city: 'Leeds' },
      { name: 'Nina', title: 'CTO', city: 'Bergen' },
    ]);
    expect(result.leads).toEqual([
      {
        contact: 'Ann',
        row: 2,
        kind: 'import_updated_contact',
        detail: expect.stringMatching(/"row":2\}$/),
        custom: 'Segment=s2',
      },
      { contact: 'Nina', row: 3, kind: 'imported', detail: expect.stringMatching(/"row":3\}$/), custom: 'Segment=n2' },
      {
        contact: 'bob',
        row: 5,
        kind: 'import_updated_contact',
        detail: expect.stringMatching(/"row":5\}$/),
        custom: 'Segment=b1',
      },
    ]);
  });

  it('merge: only empty values are filled, the first in file order wins', async () => {
    const result = await importTwice('merge');
    expect(result.contacts).toEqual([
      { name: 'Ada', title: 'Countess', city: 'London' },
      { name: 'Bob', title: 'Owner', city: 'Leeds' },
      { name: 'Nia', title: 'CTO', city: 'Oslo' },
    ]);
    expect(result.leads).toEqual([
      {
        contact: 'Ada',
        row: 2,
        kind: 'import_merged_contact',
        detail: expect.stringMatching(/"row":2\}$/),
        custom: 'Segment=s1',
      },
      { contact: 'Nia', row: 3, kind: 'imported', detail: expect.stringMatching(/"row":3\}$/), custom: 'Segment=n1' },
      {
        contact: 'Bob',
        row: 5,
        kind: 'import_merged_contact',
        detail: expect.stringMatching(/"row":5\}$/),
        custom: 'Segment=b1',
      },
    ]);
    expect(result.tempTables).toEqual([]);
  });
});

describe.each([
  ["read in the import's thread", {}],
  ['read in a second thread', { normaliseIn: new JobRunner() }],
] satisfies Array<[string, RunImportControl]>)('staging tables, the file %s', (_, reading) => {
  const manyRows = () =>
    csv(`Email,Company\n${Array.from({ length: 30_000 }, (_, i) => `p${i}@example.com,Co ${i % 100}`).join('\n')}\n`);

  it('leave nothing behind after a failed, a cancelled or a dry-run import, and the connection imports again', async () => {
    const services = testServices();
    const failing = runImport(
      services.db,
      { file: manyRows(), phoneRegion: 'US' },
      {
        ...reading,
        progress: () => {
          throw new Error('disk on fire');
        },
      },
    );
    await expect(failing).rejects.toThrow('disk on fire');
    expect(tempTables(services)).toEqual([]);
    const controller = new AbortController();
    const cancelled = runImport(
      services.db,
      { file: manyRows(), phoneRegion: 'US' },
      { ...reading, signal: controller.signal, progress: () => controller.abort() },
    );
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(tempTables(services)).toEqual([]);
    await runImport(services.db, { file: csv('Email\na@example.com\n'), phoneRegion: 'US', dryRun: true }, reading);
    expect(tempTables(services)).toEqual([]);
    expect(services.db.prepare('SELECT count(*) AS n FROM contacts').get()).toEqual({ n: 0 });
    const summary = await runImport(services.db, { file: csv('Email\na@example.com\n'), phoneRegion: 'US' }, reading);
    expect(summary.imported).toBe(1);
    expect(tempTables(services)).toEqual([]);
  });
});
