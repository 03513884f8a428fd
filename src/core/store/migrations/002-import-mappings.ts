import type { Migration } from '../migrate';

/** Column mappings the analyst confirmed, remembered by the header signature of the file they came from. */
export const importMappings: Migration = {
  version: 2,
  name: 'remembered import mappings',
  up: (db) =>
    db.exec(`
      CREATE TABLE import_mappings (
        header_signature  TEXT PRIMARY KEY,
        headers           TEXT NOT NULL CHECK (json_valid(headers)),
        mapping           TEXT NOT NULL CHECK (json_valid(mapping)),
        updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      ALTER TABLE imports ADD COLUMN warnings INTEGER NOT NULL DEFAULT 0;
    `),
};
