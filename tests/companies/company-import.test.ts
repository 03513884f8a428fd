import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompanyRow } from '../../src/core/companies/company-schemas';
import { runCli } from '../support/run-cli';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';

const fixture = path.join(__dirname, '../fixtures/companies/target-accounts.csv');

describe('importing a list of companies', () => {
  it('imports names and websites as companies, names each bad row by row and column, and stores no people', async () => {
    const services = testServices();
    const summary = await services.companies.import({ file: fixture });
    expect(summary).toMatchObject({ rowsTotal: 9, imported: 5, duplicates: 2, rejected: 2 });
    // Rows as the analyst numbers them in the spreadsheet: a title line and a blank line sit above the header.
    expect(summary.errors).toEqual([
      {
        row: 9,
        column: 'Account Name',
        field: 'company',
        message: 'no company name or website ("Account Name" and "Website" empty)',
      },
      { row: 10, column: 'Website', field: 'website', message: '"not a website!" is not a web address or domain' },
    ]);
    const rows = services.companies.list({ limit: 100 });
    expect(rows.map((r) => [r.name, r.domain])).toEqual([
      ['Acme Corporation', 'acme.example'],
      ['Globex', 'globex.example'],
      // A domain alone names the company until a lookup finds its name.
      ['initech.example', 'initech.example'],
      ['Stark Industries, Inc.', null],
      ['Umbrella Corp', null],
    ]);
    expect(rows.every((r) => r.leads === 0 && r.refreshedAt === null)).toBe(true);
    expect(
      services.db.prepare('SELECT (SELECT count(*) FROM contacts) + (SELECT count(*) FROM leads) AS n').get(),
    ).toEqual({ n: 0 });
    // The rejected rows are kept with their cells, for the same export and fix as a lead import's.
    expect(
      services.leads.listRejected(summary.importId!, { offset: 0, limit: 10 }).rows.map((r) => [r.row, r.raw['Owner']]),
    ).toEqual([
      [9, 'Lee'],
      [10, 'Dana'],
    ]);
    // A second import of the same list finds every company already stored.
    expect(await services.companies.import({ file: fixture })).toMatchObject({
      imported: 0,
      duplicates: 7,
      rejected: 2,
    });
    services.close();
  });

  it('is undone like a lead import: the companies it created go, unless a lookup has used one since', async () => {
    const services = testServices();
    const { importId } = await services.companies.import({ file: fixture });
    const globex = services.companies.list({ filter: { search: 'globex' } })[0]!;
    services.db
      .prepare(
        `INSERT INTO intel_runs (query, company_id, workflow, status, started_at) VALUES ('Globex', ?, 'standard', 'completed', '2026-01-01')`,
      )
      .run(globex.id);
    expect(services.leads.undoImport(importId!)).toMatchObject({ leadsRemoved: 0, companiesRemoved: 4 });
    expect(services.companies.list({}).map((r: CompanyRow) => r.name)).toEqual(['Globex']);
    services.close();
  });

  it('reads a workbook with a Company and a Domain column, and a dry run stores nothing', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Accounts');
    sheet.addRow(['Company', 'Domain']);
    sheet.addRow(['Wayne Enterprises', 'wayne.example']);
    sheet.addRow(['Cyberdyne', '']);
    const file = path.join(tempDir(), 'accounts.xlsx');
    await workbook.xlsx.writeFile(file);
    const services = testServices();
    expect(await services.companies.import({ file, dryRun: true })).toMatchObject({ importId: null, imported: 2 });
    expect(services.companies.count({})).toBe(0);
    expect(await services.companies.import({ file })).toMatchObject({ imported: 2, rejected: 0 });
    expect(services.companies.list({}).map((r) => [r.name, r.domain])).toEqual([
      ['Cyberdyne', null],
      ['Wayne Enterprises', 'wayne.example'],
    ]);
    services.close();
  });

  it('reports the damage the reader repaired in a cell as a warning on its row and column', async () => {
    const file = path.join(tempDir(), 'damaged.csv');
    fs.writeFileSync(file, 'Company,Website\nAc\u0000me,acme.example\nGlobex,globex.example\n');
    const services = testServices();
    const summary = await services.companies.import({ file });
    expect(summary).toMatchObject({ imported: 2, rejected: 0 });
    expect(summary.warnings.map((w) => [w.row, w.column])).toEqual([[2, 'Company']]);
    expect(services.leads.listImports()[0]).toMatchObject({ id: summary.importId, warnings: 1 });
    expect(services.companies.list({}).map((r) => r.name)).toEqual(['Acme', 'Globex']);
    services.close();
  });

  it('on the command line: imports with row and column errors, lists as text and JSON, refuses a file with no company column', async () => {
    const dataDir = tempDir();
    const imported = await runCli(['--data-dir', dataDir, 'companies', 'import', fixture]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('9 rows, 5 imported, 2 duplicates, 2 rejected');
    expect(imported.stdout).toContain(
      'error row 10, column "Website" (website): "not a website!" is not a web address or domain',
    );
    const listed = await runCli(['--data-dir', dataDir, 'companies', 'list', '--search', 'acme']);
    expect(listed.stdout.trim()).toBe('Acme Corporation  acme.example  [0 leads, never looked up]');
    const json = await runCli(['--data-dir', dataDir, '--json', 'companies', 'list', '--sort', 'domain', '--desc']);
    expect((JSON.parse(json.stdout) as CompanyRow[]).map((r) => r.domain)).toEqual([
      'initech.example',
      'globex.example',
      'acme.example',
      null,
      null,
    ]);
    const stale = await runCli([
      '--data-dir',
      dataDir,
      '--json',
      'companies',
      'list',
      '--not-refreshed-since',
      '2026-01-01',
      '--search',
      'corp',
    ]);
    expect((JSON.parse(stale.stdout) as CompanyRow[]).map((r) => r.name)).toEqual([
      'Acme Corporation',
      'Umbrella Corp',
    ]);
    // Nothing imported has a round yet: a round filter leaves every company out.
    const seed = await runCli(['--data-dir', dataDir, '--json', 'companies', 'list', '--round', 'seed']);
    expect(JSON.parse(seed.stdout)).toEqual([]);
    const badDate = await runCli(['--data-dir', dataDir, 'companies', 'list', '--round-from', '5/1/2026']);
    expect(badDate.code).not.toBe(0);
    expect(badDate.stderr).toContain(
      "option '--round-from <date>' argument '5/1/2026' is invalid. write a date as YYYY-MM-DD.",
    );
    const people = path.join(__dirname, '../fixtures/leads/linkedin-connections.csv');
    const refused = await runCli(['--data-dir', dataDir, 'companies', 'import', people, '--map', 'Company=skip']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/no column holds company names or websites; the columns are .*"Company"/);
  });
});
