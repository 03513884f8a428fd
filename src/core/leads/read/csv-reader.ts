import fs from 'node:fs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { detectFileEncoding, type DetectedEncoding } from './encoding';
import { abortError, findHeaderRow, HEADER_SEARCH_ROWS, isBlank, uniqueHeaders, type ReadOptions, type RowBatchHandler, type SourceRow, type TableLayout, type TablePreview } from './table';

const DELIMITERS = [',', ';', '\t', '|'];
const SAMPLE_BYTES = 256 * 1024;
const PREVIEW_DATA_ROWS = 20;
/**
 * Small enough that a cancel (checked between chunks) takes effect quickly, and that the import's reading
 * thread holds little: 128 KB instead of 256 lowered the import's peak by ≈10 MB (64 KB by ≈19 MB, but it
 * slowed the import).
 */
const READ_CHUNK_BYTES = 128 * 1024;

/** Encoding, delimiter and header row of a CSV/TSV file, from its first 256 KB, plus its first data rows. */
export function previewCsv(file: string): TablePreview {
  const encoding = detectFileEncoding(file);
  const text = decodeSample(file, encoding);
  const delimiter = guessDelimiter(text);
  const records = Papa.parse<string[]>(text, { delimiter, preview: HEADER_SEARCH_ROWS + PREVIEW_DATA_ROWS }).data;
  const rows: SourceRow[] = records.map((cells, index) => ({ rowNumber: index + 1, cells }));
  const header = findHeaderRow(rows.slice(0, HEADER_SEARCH_ROWS));
  const headerRowNumber = header?.rowNumber ?? 1;
  return {
    layout: { format: 'csv', encoding: encoding.encoding, delimiter, headerRowNumber, headers: uniqueHeaders(header?.cells ?? []) },
    sampleRows: rows.filter((row) => row.rowNumber > headerRowNumber && !isBlank(row.cells)).slice(0, PREVIEW_DATA_ROWS),
  };
}

/**
 * Streams a CSV file's data rows (papaparse; chosen by measurement, see docs/architecture.md). Row numbers
 * count records as a spreadsheet shows them: a quoted field with line breaks stays one row, blank lines count.
 */
export function readCsv(file: string, layout: TableLayout, onRows: RowBatchHandler, options: ReadOptions = {}): Promise<void> {
  const { signal, onChunk } = options;
  const encoding = detectFileEncoding(file);
  const raw = fs.createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
  let bytesRead = 0;
  raw.on('data', (chunk) => {
    bytesRead += chunk.length;
    onChunk?.(chunk as Buffer);
  });
  // iconv-lite drops the byte order mark.
  const text = raw.pipe(iconv.decodeStream(encoding.encoding));
  let recordNumber = 0;
  return new Promise<void>((resolve, reject) => {
    raw.on('error', reject);
    Papa.parse<string[]>(text, {
      delimiter: layout.delimiter,
      chunk: (results, parser) => {
        if (signal?.aborted) {
          parser.abort();
          return;
        }
        const rows: SourceRow[] = [];
        for (const cells of results.data) {
          recordNumber += 1;
          if (recordNumber > layout.headerRowNumber && !isBlank(cells)) rows.push({ rowNumber: recordNumber, cells });
        }
        try {
          onRows(rows, bytesRead);
        } catch (error) {
          // Rejected first: aborting runs `complete`, which would otherwise resolve a half-read file as done.
          reject(error);
          parser.abort();
        }
      },
      complete: () => {
        raw.destroy();
        if (signal?.aborted) reject(abortError());
        else resolve();
      },
      error: (error: Error) => reject(error),
    });
  });
}

function decodeSample(file: string, encoding: DetectedEncoding): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const length = fs.readSync(fd, buffer, 0, SAMPLE_BYTES, encoding.bomLength);
    return iconv.decode(buffer.subarray(0, length), encoding.encoding);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The delimiter that splits the most sample lines into the same number (>1) of fields. Papaparse's own
 * guess is thrown off by a title line above the table; this counts the lines that agree on the top width.
 */
function guessDelimiter(sample: string): string {
  let best = { delimiter: ',', score: -1 };
  for (const delimiter of DELIMITERS) {
    const widths = Papa.parse<string[]>(sample, { delimiter, preview: HEADER_SEARCH_ROWS + PREVIEW_DATA_ROWS })
      .data.filter((cells) => !isBlank(cells))
      .map((cells) => cells.length);
    const counts = new Map<number, number>();
    for (const width of widths) if (width > 1) counts.set(width, (counts.get(width) ?? 0) + 1);
    const [width, lines] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [1, 0];
    const score = lines * 1000 + width;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}
