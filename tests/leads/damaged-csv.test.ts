import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport, type ImportSummary } from '../../src/core/leads/import/run-import';
import type { AppServices } from '../../src/core/services/app-services';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { runCliProcess } from './support';

const HEADER = 'First Name,Last Name,Email,Company,Notes';
const STRAY_QUOTE = { row: 3, column: 'Notes', field: 'notes', message: expect.stringMatching(/starts with a quote/) };

/** A lead file of `count` rows (spreadsheet rows 2 to count + 1); `notes(row)` gives the Notes cell as written. */
function leadFile(
  count: number,
  notes: (row: number) => string,
  options: { newline?: string; name?: string } = {},
): string {
  const newline = options.newline ?? '\n';
  const rows = Array.from(
    { length: count },
    (_, i) => `Person${i},Lead${i},p${i}@example.com,Company ${i % 50},${notes(i + 2)}`,
  );
  const file = path.join(tempDir(), options.name ?? 'leads.csv');
  fs.writeFileSync(file, [HEADER, ...rows, ''].join(newline));
  return file;
}

function notesAt(services: AppServices, row: number): string | null {
  return (
    (
      services.db.prepare('SELECT notes FROM leads WHERE row_number = ?').get(row) as
        { notes: string | null } | undefined
    )?.notes ?? null
  );
}

function counts(summary: ImportSummary) {
  return {
    rowsTotal: summary.rowsTotal,
    imported: summary.imported,
    duplicates: summary.duplicates,
    rejected: summary.rejected,
  };
}

describe('a CSV file with a stray quote', () => {
  it('imports every row of 1,000 when row 3 opens a quote it never closes, and names row 3 and its column', async () => {
    // Quoted companies further down, as exports write them: the stray quote would run on to the first of them.
    const file = leadFile(1000, (row) =>
      row === 3 ? '"Met at expo' : row % 100 === 0 ? '"Called, left a message"' : 'Called',
    );
    const services = testServices();
    const summary = await runImport(services.db, { file, phoneRegion: 'US' });
    expect(counts(summary)).toEqual({ rowsTotal: 1000, imported: 1000, duplicates: 0, rejected: 0 });
    expect(summary.warnings).toEqual([STRAY_QUOTE]);
    expect(notesAt(services, 3)).toBe('"Met at expo');
    expect(notesAt(services, 4)).toBe('Called');
    expect(notesAt(services, 100)).toBe('Called, left a message');
  });

  it('keeps the rows when the quote is closed only far below, by a lone inch mark before a comma', async () => {
    const file = leadFile(1000, (row) => (row === 3 ? '"Met at expo' : row === 500 ? 'Wants a 27" monitor' : 'Called'));
    const services = testServices();
    const summary = await runImport(services.db, { file, phoneRegion: 'US' });
    expect(counts(summary)).toEqual({ rowsTotal: 1000, imported: 1000, duplicates: 0, rejected: 0 });
    expect(summary.warnings).toEqual([STRAY_QUOTE]);
    expect(notesAt(services, 500)).toBe('Wants a 27" monitor');
  });

  it('keeps the last row when its quote is cut off by the end of the file', async () => {
    const file = leadFile(10, (row) => (row === 11 ? '"Call back' : 'Called'));
    const services = testServices();
    const summary = await runImport(services.db, { file, phoneRegion: 'US' });
    expect(counts(summary)).toEqual({ rowsTotal: 10, imported: 10, duplicates: 0, rejected: 0 });
    expect(summary.warnings).toEqual([{ ...STRAY_QUOTE, row: 11 }]);
    expect(notesAt(services, 11)).toBe('"Call back');
  });

  it('still reads a quoted field over several lines as one row', async () => {
    const file = leadFile(5, (row) => (row === 3 ? '"Met at expo,\nbooth 12;\nfollow up in May"' : 'Called'));
    const services = testServices();
    const summary = await runImport(services.db, { file, phoneRegion: 'US' });
    expect(counts(summary)).toEqual({ rowsTotal: 5, imported: 5, duplicates: 0, rejected: 0 });
    expect(summary.warnings).toEqual([]);
    expect(notesAt(services, 3)).toBe('Met at expo,\nbooth 12;\nfollow up in May');
  });

  it('behaves the same in the worker threads of a file over 1 MB as read in one thread', async () => {
    // No other quote in the file: the stray one runs on past the longest row the reader holds (1,000,000 characters).
    const file = leadFile(12_000, (row) =>
      row === 3 ? '"Met at expo' : `Called about the offer ${'details '.repeat(6)}`,
    );
    expect(fs.statSync(file).size).toBeGreaterThan(1024 * 1024);
    const inThread = testServices();
    const here = await runImport(inThread.db, { file, phoneRegion: 'US' });
    const inWorkers = testServices();
    const beside = await inWorkers.leads.startImport({ file });
    expect(counts(beside)).toEqual({ rowsTotal: 12_000, imported: 12_000, duplicates: 0, rejected: 0 });
    expect(beside.warnings).toEqual([STRAY_QUOTE]);
    expect({ ...beside, importId: null }).toEqual({ ...here, importId: null });
    expect(notesAt(inWorkers, 3)).toBe('"Met at expo');
  });

  it('reads a naive export with a stray quote in every row without slowing down, warning of each', async () => {
    // Each stray quote once ran on to the 1,000,000-character limit before it was caught: minutes for such a file.
    const file = leadFile(20_000, () => '"Met at expo');
    const services = testServices();
    const summary = await runImport(services.db, { file, phoneRegion: 'US' });
    expect(counts(summary)).toEqual({ rowsTotal: 20_000, imported: 20_000, duplicates: 0, rejected: 0 });
    expect(summary.warnings[19]).toEqual({ ...STRAY_QUOTE, row: 21 });
    expect(services.db.prepare('SELECT warnings FROM imports').get()).toEqual({ warnings: 20_000 });
  });

  it('refuses a line too long to be a row, naming the file and the row', async () => {
    const file = path.join(tempDir(), 'one-line.csv');
    fs.writeFileSync(
      file,
      `${HEADER}\nAda,Lovelace,ada@example.com,Engines,ok\nBob,Stone,bob@example.com,Acme,${'x'.repeat(1_100_000)}\n`,
    );
    const services = testServices();
    await expect(runImport(services.db, { file, phoneRegion: 'US' })).rejects.toThrow(
      `${file}: row 3 is longer than 1,000,000 characters`,
    );
    expect(services.leads.listImports()).toEqual([]);
  });

  it('shows the warning in the command line summary', async () => {
    const file = leadFile(1000, (row) => (row === 3 ? '"Met at expo' : 'Called'));
    const result = await runCliProcess(['--data-dir', tempDir(), 'import', file]);
    expect(result.stdout.split('\n').slice(0, 2)).toEqual([
      'Import 1: 1000 rows, 1000 imported, 0 duplicates, 0 rejected.',
      expect.stringMatching(/^ {2}warning row 3, column "Notes" \(notes\): the field starts with a quote/),
    ]);
  });
});

describe('a CSV file with stray line ends and NUL bytes', () => {
  it('reads a file whose lines end in LF with a stray CR in its header line', async () => {
    const file = path.join(tempDir(), 'cr.csv');
    fs.writeFileSync(
      file,
      'First Name,Last Name\r,Email\nAda,Lovelace,ada@example.com\nBob,Stone,bob@example.com\nCy,Young,cy@example.com\n',
    );
    const summary = await runImport(testServices().db, { file, phoneRegion: 'US' });
    expect(counts(summary)).toEqual({ rowsTotal: 3, imported: 3, duplicates: 0, rejected: 0 });
  });

  it('reads a CRLF file with one row ending in LF alone (rows pasted from another editor)', async () => {
    const file = path.join(tempDir(), 'mixed.csv');
    fs.writeFileSync(
      file,
      'First Name,Last Name,Email\r\nAda,Lovelace,ada@example.com\nBob,Stone,bob@example.com\r\nCy,Young,"cy@example.com"\r\n',
    );
    const services = testServices();
    const summary = await runImport(services.db, { file, phoneRegion: 'US' });
    expect(counts(summary)).toEqual({ rowsTotal: 3, imported: 3, duplicates: 0, rejected: 0 });
    expect(services.db.prepare('SELECT last_name AS lastName, email FROM contacts ORDER BY id').all()).toEqual([
      { lastName: 'Lovelace', email: 'ada@example.com' },
      { lastName: 'Stone', email: 'bob@example.com' },
      { lastName: 'Young', email: 'cy@example.com' },
    ]);
  });

  it('takes a NUL byte out of a cell with a warning naming its row and column', async () => {
    const file = path.join(tempDir(), 'nul.csv');
    fs.writeFileSync(file, 'First Name,Email,Company\nAda,ada@example.com,Engi\0nes\nBob,bob@example.com,Acme\n');
    const services = testServices();
    const summary = await runImport(services.db, { file, phoneRegion: 'US' });
    expect(counts(summary)).toEqual({ rowsTotal: 2, imported: 2, duplicates: 0, rejected: 0 });
    expect(summary.warnings).toEqual([
      {
        row: 2,
        column: 'Company',
        field: 'company',
        message: 'held a NUL byte (an invisible control character); it was removed',
      },
    ]);
    expect(services.db.prepare('SELECT company_name AS company FROM contacts ORDER BY id').all()).toEqual([
      { company: 'Engines' },
      { company: 'Acme' },
    ]);
  });
});
