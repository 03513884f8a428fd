import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { UserFacingError } from '../../errors';
import { abortError, findHeaderRow, HEADER_SEARCH_ROWS, isBlank, uniqueHeaders, type ReadOptions, type RowBatchHandler, type SourceRow, type TableLayout, type TablePreview } from './table';

const PREVIEW_DATA_ROWS = 20;
const BATCH_ROWS = 500;

interface SheetVisit {
  /** Called for each row of the chosen sheet; return false to stop reading. */
  onRow(row: SourceRow): boolean;
  /** Stop after the chosen sheet (a preview also wants the names of the sheets after it). */
  stopAfterSheet: boolean;
}

/** Sheet names, the header row and first data rows of the chosen sheet (the first one when none is named). */
export async function previewXlsx(file: string, sheet?: string): Promise<TablePreview> {
  const rows: SourceRow[] = [];
  const { sheets, chosen } = await visitSheet(file, sheet, {
    onRow: (row) => rows.push(row) < HEADER_SEARCH_ROWS + PREVIEW_DATA_ROWS,
    stopAfterSheet: false,
  });
  const header = findHeaderRow(rows.filter((row) => row.rowNumber <= HEADER_SEARCH_ROWS));
  const headerRowNumber = header?.rowNumber ?? 1;
  return {
    layout: { format: 'xlsx', sheets, sheet: chosen, headerRowNumber, headers: uniqueHeaders(header?.cells ?? []) },
    sampleRows: rows.filter((row) => row.rowNumber > headerRowNumber && !isBlank(row.cells)).slice(0, PREVIEW_DATA_ROWS),
  };
}

/** Streams the data rows of the layout's sheet with exceljs's streaming WorkbookReader. */
export async function readXlsx(file: string, layout: TableLayout, onRows: RowBatchHandler, options: ReadOptions = {}): Promise<void> {
  const { signal, onChunk } = options;
  let batch: SourceRow[] = [];
  let bytesRead = 0;
  const flush = () => {
    onRows(batch, bytesRead);
    batch = [];
  };
  await visitSheet(
    file,
    layout.sheet,
    {
      onRow: (row) => {
        if (signal?.aborted) return false;
        // A formatted but empty row is still emitted by exceljs; like a blank CSV line it is not a data row.
        if (row.rowNumber > layout.headerRowNumber && !isBlank(row.cells)) batch.push(row);
        if (batch.length >= BATCH_ROWS) flush();
        return true;
      },
      stopAfterSheet: true,
    },
    (chunk) => {
      bytesRead += chunk.length;
      onChunk?.(chunk);
    },
  );
  if (signal?.aborted) throw abortError();
  flush();
}

async function visitSheet(file: string, wanted: string | undefined, visit: SheetVisit, onChunk?: (chunk: Buffer) => void): Promise<{ sheets: string[]; chosen: string }> {
  const input = fs.createReadStream(file);
  if (onChunk) input.on('data', (chunk) => onChunk(chunk as Buffer));
  // Styles are needed to tell a date from a number (a date is a number with a date format).
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
  const sheets: string[] = [];
  let chosen: string | undefined;
  try {
    for await (const worksheet of workbook) {
      const name = (worksheet as unknown as { name: string }).name;
      sheets.push(name);
      const isChosen = chosen === undefined && (wanted === undefined || wanted === name);
      if (isChosen) chosen = name;
      let reading = isChosen;
      for await (const row of worksheet) {
        if (reading) reading = visit.onRow({ rowNumber: row.number, cells: rowCells(row) });
      }
      if (isChosen && visit.stopAfterSheet) break;
    }
  } finally {
    input.destroy();
  }
  if (chosen === undefined) {
    throw new UserFacingError('sheet_not_found', wanted ? `${file}: no sheet named "${wanted}"; the sheets are ${sheets.map((s) => `"${s}"`).join(', ')}.` : `${file}: the workbook has no sheets.`);
  }
  return { sheets, chosen };
}

function rowCells(row: ExcelJS.Row): string[] {
  const values = row.values as ExcelJS.CellValue[];
  const cells: string[] = [];
  for (let column = 1; column < values.length; column++) cells.push(cellText(values[column]));
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
