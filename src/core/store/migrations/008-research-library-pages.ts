import type { Migration } from '../migrate';

/**
 * PDFs in the research library are searched page by page, so a hit can point at its page (`…/x.pdf#page=3`).
 * A passage is one FTS row: a whole text document (page NULL) or one PDF page. Existing FTS rows were keyed
 * by document id, so each becomes that document's single passage with the same id.
 */
export const researchLibraryPages: Migration = {
  version: 8,
  name: 'research library pages',
  up: (db) =>
    db.exec(`
      CREATE TABLE research_passages (
        id          INTEGER PRIMARY KEY, -- the rowid of its research_fts row
        document_id INTEGER NOT NULL REFERENCES research_documents(id) ON DELETE CASCADE,
        page        INTEGER CHECK (page IS NULL OR page >= 1)
      );
      CREATE INDEX research_passages_document ON research_passages(document_id);
      INSERT INTO research_passages (id, document_id, page) SELECT id, id, NULL FROM research_documents;
    `),
};
