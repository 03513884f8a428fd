import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/core/leads/import/run-import';
import type { Db } from '../../src/core/store/database';
import { openDatabase } from '../../src/core/store/database';
import { databaseBefore } from '../support/database-before';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { writeEncoded } from './support';

/** The contacts a one-word search finds, by e-mail. */
function found(db: Db, word: string): string[] {
  return (
    db
      .prepare(
        `SELECT c.email FROM contacts_fts f JOIN contacts c ON c.id = f.rowid WHERE contacts_fts MATCH ? ORDER BY c.email`,
      )
      .all(`"${word}"`) as Array<{ email: string }>
  ).map((row) => row.email);
}

/** FTS5's own check: with external content it also compares the index with every contact's text now. */
function checkIndex(db: Db): void {
  db.prepare(`INSERT INTO contacts_fts(contacts_fts) VALUES ('integrity-check')`).run();
}

describe('the contacts search index (migration 025)', () => {
  it('indexes the contacts stored before it, and follows edits and deletes', () => {
    const dir = tempDir();
    const old = databaseBefore(25, dir);
    const importId = old
      .prepare(
        `INSERT INTO imports (file_name, file_sha256, file_size, status, started_at) VALUES ('a.csv', 'x', 1, 'completed', '2026-01-01T00:00:00Z')`,
      )
      .run().lastInsertRowid;
    const contact = old.prepare(
      `INSERT INTO contacts (full_name, email, email_key, company_name, title, city, created_by_import_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    contact.run('Ada Lovelace', 'ada@x.io', 'ada@x.io', 'Analytical Engines', 'Countess', 'London', null);
    contact.run('Grace Hopper', 'grace@y.io', 'grace@y.io', 'Navy', 'Rear Admiral', 'Arlington', importId);
    // An import indexed its own contacts in one statement, as staging-store.ts did before this migration.
    old.exec(`INSERT INTO contacts_fts(rowid, full_name, email, company_name, title, city)
              SELECT id, full_name, email, company_name, title, city FROM contacts WHERE created_by_import_id IS NOT NULL`);
    old.close();

    const db = openDatabase(dir);
    expect(found(db, 'lovelace')).toEqual(['ada@x.io']);
    expect(found(db, 'admiral')).toEqual(['grace@y.io']);
    expect(found(db, 'y')).toEqual(['grace@y.io']);
    checkIndex(db);
    // What each indexed contact no longer costs: a row of column sizes (nothing reads them; no rank is asked for).
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'contacts_fts_docsize'`).get()).toBeUndefined();

    db.prepare(`UPDATE contacts SET city = 'Paris', title = NULL WHERE email = 'ada@x.io'`).run();
    expect(found(db, 'london')).toEqual([]);
    expect(found(db, 'countess')).toEqual([]);
    expect(found(db, 'paris')).toEqual(['ada@x.io']);
    db.prepare(`DELETE FROM contacts WHERE email = 'grace@y.io'`).run();
    expect(found(db, 'hopper')).toEqual([]);
    checkIndex(db);
    db.close();
  });

  it('matches the contacts after an import with duplicates updated, and after its undo', async () => {
    const services = testServices();
    const file = (text: string) =>
      writeEncoded(path.join(tempDir(), `leads-${Math.random().toString(36).slice(2)}.csv`), text, 'utf-8');
    await runImport(services.db, {
      file: file('Email,Name,City\nada@example.com,Ada Lovelace,London\nbo@example.com,Bo Diddley,Leeds\n'),
      phoneRegion: 'US',
    });
    const second = await runImport(services.db, {
      file: file('Email,Name,City\nada@example.com,Ada Byron,Paris\ncy@example.com,Cy Twombly,Oslo\n'),
      phoneRegion: 'US',
      onDuplicate: 'update',
    });
    expect(found(services.db, 'london')).toEqual([]);
    expect(found(services.db, 'paris')).toEqual(['ada@example.com']);
    expect(found(services.db, 'oslo')).toEqual(['cy@example.com']);
    checkIndex(services.db);

    services.leads.undoImport(second.importId!);
    expect(found(services.db, 'oslo')).toEqual([]);
    expect(found(services.db, 'leeds')).toEqual(['bo@example.com']);
    checkIndex(services.db);
    services.close();
  });
});
