import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { tempDir } from '../support/temp-dir';

export const HEADERS = ['First Name', 'Last Name', 'Email', 'Company', 'Title', 'City', 'Notes', 'Segment'];

/** Cell text with what breaks naive CSV code: delimiters, quotes, line breaks, non-ASCII, formula characters. */
const text = fc.string({
  unit: fc.constantFrom('a', 'B', 'é', 'ß', '字', ' ', ',', ';', '"', '\n', 'x', '1', '.', '=', '+', '-', '@'),
  maxLength: 12,
});
const email = fc.oneof(
  fc.constantFrom('ada@example.com', 'ADA@example.com', 'bob@example.org', 'cy@example.net', 'åsa@exämple.se', ''),
  fc.constantFrom('bad@', 'no-at-sign', '@x'),
  fc.emailAddress(),
);
const name = fc.constantFrom('', 'Ada', 'Bob', 'Zoë');
const company = fc.constantFrom('', 'Acme Inc', 'ACME', 'Globex', 'Initech LLC');
const row = fc.tuple(name, name, email, company, text, text, text, text);

/**
 * Damage seen in real exports, to one cell of a row: a field that opens a quote and never closes it (written
 * unquoted, `"Met at expo`), a lone CR inside an unquoted field, a NUL byte inside a quoted one; and (only in
 * `leadFileWithLongCells`) a cell over the per-cell limit.
 */
export interface Damage {
  cell: number;
  kind: 'quote' | 'cr' | 'nul' | 'long';
  /** Where in the cell's text a CR or NUL goes; for a long cell, how many characters past the limit it runs. */
  at: number;
}

/** Characters in a cell the import refuses: one more than Excel's per-cell limit, `TABLE_LIMITS.maxCellChars`. */
export const OVER_CELL_LIMIT = 32_768;
export const longCellLength = (damage: Damage) => OVER_CELL_LIMIT + damage.at;
const damage = fc.option(
  fc.record({
    cell: fc.nat(HEADERS.length - 1),
    kind: fc.constantFrom<Damage['kind']>('quote', 'cr', 'nul'),
    at: fc.nat(12),
  }),
  { freq: 3 },
);

export interface GeneratedRow {
  cells: string[];
  blankLinesBefore: number;
  damage: Damage | null;
}

export interface GeneratedFile {
  rows: GeneratedRow[];
  /** Every cell quoted (HubSpot, Salesforce), or none (a naive export: cell text without delimiters, quotes, line breaks). */
  quoting: 'all' | 'none';
  newline: '\r\n' | '\n';
  /** A CR after the first header cell: papaparse took a file's line end for CR when its first line held one. */
  strayCrInHeader: boolean;
}

/** Lead files whose rows collide on email, name and company key, with blank lines, invalid emails, odd text and damage. */
export const leadFile: fc.Arbitrary<GeneratedFile> = fc.record({
  rows: fc.array(fc.record({ cells: row, blankLinesBefore: fc.nat(2), damage }), { minLength: 1, maxLength: 40 }),
  quoting: fc.constantFrom<GeneratedFile['quoting']>('all', 'none'),
  newline: fc.constantFrom<GeneratedFile['newline']>('\r\n', '\n'),
  strayCrInHeader: fc.boolean(),
});

/** The same files, a quarter of them with one cell over the per-cell limit in one of their rows. */
export const leadFileWithLongCells: fc.Arbitrary<GeneratedFile> = leadFile.chain((file) =>
  fc
    .option(fc.record({ row: fc.nat(file.rows.length - 1), cell: fc.nat(HEADERS.length - 1), at: fc.nat(100) }), {
      freq: 3,
    })
    .map((long) =>
      long
        ? {
            ...file,
            rows: file.rows.map((row, i) =>
              i === long.row ? { ...row, damage: { cell: long.cell, kind: 'long' as const, at: long.at } } : row,
            ),
          }
        : file,
    ),
);

/** Text that needs no quotes, so that an opening quote before it is the only damage. */
const plain = (cell: string) => cell.replace(/[",\r\n]/g, '');
const insert = (cell: string, at: number, what: string) => `${cell.slice(0, at)}${what}${cell.slice(at)}`;
const quoted = (cell: string) => Papa.unparse([[cell]], { quotes: true });

function writeCell(cell: string, index: number, damage: Damage | null, quoting: GeneratedFile['quoting']): string {
  if (damage?.cell !== index) return quoting === 'all' ? quoted(cell) : plain(cell);
  if (damage.kind === 'long') return 'x'.repeat(longCellLength(damage));
  if (damage.kind === 'quote') return `"${plain(cell)}`;
  if (damage.kind === 'cr') return insert(plain(cell), damage.at, '\r');
  return quoting === 'all' ? quoted(insert(cell, damage.at, '\0')) : insert(plain(cell), damage.at, '\0');
}

/** The cells an import should read from a written row (before the normaliser trims them). */
export function cellsRead({ cells, damage }: GeneratedRow, quoting: GeneratedFile['quoting']): string[] {
  return cells.map((cell, index) => {
    if (damage?.cell === index && damage.kind === 'long') return 'x'.repeat(longCellLength(damage));
    if (damage?.cell === index && damage.kind === 'quote') return `"${plain(cell)}`;
    if (damage?.cell === index && damage.kind === 'cr') return insert(plain(cell), damage.at, '\r');
    return quoting === 'all' ? cell : plain(cell);
  });
}

/** The spreadsheet row number of each generated row: the header is row 1, blank lines count. */
export function rowNumbers(file: GeneratedFile): number[] {
  let rowNumber = 1;
  return file.rows.map((row) => (rowNumber += row.blankLinesBefore + 1));
}

let written = 0;
export function writeLeadFile(file: GeneratedFile): string {
  const header = HEADERS.map(file.quoting === 'all' ? quoted : plain).join(',');
  const lines = [file.strayCrInHeader ? header.replace(',', '\r,') : header];
  for (const row of file.rows)
    lines.push(
      ...Array<string>(row.blankLinesBefore).fill(''),
      row.cells.map((cell, index) => writeCell(cell, index, row.damage, file.quoting)).join(','),
    );
  const target = path.join(tempDir(), `generated-${(written += 1)}.csv`);
  fs.writeFileSync(target, `${lines.join(file.newline)}${file.newline}`);
  return target;
}
