import type { Migration } from '../migrate';

/**
 * An import now indexes the contacts it creates a chunk at a time, before that chunk's `update` and `merge`
 * duplicates are applied (so the search index grows while the file is read, not all at the end). A later
 * row of the same file may then change a contact that is already indexed, so the update trigger keeps the
 * index in step for every contact, not only for contacts of imports that are no longer running.
 */
export const searchIndexFollowsImportUpdates: Migration = {
  version: 11,
  name: 'search index follows updates during an import',
  up: (db) =>
    db.exec(`
      DROP TRIGGER contacts_fts_update;
      CREATE TRIGGER contacts_fts_update AFTER UPDATE OF full_name, email, company_name, title, city ON contacts BEGIN
        DELETE FROM contacts_fts WHERE rowid = old.id;
        INSERT INTO contacts_fts(rowid, full_name, email, company_name, title, city)
        VALUES (new.id, new.full_name, new.email, new.company_name, new.title, new.city);
      END;
    `),
};
