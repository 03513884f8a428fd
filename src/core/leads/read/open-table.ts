import path from 'node:path';
import fs from 'node:fs';
import { UserFacingError } from '../../errors';
import { previewCsv, readCsv } from './csv-reader';
import { previewXlsx, readXlsx } from './xlsx-reader';
import type { ReadOptions, RowBatchHandler, TableLayout, TablePreview } from './table';

/** Looks at a CSV/TSV or XLSX file: format, encoding, delimiter, sheet, header row and first rows. */
export async function previewTable(file: string, options: { sheet?: string } = {}): Promise<TablePreview> {
  if (!fs.existsSync(file)) throw new UserFacingError('file_not_found', `${file}: no such file.`);
  return isXlsx(file) ? previewXlsx(file, options.sheet) : previewCsv(file);
}

/** Streams every data row of a previewed table. */
export function readTable(file: string, layout: TableLayout, onRows: RowBatchHandler, options: ReadOptions = {}): Promise<void> {
  return layout.format === 'xlsx' ? readXlsx(file, layout, onRows, options) : readCsv(file, layout, onRows, options);
}

function isXlsx(file: string): boolean {
  if (['.xlsx', '.xlsm'].includes(path.extname(file).toLowerCase())) return true;
  // A zip file ("PK\x03\x04") given any other name is still a workbook, never a CSV.
  const fd = fs.openSync(file, 'r');
  try {
    const magic = Buffer.alloc(4);
    fs.readSync(fd, magic, 0, 4, 0);
    return magic.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  } finally {
    fs.closeSync(fd);
  }
}
