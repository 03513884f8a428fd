import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/core/leads/import/run-import';
import { previewTable, readTable } from '../../src/core/leads/read/open-table';
import { TABLE_LIMITS } from '../../src/core/leads/read/table-limits';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';

/**
 * A CSV file is held to the same caps as a workbook (`TABLE_LIMITS`: Excel's 32,767 characters per cell and
 * 1,048,576 rows, 2,000 columns): over one, it is refused with the limit, the file, the row and the column
 * named, before anything is stored; what was stored before stays as it was.
 */
const HEADER = 'First Name,Last Name,Email,Company,Notes';

function leadFile(count: number, notes: (row: number) => string, name = 'leads.csv'): string {
  const rows = Array.from(
    { length: count },
    (_, i) => `Person${i},Lead${i},p${i}@example.com,Company ${i % 50},${notes(i + 2)}`,
  );
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, [HEADER, ...rows, ''].join('\n'));
  return file;
}

const leadCount = (db: ReturnType<typeof testServices>['db']) =>
  (db.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n;

describe('CSV files over the table limits', () => {
  it('refuses a cell over 32,767 characters at row 800 of 1,000, naming row and column; the leads stored before stay', async () => {
    const services = testServices();
    const earlier = await runImport(services.db, {
      file: leadFile(10, () => 'Called', 'earlier.csv'),
      phoneRegion: 'US',
    });
    expect(earlier.imported).toBe(10);
    const file = leadFile(1000, (row) => (row === 800 ? 'n'.repeat(40_000) : 'Called'));
    await expect(runImport(services.db, { file, phoneRegion: 'US' })).rejects.toMatchObject({
      code: 'file_over_limit',
      message: `${file}: row 800, column E ("Notes") holds 40,000 characters, over the limit of 32,767 per cell; shorten it and try again.`,
    });
    expect(leadCount(services.db)).toBe(10);
    expect(services.db.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 1 });
    services.close();
  });

  it('takes a cell of exactly 32,767 characters whole', async () => {
    const services = testServices();
    const summary = await runImport(services.db, {
      file: leadFile(3, (row) => (row === 3 ? 'n'.repeat(TABLE_LIMITS.maxCellChars) : 'Called')),
      phoneRegion: 'US',
    });
    expect(summary).toMatchObject({ rowsTotal: 3, imported: 3, rejected: 0 });
    expect(
      (services.db.prepare('SELECT length(notes) AS n FROM leads WHERE row_number = 3').get() as { n: number }).n,
    ).toBe(32_767);
    services.close();
  });

  it('refuses at the preview, before an import starts, when the long cell is among the first rows', async () => {
    const file = leadFile(5, (row) => (row === 3 ? 'n'.repeat(32_768) : 'Called'));
    await expect(previewTable(file)).rejects.toThrow(
      `${file}: row 3, column E ("Notes") holds 32,768 characters, over the limit of 32,767 per cell; shorten it and try again.`,
    );
  });

  it('refuses a file wider than 2,000 columns at its header', async () => {
    const file = path.join(tempDir(), 'wide.csv');
    const header = ['Email', ...Array.from({ length: 2000 }, (_, i) => `Property ${i}`)];
    fs.writeFileSync(file, `${header.join(',')}\n${['a@example.com', ...Array<string>(2000).fill('x')].join(',')}\n`);
    await expect(previewTable(file)).rejects.toThrow(
      `${file}: row 1 has 2,001 columns, over the limit of 2,000; delete the columns the import does not need and try again.`,
    );
  });

  it('refuses rows past the row limit, naming the first, and reads a file at the limit whole', async () => {
    const file = leadFile(150, () => 'Called');
    const { layout } = await previewTable(file);
    let rows = 0;
    await expect(
      readTable(file, layout, (batch) => (rows += batch.length), { limits: { ...TABLE_LIMITS, maxRows: 100 } }),
    ).rejects.toThrow(
      `${file}: row 101 is past the limit of 100 rows; split it into files of fewer rows and import each.`,
    );
    rows = 0;
    await readTable(file, layout, (batch) => (rows += batch.length), { limits: { ...TABLE_LIMITS, maxRows: 151 } });
    expect(rows).toBe(150);
  });
});
