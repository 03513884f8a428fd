import type { Migration } from '../migrate';

/**
 * Lead import and the leads table's search:
 * - `companies.created_by_import_id`, so undoing an import also removes the companies only it created;
 * - `contacts_fts`, an FTS5 index over the contact columns the leads table searches (name, email, company,
 *   title, city), kept in step by triggers. Measured at 100,000 leads: see docs/benchmarks.md, "Lead import".
 */
export const leadImportAndSearch: Migration = {
  version: 4,
  name: 'lead import provenance and full-text search',
  up: (db) =>
    db.exec(`
      ALTER TABLE companies ADD COLUMN created_by_import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL;
      CREATE INDEX companies_created_by_import ON companies(created_by_import_id);
      CREATE INDEX contacts_full_name_key ON contacts(full_name_key);
      CREATE INDEX import_mappings_updated ON import_mappings(updated_at);

      -- Contentless (the text stays in contacts) with deletes by rowid, which are harmless for a missing row.
      CREATE VIRTUAL TABLE contacts_fts USING fts5(
        full_name, email, company_name, title, city,
        content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
      );
      INSERT INTO contacts_fts(rowid, full_name, email, company_name, title, city)
        SELECT id, full_name, email, company_name, title, city FROM contacts;
      -- An import indexes the contacts it creates in one statement before it commits (ten times faster than
      -- a trigger per row, measured); until then its import row is 'running' and the triggers leave them alone.
      CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts
      WHEN new.created_by_import_id IS NULL BEGIN
        INSERT INTO contacts_fts(rowid, full_name, email, company_name, title, city)
        VALUES (new.id, new.full_name, new.email, new.company_name, new.title, new.city);
      END;
      CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
        DELETE FROM contacts_fts WHERE rowid = old.id;
      END;
      CREATE TRIGGER contacts_fts_update AFTER UPDATE OF full_name, email, company_name, title, city ON contacts
      WHEN old.created_by_import_id IS NULL OR old.created_by_import_id NOT IN (SELECT id FROM imports WHERE status = 'running') BEGIN
        DELETE FROM contacts_fts WHERE rowid = old.id;
        INSERT INTO contacts_fts(rowid, full_name, email, company_name, title, city)
        VALUES (new.id, new.full_name, new.email, new.company_name, new.title, new.city);
      END;
    `),
};
