import Papa from 'papaparse';
import { UserFacingError } from '../../errors';
import type { CellWarning, Newline } from './table';

/**
 * The longest row held while reading: far above any real lead row (Salesforce's longest text field holds
 * 131,072 characters), and small for the import's threads (128 MB heaps). A quote still open this far on
 * is a stray one, and a row this long without one is not a row of leads.
 */
export const MAX_ROW_CHARS = 1_000_000;
/**
 * Text taken at a time. A repair parses the rest of the text again, so with a stray quote in every row (a
 * naive export's notes column) each costs a piece: a smaller piece repairs faster but reads ordinary files
 * slower. At this size ordinary files read a little faster than through papaparse's own streamer (figures:
 * docs/benchmarks.md, "Issue 16: figures moved out of source comments").
 */
const PIECE_CHARS = 16 * 1024;

export interface CsvFormat {
  delimiter: string;
  newline: Newline;
  /** Cells in the header row: a quoted field holding a line this wide has swallowed rows. 0 while unknown. */
  width: number;
}

export interface CsvRecord {
  cells: string[];
  /** What was repaired in the record's cells, to tell the analyst. */
  warnings: CellWarning[];
}

export const STRAY_QUOTE_WARNING =
  'the field starts with a quote (") that is never properly closed; it was read as text, so that the rows after it stay rows';
export const MALFORMED_QUOTES_WARNING =
  'a quote inside this quoted field is not doubled (""); the field was read up to the quote that ends it, so check its text';
export const NUL_WARNING = 'held a NUL byte (an invisible control character); it was removed';

/** A quote to read as text, in the record of `pending` that starts at `recordStart`, and its cell. */
interface StrayQuote {
  record: number;
  recordStart: number;
  quote: number;
  cell: number;
}

interface Parsed {
  data: string[][];
  errors: Papa.ParseError[];
  meta: { cursor: number };
}

const NONE: CellWarning[] = [];

/** Whether a cell holds the text; a plain loop, as it runs for every record. */
function anyHolds(cells: string[], text: string): boolean {
  for (let index = 0; index < cells.length; index++) if (cells[index]!.includes(text)) return true;
  return false;
}

/**
 * `\n`, which reads CRLF rows, LF rows and a mix of both (rows pasted from another editor; the CR left at a
 * row's end is dropped), unless lone CRs end more lines (a file from an old Mac). Quoted text is left out of
 * the count, as papaparse does. papaparse's own guess looked at the first line only: one stray CR in a
 * header that ends in LF made it read every row of the file into one.
 */
export function guessNewline(sample: string): Newline {
  const unquoted = sample.replace(/"[^"]*"/g, '');
  const count = (text: string) => unquoted.split(text).length - 1;
  return count('\r') - count('\r\n') > count('\n') ? '\r' : '\n';
}

/**
 * Splits CSV text, given in pieces as it is decoded, into records with papaparse's parser (driven as
 * papaparse's own streamer drives it: the unfinished last record waits for the next piece), and catches what
 * papaparse would read without a word. A quoted field may hold line breaks, but one that opens a quote and
 *   - never closes it (the end of the file, or MAX_ROW_CHARS, comes first),
 *   - closes it across a line end only after a malformed quote (not doubled, not before a delimiter), or
 *   - holds a row: its lines make rows as wide as the header with the cells around them, or
 *   - is closed on its line by the next field's opening quote, leaving the row short of the header's width
 * has a stray quote: the quote is read as text, the field ends at the next delimiter or line end as an
 * unquoted field does, and the row gets a warning naming the cell. Without this, one `"Met at expo` in row 3
 * read the rest of the file into one cell, and 997 rows vanished with no error. A malformed quote within a
 * line is read as papaparse reads it (`"Acme "Best" Corp"` gives `Acme "Best" Corp`), with a warning.
 */
export class CsvRecordReader {
  private pending = '';
  private recordsRead = 0;
  /** Warnings for the first record of `pending`, found before it was complete. */
  private carried: CellWarning[] = [];

  constructor(
    private readonly format: CsvFormat,
    private readonly file: string,
  ) {}

  /** The records completed by this piece of text. */
  push(text: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    for (let at = 0; at < text.length; at += PIECE_CHARS) {
      this.pending += text.slice(at, at + PIECE_CHARS);
      records.push(...this.take(false));
    }
    return records;
  }

  /** The last records, at the end of the text. */
  end(): CsvRecord[] {
    return this.take(true);
  }

  private take(final: boolean): CsvRecord[] {
    const records: CsvRecord[] = [];
    for (;;) {
      const parsed = this.parse(this.pending, final);
      const { stray, warnings } = this.inspect(parsed, final);
      records.push(...this.handOut(stray ? parsed.data.slice(0, stray.record) : parsed.data, warnings));
      if (stray) {
        this.readAsText(stray);
        continue;
      }
      this.pending = this.pending.slice(parsed.meta.cursor);
      if (final || this.pending.length <= MAX_ROW_CHARS) return records;
      // The record still open is this long: read up to here as if the file ended, to find its open quote.
      const runaway = this.inspect(this.parse(this.pending, true), true).stray;
      if (runaway?.record !== 0) {
        throw new UserFacingError(
          'row_too_long',
          `${this.file}: row ${this.recordsRead + 1} is longer than ${MAX_ROW_CHARS.toLocaleString('en')} characters, more than any lead holds; is a line break missing?`,
        );
      }
      this.readAsText(runaway);
    }
  }

  private parse(text: string, final: boolean, step?: (result: Papa.ParseStepResult<string[]>) => void): Parsed {
    const { delimiter, newline } = this.format;
    return new Papa.Parser({ delimiter, newline, step }).parse(text, 0, !final) as Parsed;
  }

  private handOut(data: string[][], found: Map<number, CellWarning[]>): CsvRecord[] {
    const hasNul = this.pending.includes('\0');
    return data.map((cells, record) => {
      this.recordsRead += 1;
      let warnings = found.get(record) ?? NONE;
      if (this.carried.length > 0) [warnings, this.carried] = [[...this.carried, ...warnings], []];
      // The CR of a CRLF line end (read with `\n`, so that LF and CRLF rows can be mixed).
      const last = cells.length - 1;
      if (this.format.newline === '\n' && cells[last]!.endsWith('\r')) cells[last] = cells[last]!.slice(0, -1);
      if (hasNul) {
        cells.forEach((cell, index) => {
          if (!cell.includes('\0')) return;
          cells[index] = cell.replaceAll('\0', '');
          warnings = [...warnings, { cell: index, message: NUL_WARNING }];
        });
      }
      return { cells, warnings };
    });
  }

  /**
   * Looks at the records with a quote error, a line break, or fewer cells than the header and a delimiter in
   * one (few; the rest are passed over): the first with a stray quote, and before it a warning for each field
   * papaparse read despite a malformed quote.
   */
  private inspect(parsed: Parsed, final: boolean): { stray?: StrayQuote; warnings: Map<number, CellWarning[]> } {
    const warnings = new Map<number, CellWarning[]>();
    const withErrors = new Set(parsed.errors.map((error) => error.row));
    const { delimiter, newline, width } = this.format;
    const lineBreak = newline === '\r' ? '\r' : '\n';
    let starts: number[] | undefined;
    // Computed only when a record needs a closer look (a step-by-step parse of the text costs as much again).
    const startOf = (record: number) =>
      record === 0 ? 0 : ((starts ??= this.recordStarts(final))[record] ?? this.pending.length);
    for (let record = 0; record < parsed.data.length; record++) {
      const cells = parsed.data[record]!;
      const narrow = cells.length < width && anyHolds(cells, delimiter);
      if (!narrow && !anyHolds(cells, lineBreak) && !withErrors.has(record)) continue;
      const multiLine = cells.flatMap((cell, index) => (cell.includes(newline) ? [index] : []));
      const malformed = new Set<number>();
      // papaparse reports a quote error at the field whose opening quote it was looking to close.
      for (const error of parsed.errors) {
        if (error.row !== record || error.index === undefined) continue;
        const quote = error.index - 1;
        const cell = this.cellAt(startOf(record), quote);
        if (error.code === 'MissingQuotes' || multiLine.includes(cell))
          return { stray: this.strayQuote(record, startOf(record), quote, final), warnings };
        malformed.add(cell);
      }
      for (const cell of multiLine) {
        const start = this.swallowsRows(cells, cell) ? this.cellStart(startOf(record), startOf(record + 1), cell) : -1;
        if (this.pending[start] === '"')
          return { stray: this.strayQuote(record, startOf(record), start, final), warnings };
      }
      // A row short of the header's width that has it once a quoted field's opening quote is read as text: that
      // quote was closed by the next field's opening quote (`"a@x.com,"",","` gives `a@x.com,",",` and `a"`).
      for (const [cell, value] of narrow ? cells.entries() : []) {
        const start = value.includes(delimiter) ? this.cellStart(startOf(record), startOf(record + 1), cell) : -1;
        if (this.pending[start] === '"' && this.cellsWithQuoteAsText(startOf(record), start, final) === width)
          return { stray: { record, recordStart: startOf(record), quote: start, cell }, warnings };
      }
      if (malformed.size > 0)
        warnings.set(
          record,
          [...malformed].map((cell) => ({ cell, message: MALFORMED_QUOTES_WARNING })),
        );
    }
    // A quote error in the record still open, past a line end, is a stray quote running on: repaired now, not
    // when the record reaches MAX_ROW_CHARS (with a stray quote in every row, each would run that far).
    const open = parsed.data.length;
    for (const error of final ? [] : parsed.errors) {
      if (error.row === open && error.index !== undefined && this.pending.includes(newline, error.index)) {
        return { stray: this.strayQuote(open, parsed.meta.cursor, error.index - 1, final), warnings };
      }
    }
    return { warnings };
  }

  /**
   * The stray quote behind a field that papaparse opened at `quote` and ran past its line: the first quote
   * opening a field up to there whose reading as text leaves the record as wide as the header, with no quote
   * error and no field that swallowed a row; else `quote`. It may come earlier: in `"a@x.com,"",","` and a
   * line end, the stray quote's field closes at the opening quote of `","`, whose closing quote runs on.
   */
  private strayQuote(record: number, recordStart: number, quote: number, final: boolean): StrayQuote {
    let stray = quote;
    for (
      let candidate = this.pending.indexOf('"', recordStart);
      candidate >= 0 && candidate < quote;
      candidate = this.pending.indexOf('"', candidate + 1)
    ) {
      if (this.cellAt(recordStart, candidate) < 0) continue;
      const cells = this.firstRecord(this.quoteAsText(recordStart, candidate), final);
      const whole = cells !== undefined && cells.length >= this.format.width;
      if (
        whole &&
        cells.every((cell, index) => !cell.includes(this.format.newline) || !this.swallowsRows(cells, index))
      ) {
        stray = candidate;
        break;
      }
    }
    return { record, recordStart, quote: stray, cell: this.cellAt(recordStart, stray) };
  }

  /** How many cells the record has once the quote at `quote` is read as text; 0 when that leaves a quote error. */
  private cellsWithQuoteAsText(recordStart: number, quote: number, final: boolean): number {
    return this.firstRecord(this.quoteAsText(recordStart, quote), final)?.length ?? 0;
  }

  /** The first record of a text, when it has no quote error. */
  private firstRecord(text: string, final: boolean): string[] | undefined {
    const { delimiter, newline } = this.format;
    const parsed = new Papa.Parser({ delimiter, newline, preview: 1 }).parse(text, 0, !final) as Parsed;
    return parsed.errors.length === 0 ? parsed.data[0] : undefined;
  }

  /** Where each record of `pending` starts; papaparse reports where a record ends only record by record. */
  private recordStarts(final: boolean): number[] {
    const starts = [0];
    this.parse(this.pending, final, (result) => starts.push(result.meta.cursor));
    return starts;
  }

  /**
   * A field over line ends that swallowed a row: its first line completes a row with the cells before it and
   * its last line starts one with the cells after it, or a line between is a row. A note over lines is
   * rarely that wide; rows read into a field are. Unknown before the header is.
   */
  private swallowsRows(cells: string[], cell: number): boolean {
    const { delimiter, newline, width } = this.format;
    if (width === 0) return false;
    const row = Math.max(3, width);
    const lines = cells[cell]!.split(newline).map((line) => line.split(delimiter).length);
    const completesRow = cell + lines[0]! >= row && lines[lines.length - 1]! + cells.length - cell - 1 >= row;
    return completesRow || lines.slice(1, -1).some((cellsInLine) => cellsInLine >= row);
  }

  /** The index of the cell that starts at `offset` of the record that starts at `recordStart`; -1 when no cell starts there. */
  private cellAt(recordStart: number, offset: number): number {
    if (offset === recordStart) return 0;
    const { delimiter } = this.format;
    if (!this.pending.startsWith(delimiter, offset - delimiter.length)) return -1;
    const before = this.parse(this.pending.slice(recordStart, offset), true);
    const open = before.errors.some((error) => error.code === 'MissingQuotes');
    return !open && before.data.length === 1 ? before.data[0]!.length - 1 : -1;
  }

  /** Where a cell of the record starts (its opening quote, when it is quoted); -1 when not found before `recordEnd`. */
  private cellStart(recordStart: number, recordEnd: number, cell: number): number {
    const { delimiter } = this.format;
    for (let start = recordStart; start < recordEnd;) {
      const at = this.cellAt(recordStart, start);
      if (at === cell) return start;
      if (at > cell) return -1;
      const next = this.pending.indexOf(delimiter, start);
      if (next < 0) return -1;
      start = next + delimiter.length;
    }
    return -1;
  }

  /** Re-reads from the stray quote's record with the quote read as text, and warns of it in that record. */
  private readAsText({ recordStart, quote, cell }: StrayQuote): void {
    this.pending = this.quoteAsText(recordStart, quote);
    this.carried.push({ cell, message: STRAY_QUOTE_WARNING });
  }

  /** `pending` from a record's start, with the field opened by `quote` read as plain text up to the next delimiter or line end, written quoted. */
  private quoteAsText(recordStart: number, quote: number): string {
    const text = this.pending;
    const ends = [text.indexOf(this.format.delimiter, quote + 1), text.indexOf(this.format.newline, quote + 1)].filter(
      (at) => at >= 0,
    );
    const end = ends.length > 0 ? Math.min(...ends) : text.length;
    return `${text.slice(recordStart, quote)}"${text.slice(quote, end).replaceAll('"', '""')}"${text.slice(end)}`;
  }
}
