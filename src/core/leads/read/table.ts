import type { TextEncoding } from './encoding';
import type { XlsxLimits } from './xlsx-limits';
import { headerLikeness } from '../mapping/auto-map';

/** One data row as the analyst sees it in a spreadsheet: its row number there, and its cells. */
export interface SourceRow {
  rowNumber: number;
  cells: string[];
  /** Damage the reader repaired in this row's cells (a stray quote, a NUL byte), for the import's warnings. */
  warnings?: CellWarning[];
}

/** A repair in one cell; `cell` is the cell's index, -1 when the reader could not tell which. */
export interface CellWarning {
  cell: number;
  message: string;
}

/** CSV line ends: `\n` reads LF, CRLF and a mix of both; `\r` is for files from an old Mac. */
export type Newline = '\n' | '\r';

/** What was found out about a file before reading it whole. */
export interface TableLayout {
  format: 'csv' | 'xlsx';
  encoding?: TextEncoding;
  delimiter?: string;
  /** CSV: how its rows end. */
  newline?: Newline;
  /** XLSX: every sheet's name, and the one read. */
  sheets?: string[];
  sheet?: string;
  /** 1-based row number of the header row. */
  headerRowNumber: number;
  /** Column names, made unique ("Email", "Email (2)") and never empty ("Column 3"). */
  headers: string[];
}

export interface TablePreview {
  layout: TableLayout;
  /** The first data rows after the header. */
  sampleRows: SourceRow[];
}

/** Streams every data row after the header, blank rows left out, in batches; `bytesRead` drives progress. */
export type RowBatchHandler = (rows: SourceRow[], bytesRead: number) => void;

export interface ReadOptions {
  signal?: AbortSignal;
  /** Every raw byte chunk of the file, in order (the import hashes the file as it reads it). */
  onChunk?: (chunk: Buffer) => void;
  /** Lower caps than what the table may hold (`TABLE_LIMITS`; for a workbook, `XLSX_LIMITS`), set by tests. */
  limits?: Partial<XlsxLimits>;
}

/** Rows looked at to find the header row (exports often start with a title or a date line). */
export const HEADER_SEARCH_ROWS = 30;
/** Data rows a preview shows (and the automatic mapping samples). */
export const PREVIEW_DATA_ROWS = 20;

export function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * The header row among the first rows: the first with at least two cells that mostly name known fields;
 * failing that, the first row as wide as the widest (a title line above a table is narrower).
 */
export function findHeaderRow(rows: readonly SourceRow[]): SourceRow | undefined {
  const candidates = rows.filter((row) => !isBlank(row.cells));
  const filled = (row: SourceRow) => row.cells.filter((cell) => cell.trim() !== '').length;
  const named = candidates.find((row) => filled(row) >= 2 && headerLikeness(row.cells) >= 0.3);
  if (named) return named;
  const widest = Math.max(0, ...candidates.map(filled));
  return candidates.find((row) => filled(row) === widest);
}

/** A preview's data rows: the first non-blank rows below the header row. */
export function previewDataRows(rows: readonly SourceRow[], headerRowNumber: number): SourceRow[] {
  return rows.filter((row) => row.rowNumber > headerRowNumber && !isBlank(row.cells)).slice(0, PREVIEW_DATA_ROWS);
}

export function uniqueHeaders(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const base = cell.trim() || `Column ${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

export function abortError(): Error {
  const error = new Error('The import was cancelled.');
  error.name = 'AbortError';
  return error;
}
