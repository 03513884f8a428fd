import path from 'node:path';
import fs from 'node:fs';
import { UserFacingError } from '../../errors';
import { previewCsv, readCsv } from './csv-reader';
import type { ReadOptions, RowBatchHandler, TableLayout, TablePreview } from './table';

/** How much of a file's start decides what it is. */
const SNIFF_BYTES = 64 * 1024;
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** The OLE2 compound file that holds an Excel 97–2003 `.xls` workbook. */
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * The XLSX reader (exceljs) is loaded for workbooks only: it adds memory and start-up time to every thread
 * that loads it (docs/benchmarks.md), and most imports are CSV.
 */
const xlsxReader = () => import('./xlsx-reader');

/** Looks at a CSV/TSV or XLSX file: format, encoding, delimiter, sheet, header row and first rows. */
export async function previewTable(file: string, options: { sheet?: string } = {}): Promise<TablePreview> {
  if (!fs.existsSync(file)) throw new UserFacingError('file_not_found', `${file}: no such file.`);
  if (tableFormat(file) === 'xlsx') return (await xlsxReader()).previewXlsx(file, options.sheet);
  if (options.sheet !== undefined)
    throw new UserFacingError(
      'sheet_not_found',
      `${file}: a CSV or TSV file has no sheets; "${options.sheet}" names a sheet of an Excel workbook.`,
    );
  return previewCsv(file);
}

/** Streams every data row of a previewed table. */
export async function readTable(
  file: string,
  layout: TableLayout,
  onRows: RowBatchHandler,
  options: ReadOptions = {},
): Promise<void> {
  return layout.format === 'xlsx'
    ? (await xlsxReader()).readXlsx(file, layout, onRows, options)
    : readCsv(file, layout, onRows, options);
}

/**
 * A workbook by its name or its bytes (a zip file given any other name is still a workbook, never a CSV),
 * else text read as CSV/TSV. Files that are neither are refused here, before they could be read as rows of noise.
 */
function tableFormat(file: string): 'xlsx' | 'csv' {
  const start = readStart(file);
  if (['.xlsx', '.xlsm'].includes(path.extname(file).toLowerCase()) || start.subarray(0, ZIP.length).equals(ZIP))
    return 'xlsx';
  if (start.subarray(0, OLE2.length).equals(OLE2)) {
    throw new UserFacingError(
      'unsupported_format',
      `${file}: an Excel 97–2003 workbook (.xls), which cannot be read; save it from Excel as .xlsx or CSV and import that.`,
    );
  }
  // UTF-16 text has a NUL in every ASCII character; it is recognised by its byte order mark.
  const utf16 = (start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff);
  if (!utf16 && isBinary(start)) {
    const at = start.findIndex(isControlByte);
    const what = start[at] === 0 ? 'a NUL byte' : `a control byte (0x${start[at]!.toString(16).padStart(2, '0')})`;
    throw new UserFacingError(
      'unsupported_format',
      `${file}: not a CSV, TSV or Excel (.xlsx) file: it holds binary data (${what} at byte ${at + 1}).`,
    );
  }
  return 'csv';
}

/** Control bytes other than tab, line feed and carriage return. */
const isControlByte = (byte: number) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d;

/**
 * Binary data, when control bytes are 1 in 20 of the file's start (random bytes hold 9%, UTF-16 text 50%).
 * A few are damage in a text export: the CSV reader takes NUL bytes out of the cells, with a warning.
 */
function isBinary(start: Buffer): boolean {
  let controls = 0;
  for (const byte of start) if (isControlByte(byte)) controls += 1;
  return controls * 20 >= start.length && controls > 0;
}

function readStart(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const start = Buffer.alloc(SNIFF_BYTES);
    return start.subarray(0, fs.readSync(fd, start, 0, SNIFF_BYTES, 0));
  } finally {
    fs.closeSync(fd);
  }
}
