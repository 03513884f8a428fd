import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Db } from '../store/database';
import type { SearchHit } from '../providers/types';
import { readPdfFiles, type PdfFilesReader, type PdfText } from './pdf';

const TEXT_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.html', '.htm']);

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
}

export const DEFAULT_LIMITS: LibraryLimits = { maxPdfBytes: 50 * 1024 * 1024, maxPdfPages: 500 };

/** What is stored of one document: one passage for a text file, one per page for a PDF. */
interface ExtractedDocument {
  title: string;
  publishedDate: string | null;
  passages: { page: number | null; text: string }[];
}

interface DocumentStamp {
  mtimeMs: number;
  size: number;
  sha256: string;
}

interface KnownDocument {
  id: number;
  path: string;
  mtime_ms: number;
  size: number;
  sha256: string;
}

/** HTML to text: scripts and styles dropped, tags removed, entities for the common characters decoded. */
function htmlToText(html: string): { title: string | null; text: string } {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1]?.trim() ?? null;
  const text = html
    .replace(/<(script|style|noscript)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|div|h\d|li|br|tr)>/gi, '. ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/(\.\s*){2,}/g, '. ')
    .trim();
  return { title, text };
}

const datedLine = (text: string) => /^(?:date|published)(?::|\s)\s*(\d{4}-\d{2}-\d{2})/im.exec(text)?.[1] ?? null;

function readTextDocument(file: string, content: string): ExtractedDocument {
  const ext = path.extname(file).toLowerCase();
  const { title, text } = ext === '.html' || ext === '.htm' ? htmlToText(content) : { title: /^#\s+(.+)$/m.exec(content)?.[1]?.trim() ?? null, text: content.replace(/^#+\s*/gm, '') };
  return { title: title ?? path.basename(file, ext), publishedDate: datedLine(content), passages: [{ page: null, text }] };
}

/** A PDF's title is its own metadata title, else its first line of text; its date a `date:` line, else its creation date. */
function pdfDocument(file: string, pdf: PdfText, warn: (message: string) => void): ExtractedDocument {
  if (pdf.totalPages > pdf.pages.length) warn(`only the first ${pdf.pages.length} of its ${pdf.totalPages} pages are indexed (the limit per PDF)`);
  const firstLine = pdf.pages.join('\n').split('\n').map((line) => line.trim()).find((line) => line.length > 0)?.slice(0, 200);
  return {
    title: pdf.title ?? firstLine ?? path.basename(file, path.extname(file)),
    publishedDate: datedLine(pdf.pages[0] ?? '') ?? pdf.createdDate,
    passages: pdf.pages.map((text, i) => ({ page: i + 1, text })),
  };
}

const isPdf = (file: string) => path.extname(file).toLowerCase() === '.pdf';

function walk(folder: string): string[] {
  const entries = fs.readdirSync(folder, { withFileTypes: true });
  return entries.flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : walk(full);
    return entry.isFile() && (TEXT_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) || isPdf(entry.name)) ? [full] : [];
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
 * indexed regardless. Each document is written in its own short transaction as its text arrives, so the
 * thread indexing (the app's main process) is not held for the whole folder.
 */
export class ResearchLibrary {
  /** Index runs one after another: two at once would both insert a new file. */
  private queue: Promise<unknown> = Promise.resolve();

  private readonly limits: LibraryLimits;
  private readonly readPdfs: PdfFilesReader;

  /** `readPdfs`: where PDF text is extracted; by default in this thread (the app passes a worker-thread job). */
  constructor(
    private readonly db: Db,
    options: { limits?: LibraryLimits; readPdfs?: PdfFilesReader } = {},
  ) {
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.readPdfs = options.readPdfs ?? readPdfFiles;
  }

  index(folder: string): Promise<IndexSummary> {
    const run = this.queue.then(() => this.indexFolder(folder));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async indexFolder(folder: string): Promise<IndexSummary> {
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new Error(`The research folder ${folder} does not exist or is not a folder.`);
    const summary: IndexSummary = { added: 0, updated: 0, removed: 0, unchanged: 0, warnings: [] };
    const files = walk(path.resolve(folder));
    const known = new Map(this.db.prepare<[], KnownDocument>('SELECT id, path, mtime_ms, size, sha256 FROM research_documents').all().map((r) => [r.path, r]));
    const pdfs = new Map<string, { stamp: DocumentStamp; indexedBefore: boolean }>();
    for (const file of files) {
      const warn = (message: string) => summary.warnings.push({ path: file, message });
      const stat = fs.statSync(file);
      const row = known.get(file);
      if (row && row.mtime_ms === Math.trunc(stat.mtimeMs) && row.size === stat.size) {
        known.delete(file);
        summary.unchanged += 1;
        continue;
      }
      if (isPdf(file) && stat.size > this.limits.maxPdfBytes) {
        warn(`not indexed: ${megabytes(stat.size)} is over the ${megabytes(this.limits.maxPdfBytes)} limit for a PDF`);
        continue;
      }
      const bytes = fs.readFileSync(file);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (row && row.sha256 === sha256) {
        known.delete(file);
        this.db.prepare('UPDATE research_documents SET mtime_ms = ?, size = ? WHERE id = ?').run(Math.trunc(stat.mtimeMs), stat.size, row.id);
        summary.unchanged += 1;
        continue;
      }
      const stamp = { mtimeMs: Math.trunc(stat.mtimeMs), size: stat.size, sha256 };
      if (isPdf(file)) {
        pdfs.set(file, { stamp, indexedBefore: row !== undefined });
        continue;
      }
      known.delete(file);
      this.store(file, stamp, readTextDocument(file, bytes.toString('utf8')));
      summary[row ? 'updated' : 'added'] += 1;
    }
    // Each PDF is stored as soon as its text arrives, while the next one is read.
    if (pdfs.size > 0) await this.readPdfs([...pdfs.keys()], this.limits.maxPdfPages, (read) => {
      const pending = pdfs.get(read.file);
      if (!pending) return;
      const warn = (message: string) => summary.warnings.push({ path: read.file, message });
      if ('error' in read) {
        warn(`not indexed: ${read.error}`);
        return; // still in `known`: a previously indexed version leaves the index below
      }
      known.delete(read.file);
      this.store(read.file, pending.stamp, pdfDocument(read.file, read.text, warn));
      summary[pending.indexedBefore ? 'updated' : 'added'] += 1;
    });
    for (const gone of known.values()) {
      this.db.transaction(() => {
        this.deletePassages(gone.id);
        this.db.prepare('DELETE FROM research_documents WHERE id = ?').run(gone.id);
      })();
      summary.removed += 1;
    }
    summary.warnings.sort((a, b) => a.path.localeCompare(b.path));
    return summary;
  }

  /** Writes one document and its passages, replacing what an earlier version (or another process) stored. */
  private store(file: string, stamp: DocumentStamp, document: ExtractedDocument): void {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      // Looked up here, not taken from the scan: the app and the command line may index the same folder at once.
      let id = this.db.prepare<[string], { id: number }>('SELECT id FROM research_documents WHERE path = ?').get(file)?.id;
      if (id === undefined) {
        id = Number(
          this.db
            .prepare('INSERT INTO research_documents (path, title, mtime_ms, size, sha256, published_date, indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
            .run(file, document.title, stamp.mtimeMs, stamp.size, stamp.sha256, document.publishedDate, now).lastInsertRowid,
        );
      } else {
        this.db.prepare('UPDATE research_documents SET title = ?, mtime_ms = ?, size = ?, sha256 = ?, published_date = ?, indexed_at = ? WHERE id = ?').run(document.title, stamp.mtimeMs, stamp.size, stamp.sha256, document.publishedDate, now, id);
        this.deletePassages(id);
      }
      const insertPassage = this.db.prepare('INSERT INTO research_passages (document_id, page) VALUES (?, ?)');
      const insertText = this.db.prepare('INSERT INTO research_fts (rowid, title, body) VALUES (?, ?, ?)');
      for (const passage of document.passages) {
        const passageId = insertPassage.run(id, passage.page).lastInsertRowid;
        insertText.run(passageId, document.title, passage.text);
      }
    })();
  }

  private deletePassages(documentId: number): void {
    this.db.prepare('DELETE FROM research_fts WHERE rowid IN (SELECT id FROM research_passages WHERE document_id = ?)').run(documentId);
    this.db.prepare('DELETE FROM research_passages WHERE document_id = ?').run(documentId);
  }

  /** Documents (a PDF: pages) matching any of the query's words, best first, in the search providers' result shape. */
  search(query: string, maxResults: number, includeRawContent: boolean): SearchHit[] {
    const terms = query
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s]/gu, ' ')
      .split(/\s+/)
      .filter((t) => t.length > 1);
    if (terms.length === 0) return [];
    // The first words are the company's name: every document must contain them; the rest rank.
    const required = terms.slice(0, 1).map((t) => `"${t}"`);
    const optional = terms.slice(1).map((t) => `"${t}"`);
    const match = optional.length ? `${required.join(' AND ')} AND (${[...required, ...optional].join(' OR ')})` : required.join(' AND ');
    const rows = this.db
      .prepare<[string, number], { path: string; page: number | null; title: string; published_date: string | null; body: string; snippet: string; rank: number }>(
        `SELECT d.path, p.page, d.title, d.published_date, f.body, snippet(research_fts, 1, '', '', ' … ', 40) AS snippet, bm25(research_fts) AS rank
         FROM research_fts f JOIN research_passages p ON p.id = f.rowid JOIN research_documents d ON d.id = p.document_id
         WHERE research_fts MATCH ? ORDER BY rank LIMIT ?`,
      )
      .all(match, maxResults);
    return rows.map((row) => ({
      // A PDF page is its own source: the #page fragment is what PDF viewers open at.
      url: pathToFileURL(row.path).href + (row.page === null ? '' : `#page=${row.page}`),
      title: row.title,
      content: includeRawContent ? row.body.slice(0, 2000) : row.snippet,
      rawContent: includeRawContent ? row.body : null,
      publishedDate: row.published_date,
      score: relevance(row.rank),
    }));
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
