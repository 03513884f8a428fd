import type { Migration } from '../migrate';

const SEARCHED = 'full_name, email, company_name, title, city';
const NEW_VALUES = 'new.id, new.full_name, new.email, new.company_name, new.title, new.city';
const OLD_VALUES = 'old.id, old.full_name, old.email, old.company_name, old.title, old.city';

/**
 * The leads table's search index reads its text from `contacts` (FTS5 external content) and keeps no
 * per-row token counts (`columnsize=0`). The contentless index it replaces had to store, for every contact,
 * a row of column sizes and the row's origin (what `contentless_delete` needs to delete by rowid alone);
 * nothing reads either: the search asks only for rowids, never for a rank. Same tokenizer and detail, so a
 * search matches the same contacts. With external content a contact is taken out of the index by the values
 * it was indexed with, so the delete and update triggers pass the old row's values; the import still indexes
 * the contacts it creates one statement a chunk (`staging-store.ts`), before any later row of the file
 * changes them. Existing contacts are indexed again from the table (`rebuild`).
 */
export const searchIndexOverContacts: Migration = {
  version: 25,
  name: 'search index over the contacts table, without column sizes',
  up: (db) =>
    db.exec(`
      DROP TRIGGER contacts_fts_insert;
      DROP TRIGGER contacts_fts_delete;
      DROP TRIGGER contacts_fts_update;
      DROP TABLE contacts_fts;
      CREATE VIRTUAL TABLE contacts_fts USING fts5(
        ${SEARCHED},
        content='contacts', content_rowid='id', columnsize=0, tokenize='unicode61 remove_diacritics 2'
      );
      INSERT INTO contacts_fts(contacts_fts) VALUES ('rebuild');
      CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts
      WHEN new.created_by_import_id IS NULL BEGIN
        INSERT INTO contacts_fts(rowid, ${SEARCHED}) VALUES (${NEW_VALUES});
      END;
      CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
        INSERT INTO contacts_fts(contacts_fts, rowid, ${SEARCHED}) VALUES ('delete', ${OLD_VALUES});
      END;
      CREATE TRIGGER contacts_fts_update AFTER UPDATE OF ${SEARCHED} ON contacts BEGIN
        INSERT INTO contacts_fts(contacts_fts, rowid, ${SEARCHED}) VALUES ('delete', ${OLD_VALUES});
        INSERT INTO contacts_fts(rowid, ${SEARCHED}) VALUES (${NEW_VALUES});
      END;
    `),
};
