import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { UserFacingError } from '../../errors';
import {
  abortError,
  findHeaderRow,
  HEADER_SEARCH_ROWS,
  isBlank,
  PREVIEW_DATA_ROWS,
  previewDataRows,
  uniqueHeaders,
  type ReadOptions,
  type RowBatchHandler,
  type SourceRow,
  type TableLayout,
  type TablePreview,
} from './table';
import {
  checkDeclaredSizes,
  inflatedOverLimit,
  SHARED_STRINGS_PART,
  XLSX_LIMITS,
  type XlsxLimits,
} from './xlsx-limits';
import { checkRowLimits, columnLetters, rowPastLimit } from './table-limits';
import { firstRowPastLimit } from './sheet-rows';

const BATCH_ROWS = 500;

interface SheetVisit {
  /** Called for each row of the chosen sheet; return false to stop reading. */
  onRow(row: SourceRow): boolean;
  /** Stop after the chosen sheet (a preview also wants the names of the sheets after it). */
  stopAfterSheet: boolean;
  /**
   * Scan the chosen sheet's XML for a row past the row limit before reading it (`firstRowPastLimit`), so that
   * the preview refuses such a sheet in seconds; the import, which previews first, counts rows as it reads.
   */
  scanRows: boolean;
}

/** Sheet names, the header row and first data rows of the chosen sheet (the first one when none is named). */
export async function previewXlsx(
  file: string,
  sheet?: string,
  limits: XlsxLimits = XLSX_LIMITS,
): Promise<TablePreview> {
  const rows: SourceRow[] = [];
  const { sheets, chosen } = await visitSheet(file, sheet, limits, {
    onRow: (row) => rows.push(row) < HEADER_SEARCH_ROWS + PREVIEW_DATA_ROWS,
    stopAfterSheet: false,
    scanRows: true,
  });
  const header = findHeaderRow(rows.filter((row) => row.rowNumber <= HEADER_SEARCH_ROWS));
  const headerRowNumber = header?.rowNumber ?? 1;
  return {
    layout: { format: 'xlsx', sheets, sheet: chosen, headerRowNumber, headers: uniqueHeaders(header?.cells ?? []) },
    sampleRows: previewDataRows(rows, headerRowNumber),
  };
}

/** Streams the data rows of the layout's sheet with exceljs's streaming WorkbookReader. */
export async function readXlsx(
  file: string,
  layout: TableLayout,
  onRows: RowBatchHandler,
  options: ReadOptions = {},
): Promise<void> {
  const { signal, onChunk } = options;
  const limits = { ...XLSX_LIMITS, ...options.limits };
  let batch: SourceRow[] = [];
  let bytesRead = 0;
  const flush = () => {
    onRows(batch, bytesRead);
    batch = [];
  };
  await visitSheet(
    file,
    layout.sheet,
    limits,
    {
      onRow: (row) => {
        if (signal?.aborted) return false;
        // A formatted but empty row is still emitted by exceljs; like a blank CSV line it is not a data row.
        if (row.rowNumber > layout.headerRowNumber && !isBlank(row.cells)) batch.push(row);
        if (batch.length >= BATCH_ROWS) flush();
        return true;
      },
      stopAfterSheet: true,
      scanRows: false,
    },
    (chunk) => {
      bytesRead += chunk.length;
      onChunk?.(chunk);
    },
  );
  if (signal?.aborted) throw abortError();
  flush();
}

async function visitSheet(
  file: string,
  wanted: string | undefined,
  limits: XlsxLimits,
  visit: SheetVisit,
  onChunk?: (chunk: Buffer) => void,
): Promise<{ sheets: string[]; chosen: string }> {
  await checkDeclaredSizes(file, limits);
  const input = fs.createReadStream(file);
  if (onChunk) input.on('data', (chunk) => onChunk(chunk as Buffer));
  // Styles are needed to tell a date from a number (a date is a number with a date format).
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  const inflated = new InflatedCount(file, limits.maxInflatedBytes);
  countSharedStrings(workbook, inflated, file, limits.maxSharedStringsBytes);
  tagSheetParts(workbook);
  const sheets: string[] = [];
  let chosen: string | undefined;
  try {
    for await (const worksheet of workbook) {
      const name = (worksheet as unknown as { name: string }).name;
      // exceljs reads each sheet's XML from `iterator` when the sheet is iterated, so it can be wrapped here.
      const reader = worksheet as unknown as { iterator: AsyncIterable<Buffer | string> };
      reader.iterator = withCellReferences(inflated.counting(reader.iterator));
      sheets.push(name);
      const isChosen = chosen === undefined && (wanted === undefined || wanted === name);
      if (isChosen) chosen = name;
      const part = (worksheet as unknown as TaggedSheet).part;
      const pastLimit =
        isChosen && visit.scanRows && part ? await firstRowPastLimit(file, part, limits.maxRows) : undefined;
      if (pastLimit !== undefined) throw rowPastLimit(`${file}: sheet "${name}"`, pastLimit, limits);
      let reading = isChosen;
      for await (const row of worksheet) {
        if (reading)
          reading = visit.onRow({
            rowNumber: row.number,
            cells: rowCells(row, limits, () => `${file}: sheet "${name}"`),
          });
      }
      if (isChosen && visit.stopAfterSheet) break;
    }
  } catch (error) {
    if (error instanceof UserFacingError || (error as Error).name === 'AbortError') throw error;
    // exceljs fails on damaged workbooks with bare TypeErrors; the analyst needs to know which file.
    throw new UserFacingError('unreadable_file', `${file}: cannot read this workbook (${firstLine(error)}).`, {
      cause: error,
    });
  } finally {
    input.destroy();
  }
  if (chosen === undefined) {
    throw new UserFacingError(
      'sheet_not_found',
      wanted
        ? `${file}: no sheet named "${wanted}"; the sheets are ${sheets.map((s) => `"${s}"`).join(', ')}.`
        : `${file}: the workbook has no sheets.`,
    );
  }
  return { sheets, chosen };
}

/**
 * Inflated bytes of the parts read, counted as they stream by: a zip may declare smaller sizes than it holds,
 * and what `checkDeclaredSizes` let through must still stop at the same limit.
 */
class InflatedCount {
  private total = 0;

  constructor(
    private readonly file: string,
    private readonly limit: number,
  ) {}

  add(bytes: number): void {
    this.total += bytes;
    if (this.total > this.limit) throw inflatedOverLimit(this.file, 'the workbook', this.limit);
  }

  async *counting(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer | string> {
    for await (const chunk of chunks) {
      this.add(chunk.length);
      yield chunk;
    }
  }
}

/**
 * Counts the shared-strings part as exceljs inflates it. exceljs (4.4, no longer released) reads it in its
 * `_parseSharedStrings(entry)` from the zip entry's stream, with no hook of its own, so the method is wrapped:
 * a count over a limit destroys the entry, which fails the read with that error.
 */
function countSharedStrings(
  workbook: ExcelJS.stream.xlsx.WorkbookReader,
  inflated: InflatedCount,
  file: string,
  limit: number,
): void {
  const reader = workbook as unknown as { _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown> };
  const parse = reader._parseSharedStrings;
  reader._parseSharedStrings = function (entry) {
    let bytes = 0;
    entry.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      try {
        if (bytes > limit) throw inflatedOverLimit(file, SHARED_STRINGS_PART, limit);
        inflated.add(chunk.length);
      } catch (error) {
        (entry as unknown as { destroy(error: Error): void }).destroy(error as Error);
      }
    });
    return parse.call(this, entry);
  };
}

interface TaggedSheet {
  /** The sheet's part in the zip, e.g. `xl/worksheets/sheet1.xml`. */
  part?: string;
}

/**
 * Tags each worksheet exceljs emits with its part's path: exceljs keeps only the sheet's name and id, and
 * reads a part only when it is named `sheetN.xml` (`_parseWorksheet(iterator, sheetNo)`), so it is wrapped.
 */
function tagSheetParts(workbook: ExcelJS.stream.xlsx.WorkbookReader): void {
  type Event = { eventType: string; value: unknown };
  const reader = workbook as unknown as { _parseWorksheet(iterator: unknown, sheetNo: string): Generator<Event> };
  const parse = reader._parseWorksheet;
  reader._parseWorksheet = function* (iterator, sheetNo) {
    for (const event of parse.call(this, iterator, sheetNo)) {
      if (event.eventType === 'worksheet') (event.value as TaggedSheet).part = `xl/worksheets/sheet${sheetNo}.xml`;
      yield event;
    }
  };
}

/** A row's cell texts, refused when the row, its width or a cell is over the limits (`where`: file and sheet). */
function rowCells(row: ExcelJS.Row, limits: XlsxLimits, where: () => string): string[] {
  const values = row.values as ExcelJS.CellValue[];
  const cells: string[] = [];
  for (let column = 1; column < values.length; column++) cells.push(cellText(values[column]));
  checkRowLimits(row.number, cells, limits, where, (index) => `cell ${columnLetters(index + 1)}${row.number}`);
  return cells;
}

function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().replace(/T00:00:00\.000Z$/, '');
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return String(value.text);
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  return '';
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
}

/** `<row ...>` and `<c ...>` opening tags (not `<col>`, `<cols>`), with their attributes. */
const ROW_OR_CELL_TAG = /<(row|c)(?=[\s/>])([^>]*)>/g;
const HAS_REFERENCE = /\sr\s*=/;

/**
 * Sheet XML with the `r=` references a row or cell may leave out (the format makes them optional: a row
 * without one follows the previous row, a cell the previous cell). exceljs's streaming reader needs them and
 * fails with a bare TypeError without, so they are filled in, counting positions, as the XML streams by.
 * Rewriting costs ~15% of a large import, so when the first row and first cell carry references (Excel
 * writes them all) the rest streams through untouched; a file that drops them later fails with a clear error.
 */
export async function* withCellReferences(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let row = 0;
  let column = 0;
  let rewriting: boolean | undefined;
  const fill = (tag: string, name: string, attributes: string): string => {
    const reference = HAS_REFERENCE.test(attributes) ? /\sr\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1] : undefined;
    if (!reference) rewriting = true;
    if (name === 'row') {
      column = 0;
      row = reference ? Number.parseInt(reference, 10) : row + 1;
      return reference ? tag : `<row r="${row}"${attributes}>`;
    }
    rewriting ??= false;
    column = reference ? columnNumber(reference) : column + 1;
    return reference ? tag : `<c r="${columnLetters(column)}${row}"${attributes}>`;
  };
  for await (const chunk of chunks) {
    let text = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    carry = '';
    if (rewriting === false) {
      yield text;
      continue;
    }
    // A tag cut in two by the chunk boundary waits for the rest.
    const open = text.lastIndexOf('<');
    if (open >= 0 && text.indexOf('>', open) < 0) {
      carry = text.slice(open);
      text = text.slice(0, open);
    }
    if (text) yield text.replace(ROW_OR_CELL_TAG, fill);
  }
  const rest = carry + decoder.end();
  if (rest) yield rewriting === false ? rest : rest.replace(ROW_OR_CELL_TAG, fill);
}

/** "A" → 1, "AB12" → 28. */
function columnNumber(reference: string): number {
  let number = 0;
  for (const char of reference.toUpperCase()) {
    if (char < 'A' || char > 'Z') break;
    number = number * 26 + (char.charCodeAt(0) - 64);
  }
  return number;
}
