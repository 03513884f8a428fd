import type { Db } from '../store/database';
import { sql, statements } from '../store/statements';
import type { Passage } from './documents';
import { SNIPPET_ELLIPSIS } from './whole-sentences';

/** What the index knows of a file: a changed modification time or size means reading it again. */
export interface DocumentStamp {
  mtimeMs: number;
  size: number;
  sha256: string;
}

/** A document being written: its row, whether this write created it, and the id of its first new passage. */
export interface DocumentDraft {
  id: number;
  isNew: boolean;
  firstPassage: number | null;
}

export interface KnownDocument {
  id: number;
  path: string;
  mtime_ms: number;
  size: number;
  sha256: string;
}

export interface PassageRow {
  path: string;
  page: number | null;
  title: string;
  published_date: string | null;
  body: string;
  snippet: string;
  rank: number;
}

/** The research library's tables: documents, their passages (a PDF page each) and the FTS5 index over them. */
export class LibraryStore {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = statements(db, {
      known: sql<[], KnownDocument>('SELECT id, path, mtime_ms, size, sha256 FROM research_documents'),
      idByPath: sql<[string], { id: number }>('SELECT id FROM research_documents WHERE path = ?'),
      touch: sql<[number, number, number]>('UPDATE research_documents SET mtime_ms = ?, size = ? WHERE id = ?'),
      insertDocument: sql<[string, string, number, number, string, string | null, string]>(
        'INSERT INTO research_documents (path, title, mtime_ms, size, sha256, published_date, indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      updateDocument: sql<[string, number, number, string, string | null, string, number]>(
        'UPDATE research_documents SET title = ?, mtime_ms = ?, size = ?, sha256 = ?, published_date = ?, indexed_at = ? WHERE id = ?',
      ),
      deleteDocument: sql<[number]>('DELETE FROM research_documents WHERE id = ?'),
      insertPassage: sql<[number, number | null]>('INSERT INTO research_passages (document_id, page) VALUES (?, ?)'),
      insertText: sql<[number | bigint, string, string]>(
        'INSERT INTO research_fts (rowid, title, body) VALUES (?, ?, ?)',
      ),
      deleteTexts: sql<[number, number, number]>(
        'DELETE FROM research_fts WHERE rowid IN (SELECT id FROM research_passages WHERE document_id = ? AND id >= ? AND id < ?)',
      ),
      deletePassages: sql<[number, number, number]>(
        'DELETE FROM research_passages WHERE document_id = ? AND id >= ? AND id < ?',
      ),
      search: sql<[string, string, string, string, number], PassageRow>(
        `SELECT d.path, p.page, d.title, d.published_date, f.body, snippet(research_fts, 1, ?, ?, ?, 40) AS snippet, bm25(research_fts) AS rank
         FROM research_fts f JOIN research_passages p ON p.id = f.rowid JOIN research_documents d ON d.id = p.document_id
         WHERE research_fts MATCH ? ORDER BY rank LIMIT ?`,
      ),
    });
  }

  known(): KnownDocument[] {
    return this.statements.known.all();
  }

  /** The file is unchanged but for its modification time or size. */
  touch(id: number, mtimeMs: number, size: number): void {
    this.statements.touch.run(mtimeMs, size, id);
  }

  remove(id: number): void {
    this.db.transaction(() => {
      this.deletePassages(id, 0, Number.MAX_SAFE_INTEGER);
      this.statements.deleteDocument.run(id);
    })();
  }

  /**
   * Starts writing a document, passage by passage (each `addPassage` a short transaction of its own, so that
   * a long document does not hold the thread): an earlier version (stored by this or another process) stays
   * until `finishDocument`; a new one is stamped as never read (size -1) until then, so that a run stopped
   * half-way reads it again.
   */
  startDocument(file: string, title: string): DocumentDraft {
    // Looked up here, not taken from the scan: the app and the command line may index the same folder at once.
    const id = this.statements.idByPath.get(file)?.id;
    if (id !== undefined) return { id, isNew: false, firstPassage: null };
    const created = this.statements.insertDocument.run(file, title, 0, -1, '', null, new Date().toISOString());
    return { id: Number(created.lastInsertRowid), isNew: true, firstPassage: null };
  }

  addPassage(draft: DocumentDraft, title: string, passage: Passage): void {
    this.db.transaction(() => {
      const passageId = Number(this.statements.insertPassage.run(draft.id, passage.page).lastInsertRowid);
      this.statements.insertText.run(passageId, title, passage.text);
      draft.firstPassage ??= passageId;
    })();
  }

  /** The document's new passages replace its earlier ones, and it gets its stamp: one transaction. */
  finishDocument(
    draft: DocumentDraft,
    stamp: DocumentStamp,
    { title, publishedDate }: { title: string; publishedDate: string | null },
  ): void {
    this.db.transaction(() => {
      const { id } = draft;
      this.deletePassages(id, 0, draft.firstPassage ?? Number.MAX_SAFE_INTEGER);
      this.statements.updateDocument.run(
        title,
        stamp.mtimeMs,
        stamp.size,
        stamp.sha256,
        publishedDate,
        new Date().toISOString(),
        id,
      );
    })();
  }

  /** A document whose reading failed: the passages written of it go, and so does its row if it was new. */
  discardDocument(draft: DocumentDraft): void {
    this.db.transaction(() => {
      if (draft.firstPassage !== null) this.deletePassages(draft.id, draft.firstPassage, Number.MAX_SAFE_INTEGER);
      if (draft.isNew) this.statements.deleteDocument.run(draft.id);
    })();
  }

  /** Passages matching an FTS5 query, best first; `marks` go around each matched word in the snippet. */
  search(match: string, maxResults: number, marks: readonly [string, string] = ['', '']): PassageRow[] {
    return this.statements.search.all(marks[0], marks[1], SNIPPET_ELLIPSIS, match, maxResults);
  }

  /** Whether this exact path is an indexed document. */
  isIndexed(file: string): boolean {
    return this.statements.idByPath.get(file) !== undefined;
  }

  /** The document's passages with ids from `from` up to (without) `to`. */
  private deletePassages(documentId: number, from: number, to: number): void {
    this.statements.deleteTexts.run(documentId, from, to);
    this.statements.deletePassages.run(documentId, from, to);
  }
}
