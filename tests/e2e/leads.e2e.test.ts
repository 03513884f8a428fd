import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { openApp, startHarness, type Harness } from './support/app';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const CSV = [
  'First Name,Last Name,E-mail Address,Company Name,Job Title,City',
  'Jane,Okafor,jane@lumora.io,Lumora Analytics,CEO,Austin',
  'Marcus,Lindqvist,marcus@,Lumora Analytics,CFO,Austin',
  'Priya,Raman,priya@lumora.io,Lumora Analytics,VP Engineering,Austin',
  'Tom,Becker,tom@northwind.example,Northwind,CRO,Berlin',
].join('\n');

describe('Lead import (e2e)', () => {
  it('imports a CSV with a bad row, fixes the row, and shows every lead in the table', async () => {
    const services = testServices();
    const file = path.join(tempDir(), 'trade-show.csv');
    fs.writeFileSync(file, `${CSV}\n`);
    try {
      const { page, context, screenshot } = await openApp(harness, services);
      await page.getByRole('button', { name: /^Leads/ }).click();
      await page.getByText('No leads yet').waitFor();
      await page.getByRole('button', { name: 'Import a CSV or Excel file' }).click();

      await page.getByLabel('File to import').fill(file);
      await page.getByRole('button', { name: 'Preview' }).click();
      const mapping = page.getByRole('table', { name: 'Column mapping' });
      await mapping.waitFor();
      // Automatic matches with their confidence; one is changed by hand.
      expect(await page.getByLabel('Import “E-mail Address” as').inputValue()).toBe('email');
      expect(await page.getByLabel('Import “Company Name” as').inputValue()).toBe('company');
      await page.getByLabel('Import “City” as').selectOption('custom');
      expect(await mapping.getByText('Changed by you').count()).toBe(1);
      await screenshot('import-mapping');

      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const result = page.getByRole('region', { name: 'Import result' });
      await result.waitFor();
      expect(await result.locator('.count').allInnerTexts()).toEqual(['Imported\n3', 'Duplicates\n0', 'Rejected\n1', 'Warnings\n0']);

      const rejected = page.getByRole('region', { name: 'Rejected rows' });
      expect(await rejected.getByRole('list', { name: 'Problems in row 3' }).textContent()).toMatch(/E-mail Address: "marcus@" is not a valid email address/);
      await screenshot('import-rejected');
      await rejected.getByLabel('E-mail Address (row 3)').fill('marcus@lumora.io');
      await rejected.getByRole('button', { name: 'Retry 1 fixed row' }).click();
      await page.getByRole('heading', { name: /Fixed rows of import #\d+ imported/ }).waitFor();
      expect(await page.getByRole('region', { name: 'Import result' }).locator('.count').first().innerText()).toBe('Imported\n1');

      await page.getByRole('button', { name: 'Show the leads' }).click();
      const table = page.getByRole('table', { name: 'Leads' });
      await expect.poll(() => table.locator('.vtable-foot').textContent()).toBe('4 leads');
      expect(await table.getByRole('button', { name: 'Marcus Lindqvist' }).count()).toBe(1);
      expect(services.db.prepare('SELECT count(*) AS n FROM leads').get()).toEqual({ n: 4 });

      // Search and sort are answered by SQLite.
      await page.getByLabel('Search leads').fill('northwind');
      await expect.poll(() => table.locator('.vtable-foot').textContent()).toBe('1 lead');
      await page.getByLabel('Search leads').fill('');
      await table.getByRole('button', { name: 'Name' }).click();
      await expect.poll(() => table.locator('.vtable-row').first().innerText()).toMatch(/^Jane Okafor/);
      await table.getByRole('button', { name: 'Marcus Lindqvist' }).click();
      const detail = page.getByRole('complementary', { name: 'Lead detail' });
      await detail.getByText('marcus@lumora.io').waitFor();
      expect(await detail.getByRole('button', { name: 'Lumora Analytics report' }).count()).toBe(1);
      await screenshot('leads-table');
      await context.close();
    } finally {
      services.close();
    }
  });
});
