import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Db } from '../store/database';
import type { SearchHit } from '../providers/types';

const EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.html', '.htm']);

export interface IndexSummary {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
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

function readDocument(file: string, content: string): { title: string; text: string; publishedDate: string | null } {
  const ext = path.extname(file).toLowerCase();
  const { title, text } = ext === '.html' || ext === '.htm' ? htmlToText(content) : { title: /^#\s+(.+)$/m.exec(content)?.[1]?.trim() ?? null, text: content.replace(/^#+\s*/gm, '') };
  const published = /^(?:date|published):\s*(\d{4}-\d{2}-\d{2})/im.exec(content)?.[1] ?? null;
  return { title: title ?? path.basename(file, ext), text, publishedDate: published };
}

function walk(folder: string): string[] {
  const entries = fs.readdirSync(folder, { withFileTypes: true });
  return entries.flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : walk(full);
    return entry.isFile() && EXTENSIONS.has(path.extname(entry.name).toLowerCase()) ? [full] : [];
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
 * The analyst's folder of Markdown, text and HTML documents, indexed into SQLite FTS5. Re-indexing is
 * incremental: a file whose mtime and size are unchanged is skipped; one whose content hash is unchanged
 * is only re-stamped; removed files leave the index. PDF is not indexed (no small, well-kept extractor
 * without native dependencies was worth its weight here).
 */
export class ResearchLibrary {
  constructor(private readonly db: Db) {}

  index(folder: string): IndexSummary {
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new Error(`The research folder ${folder} does not exist or is not a folder.`);
    const summary: IndexSummary = { added: 0, updated: 0, removed: 0, unchanged: 0 };
    const files = walk(path.resolve(folder));
    const known = new Map(this.db.prepare<[], { id: number; path: string; mtime_ms: number; size: number; sha256: string }>('SELECT id, path, mtime_ms, size, sha256 FROM research_documents').all().map((r) => [r.path, r]));
    const now = new Date().toISOString();
    const upsert = this.db.transaction(() => {
      for (const file of files) {
        const stat = fs.statSync(file);
        const row = known.get(file);
        known.delete(file);
        if (row && row.mtime_ms === Math.trunc(stat.mtimeMs) && row.size === stat.size) {
          summary.unchanged += 1;
          continue;
        }
        const content = fs.readFileSync(file, 'utf8');
        const sha256 = createHash('sha256').update(content).digest('hex');
        if (row && row.sha256 === sha256) {
          this.db.prepare('UPDATE research_documents SET mtime_ms = ?, size = ? WHERE id = ?').run(Math.trunc(stat.mtimeMs), stat.size, row.id);
          summary.unchanged += 1;
          continue;
        }
        const document = readDocument(file, content);
        if (row) {
          this.db.prepare('UPDATE research_documents SET title = ?, mtime_ms = ?, size = ?, sha256 = ?, published_date = ?, indexed_at = ? WHERE id = ?').run(document.title, Math.trunc(stat.mtimeMs), stat.size, sha256, document.publishedDate, now, row.id);
          this.db.prepare('DELETE FROM research_fts WHERE rowid = ?').run(row.id);
          this.db.prepare('INSERT INTO research_fts (rowid, title, body) VALUES (?, ?, ?)').run(row.id, document.title, document.text);
          summary.updated += 1;
        } else {
          const { lastInsertRowid } = this.db
            .prepare('INSERT INTO research_documents (path, title, mtime_ms, size, sha256, published_date, indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
            .run(file, document.title, Math.trunc(stat.mtimeMs), stat.size, sha256, document.publishedDate, now);
          this.db.prepare('INSERT INTO research_fts (rowid, title, body) VALUES (?, ?, ?)').run(lastInsertRowid, document.title, document.text);
          summary.added += 1;
        }
      }
      for (const gone of known.values()) {
        this.db.prepare('DELETE FROM research_fts WHERE rowid = ?').run(gone.id);
        this.db.prepare('DELETE FROM research_documents WHERE id = ?').run(gone.id);
        summary.removed += 1;
      }
    });
    upsert();
    return summary;
  }

  /** Documents matching any of the query's words, best first, in the search providers' result shape. */
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
      .prepare<[string, number], { path: string; title: string; published_date: string | null; body: string; snippet: string; rank: number }>(
        `SELECT d.path, d.title, d.published_date, f.body, snippet(research_fts, 1, '', '', ' … ', 40) AS snippet, bm25(research_fts) AS rank
         FROM research_fts f JOIN research_documents d ON d.id = f.rowid WHERE research_fts MATCH ? ORDER BY rank LIMIT ?`,
      )
      .all(match, maxResults);
    return rows.map((row) => ({
      url: pathToFileURL(row.path).href,
      title: row.title,
      content: includeRawContent ? row.body.slice(0, 2000) : row.snippet,
      rawContent: includeRawContent ? row.body : null,
      publishedDate: row.published_date,
      score: relevance(row.rank),
    }));
  }
}
