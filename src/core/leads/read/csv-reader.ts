import fs from 'node:fs';
import type { Transform } from 'node:stream';
import iconv from 'iconv-lite';
import { CsvRecordReader, guessNewline, type CsvFormat, type CsvRecord } from './csv-records';
import { detectFileEncoding, type DetectedEncoding } from './encoding';
import {
  abortError,
  findHeaderRow,
  HEADER_SEARCH_ROWS,
  isBlank,
  PREVIEW_DATA_ROWS,
  previewDataRows,
  uniqueHeaders,
  type Newline,
  type ReadOptions,
  type RowBatchHandler,
  type SourceRow,
  type TableLayout,
  type TablePreview,
} from './table';
import { checkRowLimits, columnLetters, TABLE_LIMITS, type TableLimits } from './table-limits';

const DELIMITERS = [',', ';', '\t', '|'];
const SAMPLE_BYTES = 256 * 1024;
const SAMPLE_RECORDS = HEADER_SEARCH_ROWS + PREVIEW_DATA_ROWS;
const SAMPLE_PIECE_CHARS = 16 * 1024;
/**
 * Small enough that a cancel (checked between chunks) takes effect quickly, and that the import's reading
 * thread holds little; smaller chunks slowed the import (docs/benchmarks.md, issue 16's moved figures).
 */
const READ_CHUNK_BYTES = 128 * 1024;

/** Encoding, delimiter, line ends and header row of a CSV/TSV file, from its first 256 KB, plus its first data rows. */
export function previewCsv(file: string, limits: TableLimits = TABLE_LIMITS): TablePreview {
  const encoding = detectFileEncoding(file);
  const { text, whole } = decodeSample(file, encoding);
  const newline = guessNewline(text);
  const delimiter = guessDelimiter(text, newline, file);
  const sample = (width: number) =>
    sampleRecords(text, { delimiter, newline, width }, file).map((record, index) => sourceRow(index + 1, record));
  const header = findHeaderRow(sample(0).slice(0, HEADER_SEARCH_ROWS));
  const headerRowNumber = header?.rowNumber ?? 1;
  // Read again knowing the header's width, as the import will: it tells a quoted field over lines from swallowed rows.
  const rows = header ? sample(header.cells.length) : sample(0);
  // What the import would refuse at these rows is refused here, before it starts; but for the last row when the
  // sample cut the file short: its cells may be cut too, and the import measures them whole.
  const names = uniqueHeaders(header?.cells ?? []);
  for (const row of whole ? rows : rows.slice(0, -1))
    checkRowLimits(row.rowNumber, row.cells, limits, () => file, csvCellName(row.rowNumber, names));
  return {
    layout: { format: 'csv', encoding: encoding.encoding, delimiter, newline, headerRowNumber, headers: names },
    sampleRows: previewDataRows(rows, headerRowNumber),
  };
}

/**
 * Streams a CSV file's data rows (papaparse's parser, see `CsvRecordReader`; chosen by measurement, see
 * docs/decisions.md). Row numbers count records as a spreadsheet shows them: a quoted field with line
 * breaks stays one row, blank lines count.
 */
export async function readCsv(
  file: string,
  layout: TableLayout,
  onRows: RowBatchHandler,
  options: ReadOptions = {},
): Promise<void> {
  const { signal, onChunk } = options;
  const limits = { ...TABLE_LIMITS, ...options.limits };
  const encoding = detectFileEncoding(file);
  const raw = fs.createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
  let bytesRead = 0;
  raw.on('data', (chunk) => {
    bytesRead += chunk.length;
    onChunk?.(chunk as Buffer);
  });
  // iconv-lite drops the byte order mark.
  const text = raw.pipe(iconv.decodeStream(encoding.encoding) as Transform);
  raw.on('error', (error) => text.destroy(error));
  const reader = new CsvRecordReader(
    { delimiter: layout.delimiter ?? ',', newline: layout.newline ?? '\n', width: layout.headers.length },
    file,
  );
  let recordNumber = 0;
  const hand = (records: CsvRecord[]) => {
    const rows: SourceRow[] = [];
    for (const record of records) {
      recordNumber += 1;
      checkRowLimits(recordNumber, record.cells, limits, () => file, csvCellName(recordNumber, layout.headers));
      if (recordNumber > layout.headerRowNumber && !isBlank(record.cells)) rows.push(sourceRow(recordNumber, record));
    }
    onRows(rows, bytesRead);
  };
  try {
    for await (const chunk of text) {
      if (signal?.aborted) throw abortError();
      hand(reader.push(chunk as string));
    }
    hand(reader.end());
    if (signal?.aborted) throw abortError();
  } finally {
    raw.destroy();
  }
}

/** A CSV cell as the analyst finds it: its row, and its column by letter and header (`row 5, column G ("Notes")`). */
function csvCellName(rowNumber: number, headers: readonly string[]): (index: number) => string {
  return (index) =>
    `row ${rowNumber.toLocaleString('en-US')}, column ${columnLetters(index + 1)}${index < headers.length ? ` ("${headers[index]}")` : ''}`;
}

function sourceRow(rowNumber: number, { cells, warnings }: CsvRecord): SourceRow {
  return warnings.length > 0 ? { rowNumber, cells, warnings } : { rowNumber, cells };
}

/** The file's first 256 KB as text; `whole` when that is all of it. */
function decodeSample(file: string, encoding: DetectedEncoding): { text: string; whole: boolean } {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const length = fs.readSync(fd, buffer, 0, SAMPLE_BYTES, encoding.bomLength);
    return { text: iconv.decode(buffer.subarray(0, length), encoding.encoding), whole: length < SAMPLE_BYTES };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The delimiter whose rows agree on a width (>1) with the most fields in them: width × rows of that width.
 * Papaparse's own guess is thrown off by a title line above the table; counting rows alone, by a wrong
 * delimiter that appears in many cells, splitting damaged rows into many short ones.
 */
function guessDelimiter(sample: string, newline: Newline, file: string): string {
  let best = { delimiter: ',', score: -1 };
  const firstLine = sample.split(newline).find((line) => line.trim() !== '') ?? '';
  for (const delimiter of DELIMITERS) {
    // The first line's width stands in for the header's, to tell a stray quote's run from a quoted field.
    const width = firstLine.split(delimiter).length;
    const rowsOfWidth = new Map<number, number>();
    for (const { cells } of sampleRecords(sample, { delimiter, newline, width: width > 1 ? width : 0 }, file)) {
      if (cells.length > 1 && !isBlank(cells)) rowsOfWidth.set(cells.length, (rowsOfWidth.get(cells.length) ?? 0) + 1);
    }
    const score = Math.max(0, ...[...rowsOfWidth].map(([cells, rows]) => cells * rows));
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/**
 * The first records of a file's start, read as the import reads them (a stray quote in them would otherwise
 * throw off the delimiter and the header), in pieces so that no more is read than those records need.
 */
function sampleRecords(sample: string, format: CsvFormat, file: string): CsvRecord[] {
  const reader = new CsvRecordReader(format, file);
  const records: CsvRecord[] = [];
  for (let at = 0; at < sample.length && records.length < SAMPLE_RECORDS; at += SAMPLE_PIECE_CHARS)
    records.push(...reader.push(sample.slice(at, at + SAMPLE_PIECE_CHARS)));
  if (records.length < SAMPLE_RECORDS) records.push(...reader.end());
  return records.slice(0, SAMPLE_RECORDS);
}
