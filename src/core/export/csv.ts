import fs from 'node:fs';
import { once } from 'node:events';
import { writingExport } from './write-error';

/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark. */
const UTF8_BOM = '\uFEFF';

/**
 * OWASP "CSV injection": a spreadsheet runs a cell that starts with one of these as a formula (or, for
 * tab and carriage return, lets it slide into the next cell). Prefixing an apostrophe makes it plain text.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

export type CsvCell = string | number | boolean | null | undefined;

/** The cell as text a spreadsheet shows and never evaluates. */
export function neutraliseFormula(value: string): string {
  return value.length > 0 && FORMULA_TRIGGERS.has(value[0]!) ? `'${value}` : value;
}

/**
 * The inverse of `neutraliseFormula`, for reading our own exports back: an apostrophe before a formula
 * character is dropped. (A value that really began with `'=` loses its apostrophe; a round trip of our
 * exports, phone numbers like `+1…` included, is exact.)
 */
export function restoreNeutralisedFormula(value: string): string {
  return value.length > 1 && value[0] === "'" && FORMULA_TRIGGERS.has(value[1]!) ? value.slice(1) : value;
}

/** One CSV field (RFC 4180): quoted when it holds a delimiter, quote or line break; formula-safe. */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  const text = neutraliseFormula(String(cell));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/**
 * Streams rows to a CSV file: UTF-8 with BOM, CRLF line ends (what Excel writes), every cell neutralised
 * against formula injection. Memory stays flat: `writeRow` waits when the file stream's buffer is full.
 */
export class CsvFileWriter {
  private readonly stream: fs.WriteStream;
  private rows = 0;
  /** A write error (disk full...) is kept and thrown by the next write or `close`, never left unhandled. */
  private failure: Error | undefined;

  private constructor(stream: fs.WriteStream) {
    this.stream = stream;
    stream.on('error', (error) => {
      this.failure ??= error;
    });
  }

  static async open(file: string, headers: readonly string[]): Promise<CsvFileWriter> {
    const stream = fs.createWriteStream(file, { encoding: 'utf8' });
    await writingExport(file, once(stream, 'open'));
    const writer = new CsvFileWriter(stream);
    stream.write(UTF8_BOM);
    await writer.writeLine(csvLine(headers));
    return writer;
  }

  /** Data rows written so far (the header not counted). */
  get rowCount(): number {
    return this.rows;
  }

  async writeRow(cells: readonly CsvCell[]): Promise<void> {
    this.rows += 1;
    await this.writeLine(csvLine(cells));
  }

  async close(): Promise<void> {
    if (this.failure) throw this.failure;
    this.stream.end();
    await once(this.stream, 'finish');
  }

  /** Closes the file and removes it: for an export that failed half-way. */
  async discard(): Promise<void> {
    if (!this.stream.destroyed) {
      // Pending writes fail with ERR_STREAM_DESTROYED: expected here, and kept by the error listener.
      const closed = new Promise<void>((resolve) => this.stream.once('close', () => resolve()));
      this.stream.destroy();
      await closed;
    }
    await fs.promises.rm(this.stream.path.toString(), { force: true });
  }

  private async writeLine(line: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(line)) await once(this.stream, 'drain');
  }
}

/** Writes all rows from an iterable to `file`; removes the partial file if anything fails. Returns the row count. */
export async function writeCsvFile(
  file: string,
  headers: readonly string[],
  rows: Iterable<readonly CsvCell[]> | AsyncIterable<readonly CsvCell[]>,
): Promise<number> {
  const writer = await CsvFileWriter.open(file, headers);
  try {
    for await (const row of rows) await writer.writeRow(row);
    await writer.close();
    return writer.rowCount;
  } catch (error) {
    await writer.discard();
    throw error;
  }
}
