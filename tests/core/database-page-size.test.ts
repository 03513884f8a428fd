import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/core/leads/import/run-import';
import { databasePath, NEW_DATABASE_PAGE_SIZE, openDatabase } from '../../src/core/store/database';
import { tempDir } from '../support/temp-dir';

const LEADS = 'First Name,Last Name,Email,Company\nAda,Lovelace,ada@x.io,Analytical\nGrace,Hopper,grace@y.io,Navy\n';

describe('database page size', () => {
  it('creates a new database with the larger page size, in WAL mode', () => {
    const db = openDatabase(tempDir());
    expect(NEW_DATABASE_PAGE_SIZE).toBeGreaterThan(4096);
    expect(db.pragma('page_size', { simple: true })).toBe(NEW_DATABASE_PAGE_SIZE);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('keeps the page size of an existing database, which still imports and searches', async () => {
    const dir = tempDir();
    const old = new Database(databasePath(dir));
    old.pragma('page_size = 4096');
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE kept (x)');
    old.close();

    const db = openDatabase(dir);
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    const file = path.join(tempDir(), 'leads.csv');
    fs.writeFileSync(file, LEADS);
    const summary = await runImport(db, { file, phoneRegion: 'US' });
    expect(summary).toMatchObject({ rowsTotal: 2, imported: 2, rejected: 0 });
    const found = db
      .prepare(`SELECT c.email FROM contacts_fts f JOIN contacts c ON c.id = f.rowid WHERE contacts_fts MATCH 'hopp*'`)
      .all();
    expect(found).toEqual([{ email: 'grace@y.io' }]);
    db.close();
    // Reopened: the size stays, the data too.
    const again = openDatabase(dir);
    expect(again.pragma('page_size', { simple: true })).toBe(4096);
    expect((again.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n).toBe(2);
    again.close();
  });
});
