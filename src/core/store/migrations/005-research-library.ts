import type { Migration } from '../migrate';

/** The local research library (documents of the analyst's folder in FTS5) and the target of each intel run. */
export const researchLibrary: Migration = {
  version: 5,
  name: 'research library',
  up: (db) =>
    db.exec(`
      CREATE TABLE research_documents (
        id             INTEGER PRIMARY KEY,
        path           TEXT NOT NULL UNIQUE,
        title          TEXT NOT NULL,
        mtime_ms       INTEGER NOT NULL,
        size           INTEGER NOT NULL,
        sha256         TEXT NOT NULL,
        published_date TEXT,
        indexed_at     TEXT NOT NULL
      );
      CREATE VIRTUAL TABLE research_fts USING fts5(title, body, tokenize = 'porter unicode61');
      -- The company a run researched (name, domain, aliases, namesakes to exclude), so one step can be re-run alone.
      ALTER TABLE intel_runs ADD COLUMN target TEXT CHECK (target IS NULL OR json_valid(target));
    `),
};
