import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Db } from '../store/database';
import { LibraryStore, type DocumentDraft, type KnownDocument, type PassageRow } from './library-store';
import { HIGHLIGHT_MARKS, highlightSegments, type PassageSegment } from './highlight';
import type { SearchHit } from '../providers/types';
import { wholeSentences } from './whole-sentences';
import {
  isLibraryDocument,
  isPdf,
  megabytes,
  readDocumentFiles,
  type DocumentFilesReader,
  type DocumentPart,
  type DocumentRead,
} from './documents';

/** A document that could not be indexed (or only in part), and why; the others are indexed regardless. */
export interface IndexWarning {
  path: string;
  message: string;
}

export interface IndexSummary {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  warnings: IndexWarning[];
}

export interface LibraryLimits {
  /** A larger PDF is not read at all (PDF.js holds the whole file and its objects in memory). */
  maxPdfBytes: number;
  /** Pages past this are not indexed; the first ones are. */
  maxPdfPages: number;
  /**
   * A larger text or HTML file is not read (notes, memos and saved pages are kilobytes to a few MB); a smaller
   * one is read in chunks and indexed in passages as they arrive. A PDF's text is cut at as many characters,
   * with a warning.
   */
  maxTextBytes: number;
}

/** How far an index run has got: documents read of those new or changed (unchanged ones are not read). */
export interface IndexProgress {
  done: number;
  total: number;
}

export interface IndexOptions {
  onProgress?: (progress: IndexProgress) => void;
  /** Stops reading: what was read is kept, removed files are dropped on the next run, and the run rejects. */
  signal?: AbortSignal;
}

export const DEFAULT_LIMITS: LibraryLimits = {
  maxPdfBytes: 50 * 1024 * 1024,
  maxPdfPages: 500,
  maxTextBytes: 10 * 1024 * 1024,
};

function walk(folder: string): string[] {
  const entries = fs.readdirSync(folder, { withFileTypes: true });
  return entries.flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : walk(full);
    return entry.isFile() && isLibraryDocument(entry.name) ? [full] : [];
  });
}

/**
 * bm25 (more negative = better) as a 0..1 relevance that keeps the order: -rank / (1 - rank). FTS5 floors a
 * term's weight at 1e-6 when it is in most documents, so small libraries give tiny but still ordered values;
 * three significant digits keep them apart.
 */
function relevance(rank: number): number {
  const x = Math.max(0, -rank);
  return Number((x / (1 + x)).toPrecision(3));
}

/**
 * The analyst's folder of Markdown, text, HTML and PDF documents, indexed into SQLite FTS5 (a PDF page by
 * page). Re-indexing is incremental: a file whose mtime and size are unchanged is not read; one whose
 * content hash is unchanged is only re-stamped; removed files leave the index. A file that cannot be read
 * is reported as a warning naming it and leaves the index (its old text would be stale); the others are
 * indexed regardless. Each passage is written in its own short transaction as it arrives, so the
 * thread indexing (the app's main process) is held neither for the whole folder nor for a long document.
 */
export class ResearchLibrary {
  /** Index runs one after another: two at once would both insert a new file. */
  private queue: Promise<unknown> = Promise.resolve();

  private readonly limits: LibraryLimits;
  private readonly readDocuments: DocumentFilesReader;
  private readonly store: LibraryStore;

  /** `readDocuments`: where text is extracted; by default in this thread (the app passes a worker-thread job). */
  constructor(db: Db, options: { limits?: LibraryLimits; readDocuments?: DocumentFilesReader } = {}) {
    this.store = new LibraryStore(db);
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.readDocuments = options.readDocuments ?? readDocumentFiles;
  }

  index(folder: string, options: IndexOptions = {}): Promise<IndexSummary> {
    const run = this.queue.then(() => this.indexFolder(folder, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async indexFolder(folder: string, { onProgress, signal }: IndexOptions): Promise<IndexSummary> {
    signal?.throwIfAborted();
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory())
      throw new Error(`The research folder ${folder} does not exist or is not a folder.`);
    const summary: IndexSummary = { added: 0, updated: 0, removed: 0, unchanged: 0, warnings: [] };
    const warn = (file: string, message: string) => summary.warnings.push({ path: file, message });
    const known = new Map(this.store.known().map((r) => [r.path, r]));
    const toRead = new Map<string, { mtimeMs: number; size: number; row: KnownDocument | undefined }>();
    for (const file of walk(path.resolve(folder))) {
      const stat = fs.statSync(file);
      const row = known.get(file);
      if (row && row.mtime_ms === Math.trunc(stat.mtimeMs) && row.size === stat.size) {
        known.delete(file);
        summary.unchanged += 1;
        continue;
      }
      const [limit, kind] = isPdf(file)
        ? [this.limits.maxPdfBytes, 'a PDF']
        : [this.limits.maxTextBytes, 'a text or HTML file'];
      if (stat.size > limit) {
        warn(file, `not indexed: ${megabytes(stat.size)} is over the ${megabytes(limit)} limit for ${kind}`);
        continue; // still in `known`: a previously indexed version leaves the index below
      }
      toRead.set(file, { mtimeMs: Math.trunc(stat.mtimeMs), size: stat.size, row });
    }
    // Documents whose passages are being written, by file: each passage is written as it arrives, in a short
    // transaction of its own, and the document's end replaces its earlier version.
    const drafts = new Map<string, DocumentDraft>();
    const writePart = (part: DocumentPart) => {
      if (toRead.get(part.file)!.row?.sha256 === part.sha256) return; // unchanged: re-stamped at its end
      let draft = drafts.get(part.file);
      if (draft === undefined) drafts.set(part.file, (draft = this.store.startDocument(part.file, part.title)));
      this.store.addPassage(draft, part.title, part.passage);
    };
    const record = (read: DocumentRead) => {
      const pending = toRead.get(read.file)!;
      const draft = drafts.get(read.file);
      drafts.delete(read.file);
      if ('error' in read) {
        if (draft) this.store.discardDocument(draft);
        warn(read.file, `not indexed: ${read.error}`);
        return; // still in `known`: a previously indexed version leaves the index below
      }
      known.delete(read.file);
      const { row } = pending;
      if (row && row.sha256 === read.sha256) {
        this.store.touch(row.id, pending.mtimeMs, pending.size);
        summary.unchanged += 1;
        return;
      }
      for (const message of read.warnings) warn(read.file, message);
      this.store.finishDocument(
        draft ?? this.store.startDocument(read.file, read.title),
        { mtimeMs: pending.mtimeMs, size: pending.size, sha256: read.sha256 },
        read,
      );
      summary[row ? 'updated' : 'added'] += 1;
    };
    // Each document is stored as its text arrives, while the rest of it and the next one are read.
    let done = 0;
    onProgress?.({ done, total: toRead.size });
    try {
      if (toRead.size > 0)
        await this.readDocuments(
          [...toRead.keys()],
          { maxPdfPages: this.limits.maxPdfPages, maxPdfTextChars: this.limits.maxTextBytes },
          (read) => {
            if (!toRead.has(read.file)) return;
            if ('passage' in read) return writePart(read);
            record(read);
            onProgress?.({ done: ++done, total: toRead.size });
          },
          signal,
        );
    } finally {
      // A document cut off by a cancel: what was written of it goes, an earlier version stays.
      for (const draft of drafts.values()) this.store.discardDocument(draft);
    }
    // A run cancelled after its last read still stops here: what was not seen is not removed.
    signal?.throwIfAborted();
    for (const gone of known.values()) {
      this.store.remove(gone.id);
      summary.removed += 1;
    }
    summary.warnings.sort((a, b) => a.path.localeCompare(b.path));
    return summary;
  }

  /**
   * Documents (a PDF: pages) matching any of the query's words, best first, in the search providers' result
   * shape; a hit's excerpt is whole sentences, as readers of search hits quote them.
   */
  search(query: string, maxResults: number, includeRawContent: boolean): SearchHit[] {
    return this.matching(query, maxResults).map((row) => ({
      url: documentUrl(row.path, row.page),
      title: row.title,
      content: includeRawContent ? row.body.slice(0, 2000) : wholeSentences(row.body, row.snippet),
      rawContent: includeRawContent ? row.body : null,
      publishedDate: row.published_date,
      score: relevance(row.rank),
    }));
  }

  /** The same search for the analyst: each hit's file and page, and its passage with the matched words marked. */
  passages(query: string, maxResults: number): LibraryPassage[] {
    return this.matching(query, maxResults, HIGHLIGHT_MARKS).map((row) => {
      const passage = highlightSegments(row.snippet);
      return {
        path: row.path,
        page: row.page,
        url: documentUrl(row.path, row.page),
        title: row.title,
        content: passage.map((segment) => segment.text).join(''),
        passage,
        publishedDate: row.published_date,
        score: relevance(row.rank),
      };
    });
  }

  /** Whether `file` (an absolute path as indexed) is a document of the library. */
  has(file: string): boolean {
    return this.store.isIndexed(file);
  }

  private matching(query: string, maxResults: number, marks?: readonly [string, string]): PassageRow[] {
    const terms = query
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s]/gu, ' ')
      .split(/\s+/)
      .filter((t) => t.length > 1);
    if (terms.length === 0) return [];
    // The first words are the company's name: every document must contain them; the rest rank.
    const required = terms.slice(0, 1).map((t) => `"${t}"`);
    const optional = terms.slice(1).map((t) => `"${t}"`);
    const match = optional.length
      ? `${required.join(' AND ')} AND (${[...required, ...optional].join(' OR ')})`
      : required.join(' AND ');
    return this.store.search(match, maxResults, marks);
  }
}

/** A PDF page is its own source: the #page fragment is what PDF viewers open at. */
export const documentUrl = (file: string, page: number | null) =>
  pathToFileURL(file).href + (page === null ? '' : `#page=${page}`);

/** A search hit as the app shows it: where it is (file, page) and the passage in plain and matched segments. */
export interface LibraryPassage {
  path: string;
  page: number | null;
  url: string;
  title: string;
  content: string;
  passage: PassageSegment[];
  publishedDate: string | null;
  score: number;
}
