import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewXlsx, readXlsx } from '../../src/core/leads/read/xlsx-reader';
import { XLSX_LIMITS, type XlsxLimits } from '../../src/core/leads/read/xlsx-limits';
import type { AppServices } from '../../src/core/services/app-services';
import {
  longCellWorkbook,
  longWorkbook,
  sharedStringsBomb,
  stylesBomb,
  understateSizes,
  wideWorkbook,
} from '../support/bad-files';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';

/** Services with one lead already imported: what a refused workbook must leave as it was. */
async function servicesWithALead(): Promise<AppServices> {
  const services = testServices();
  const file = path.join(tempDir(), 'earlier.csv');
  fs.writeFileSync(file, 'First Name,Last Name,Email,Company\nAna,Silva,ana@acme.example,Acme\n');
  expect(await services.leads.startImport({ file })).toMatchObject({ imported: 1 });
  return services;
}

function expectEarlierLeadIntact(services: AppServices): void {
  expect(services.leads.listLeads({}).rows.map((lead) => lead.email)).toEqual(['ana@acme.example']);
  expect(services.leads.listImports()).toHaveLength(1);
}

/** Preview and import in the app's way (worker threads) both refuse the file with `message`; nothing changes. */
async function expectRefused(file: string, message: string): Promise<void> {
  const services = await servicesWithALead();
  try {
    await expect(services.leads.preview(file)).rejects.toMatchObject({ code: 'file_over_limit', message });
    await expect(services.leads.startImport({ file })).rejects.toMatchObject({ code: 'file_over_limit', message });
    expectEarlierLeadIntact(services);
  } finally {
    services.close();
  }
}

const limits = (lower: Partial<XlsxLimits>): XlsxLimits => ({ ...XLSX_LIMITS, ...lower });

// Each file is read the app's way, in worker threads that start tsx: slow on a loaded machine, not a measure.
describe('workbooks over the limits', { timeout: 180_000 }, () => {
  it('refuses a shared-strings bomb (100 KB inflating to 95 MB) from its declared size, before inflating it', async () => {
    const file = await sharedStringsBomb(tempDir(), { strings: 100, stringChars: 1_000_000 });
    await expectRefused(
      file,
      `${file}: its shared-strings part (the text of its cells) inflates to 95 MB, over the limit of 64 MB; save the sheet as CSV and import that.`,
    );
  });

  it('stops a bomb whose zip understates its sizes once it has inflated past the limit', async () => {
    const file = understateSizes(await sharedStringsBomb(tempDir(), { strings: 100, stringChars: 1_000_000 }));
    await expect(previewXlsx(file)).rejects.toThrow(
      `${file}: its shared-strings part (the text of its cells) inflates past the limit of 64 MB; save the sheet as CSV and import that.`,
    );
    const small = understateSizes(await longWorkbook(tempDir(), 20_000));
    await expect(previewXlsx(small, undefined, limits({ maxInflatedBytes: 1024 * 1024 }))).rejects.toThrow(
      `${small}: the workbook inflates past the limit of 1.0 MB; save the sheet as CSV and import that.`,
    );
  });

  it('names the limit the thread that reads a workbook ran into, when a part it does not count exhausts its memory', async () => {
    const file = understateSizes(await stylesBomb(tempDir()));
    await expectRefused(file, `${file}: reading it needs more than the 128 MB of memory a file may use.`);
  });

  it('refuses a sheet wider than 2,000 columns, naming the row', async () => {
    const file = await wideWorkbook(tempDir(), 2001, 2);
    await expectRefused(
      file,
      `${file}: sheet "Leads": row 1 has 2,001 columns, over the limit of 2,000; delete the columns the import does not need and try again.`,
    );
  });

  it('refuses a cell longer than Excel allows, naming the cell', async () => {
    const file = await longCellWorkbook(tempDir(), 40_000);
    await expectRefused(
      file,
      `${file}: sheet "Leads": cell D2 holds 40,000 characters, over the limit of 32,767 per cell; shorten it and try again.`,
    );
  });

  it('refuses rows past the row limit, naming the first', async () => {
    const file = await longWorkbook(tempDir(), 150);
    const preview = await previewXlsx(file);
    const read = readXlsx(file, preview.layout, () => undefined, { limits: limits({ maxRows: 100 }) });
    await expect(read).rejects.toThrow(
      `${file}: sheet "Leads": row 101 is past the limit of 100 rows; split it into files of fewer rows and import each.`,
    );
  });

  it('refuses at the preview a sheet whose rows run past the limit, found in its XML before exceljs reads them, with or without r=', async () => {
    for (const references of [true, false]) {
      const file = await longWorkbook(tempDir(), 150, { references });
      await expect(previewXlsx(file, undefined, limits({ maxRows: 100 }))).rejects.toThrow(
        `${file}: sheet "Leads": row 101 is past the limit of 100 rows; split it into files of fewer rows and import each.`,
      );
      // The header and 150 data rows: 151 rows are within a limit of 151.
      await expect(previewXlsx(file, undefined, limits({ maxRows: 151 }))).resolves.toMatchObject({
        layout: { headerRowNumber: 1, sheet: 'Leads' },
      });
    }
  });

  it('refuses a workbook whose declared parts inflate past the limit', async () => {
    const file = await longWorkbook(tempDir(), 20_000);
    await expect(previewXlsx(file, undefined, limits({ maxInflatedBytes: 1024 * 1024 }))).rejects.toThrow(
      /: the workbook inflates to \d\.\d MB, over the limit of 1\.0 MB; save the sheet as CSV and import that\.$/,
    );
  });
});
