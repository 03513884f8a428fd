import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/core/store/database';
import { writeTransaction } from '../../src/core/store/transaction';
import { tempDir } from '../support/temp-dir';

let db: Db | undefined;
afterEach(() => db?.close());

/** A lead pointing at a contact that does not exist (yet): what a foreign key check refuses. */
const danglingLead = (db: Db, contactId = 999) =>
  db.prepare('INSERT INTO leads (contact_id) VALUES (?)').run(contactId);
const leads = (db: Db) => (db.prepare('SELECT COUNT(*) AS n FROM leads').get() as { n: number }).n;
const checksForeignKeys = (db: Db) => db.pragma('foreign_keys', { simple: true }) === 1;

describe('writeTransaction', () => {
  it('commits what work asks to commit and rolls back a dry run, checking foreign keys by default', async () => {
    db = openDatabase(tempDir());
    const open = db;
    await expect(
      writeTransaction(open, async () => {
        danglingLead(open);
        return { commit: true, result: null };
      }),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect(open.inTransaction).toBe(false);

    const contact = Number(open.prepare("INSERT INTO contacts (full_name) VALUES ('Ada')").run().lastInsertRowid);
    const dry = await writeTransaction(open, async () => {
      open.prepare('INSERT INTO leads (contact_id) VALUES (?)').run(contact);
      return { commit: false, result: 'dry' };
    });
    expect(dry).toBe('dry');
    expect(leads(open)).toBe(0);
  });

  it('with foreign keys unchecked, writes a reference before its row and checks them again afterwards', async () => {
    db = openDatabase(tempDir());
    const open = db;
    await writeTransaction(
      open,
      async () => {
        expect(checksForeignKeys(open)).toBe(false);
        danglingLead(open);
        open.prepare("INSERT INTO contacts (id, full_name) VALUES (999, 'Ada')").run();
        return { commit: true, result: null };
      },
      { checkForeignKeys: false },
    );
    expect(leads(open)).toBe(1);
    expect(checksForeignKeys(open)).toBe(true);

    await expect(
      writeTransaction(
        open,
        async () => {
          danglingLead(open);
          throw new Error('cancelled');
        },
        { checkForeignKeys: false },
      ),
    ).rejects.toThrow('cancelled');
    expect(leads(open)).toBe(1);
    expect(checksForeignKeys(open)).toBe(true);
    expect(() => danglingLead(open, 1000)).toThrow(/FOREIGN KEY/);
  });
});
