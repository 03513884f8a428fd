import { UserFacingError } from '../../errors';

/**
 * What one table may hold, CSV or workbook alike: Excel's own caps for a sheet's rows and a cell's text
 * (lead files are made to be opened in it), and far more columns than a lead export with every CRM property
 * has. A file over one is refused with a message naming the limit, the file, the row and the column.
 */
export interface TableLimits {
  /** Characters in one cell: Excel's own limit (32,767). */
  maxCellChars: number;
  /** Rows of a sheet or file, as a spreadsheet numbers them: Excel's own limit (1,048,576). */
  maxRows: number;
  /** Columns of a row. Excel allows 16,384; a lead export with every CRM property has a few hundred. */
  maxColumns: number;
}

export const TABLE_LIMITS: TableLimits = {
  maxCellChars: 32_767,
  maxRows: 1_048_576,
  maxColumns: 2_000,
};

const count = (n: number) => n.toLocaleString('en-US');

/** The error for a file over one of the limits; `what` names the part, sheet, row or cell, and the limit. */
export function overLimit(
  file: string,
  what: string,
  advice = 'save the sheet as CSV and import that',
): UserFacingError {
  return new UserFacingError('file_over_limit', `${file}: ${what}; ${advice}.`);
}

/** 1 → "A", 28 → "AB". */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The error for a row past the row limit; `where` names the file (and sheet). */
export function rowPastLimit(where: string, rowNumber: number, limits: TableLimits): UserFacingError {
  return overLimit(
    where,
    `row ${count(rowNumber)} is past the limit of ${count(limits.maxRows)} rows`,
    'split it into files of fewer rows and import each',
  );
}

/**
 * Refuses a row over the limits. `where` names the file (and sheet); `cellName` names the cell at a 0-based
 * index of the row as the analyst finds it (a workbook's `D2`, a CSV's row and column).
 */
export function checkRowLimits(
  rowNumber: number,
  cells: readonly string[],
  limits: TableLimits,
  where: () => string,
  cellName: (index: number) => string,
): void {
  if (rowNumber > limits.maxRows) throw rowPastLimit(where(), rowNumber, limits);
  if (cells.length > limits.maxColumns) {
    throw overLimit(
      where(),
      `row ${count(rowNumber)} has ${count(cells.length)} columns, over the limit of ${count(limits.maxColumns)}`,
      'delete the columns the import does not need and try again',
    );
  }
  for (let index = 0; index < cells.length; index++) {
    const length = cells[index]!.length;
    if (length > limits.maxCellChars) {
      throw overLimit(
        where(),
        `${cellName(index)} holds ${count(length)} characters, over the limit of ${count(limits.maxCellChars)} per cell`,
        'shorten it and try again',
      );
    }
  }
}
