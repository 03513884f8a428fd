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
      const { page, context, screenshot, pickNext } = await openApp(harness, services);
      await page.getByRole('button', { name: /^Leads/ }).click();
      await page.getByText('No leads yet').waitFor();
      await page.getByRole('button', { name: 'Import a CSV or Excel file' }).click();

      pickNext(file);
      await page.getByRole('button', { name: 'Browse…' }).click();
      await expect.poll(() => page.getByLabel('File to import').inputValue()).toBe(file);
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
      expect(await result.locator('.count').allInnerTexts()).toEqual([
        'Imported\n3',
        'Duplicates\n0',
        'Rejected\n1',
        'Warnings\n0',
      ]);

      const rejected = page.getByRole('region', { name: 'Rejected rows' });
      expect(await rejected.getByRole('list', { name: 'Problems in row 3' }).textContent()).toMatch(
        /E-mail Address: "marcus@" is not a valid email address/,
      );
      await screenshot('import-rejected');
      await rejected.getByLabel('E-mail Address (row 3)').fill('marcus@lumora.io');
      await rejected.getByRole('button', { name: 'Retry 1 fixed row' }).click();
      await page.getByRole('heading', { name: /Fixed rows of import #\d+ imported/ }).waitFor();
      expect(await page.getByRole('region', { name: 'Import result' }).locator('.count').first().innerText()).toBe(
        'Imported\n1',
      );

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
      await detail.getByText('marcus@lumora.io', { exact: true }).waitFor();
      expect(await detail.getByRole('button', { name: 'Lumora Analytics report' }).count()).toBe(1);
      await screenshot('leads-table');
      await context.close();
    } finally {
      services.close();
    }
  });
});

describe('Leads table over the real bridge (e2e)', () => {
  it('paints a full first page, then its count (leads:count); a search typed in one burst ends on its last word', async () => {
    const services = testServices();
    // 300 contacts with a lead each; every fourth is a CFO (75: more than one page, so the count is asked apart).
    services.db
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
         INSERT INTO contacts (first_name, last_name, full_name, full_name_key, title, company_name, company_key)
         SELECT 'First' || i, 'Last' || i, 'First' || i || ' Last' || i, 'first' || i || ' last' || i, CASE i % 4 WHEN 1 THEN 'CFO' ELSE 'CEO' END, 'Company ' || i, 'company ' || i FROM n`,
      )
      .run();
    services.db.prepare(`INSERT INTO leads (contact_id, status, source) SELECT id, 'new', 'e2e' FROM contacts`).run();
    try {
      const { page, context } = await openApp(harness, services);
      await page.getByRole('button', { name: /^Leads/ }).click();
      const table = page.getByRole('table', { name: 'Leads' });
      const footer = table.locator('.vtable-foot');
      await expect.poll(() => footer.textContent()).toBe('300 leads');

      await page.getByLabel('Search leads').fill('cfo');
      await expect.poll(() => footer.textContent()).toBe('75 leads');
      // Newest first: the first page runs from CFO 297 down; the rest are asked once the count is known.
      expect(await table.locator('.vtable-row .link-button').first().textContent()).toBe('First297 Last297');
      await table.locator('.vtable-body').evaluate((body) => body.scrollTo(0, body.scrollHeight));
      await table.getByRole('button', { name: 'First1 Last1', exact: true }).waitFor();

      await page.getByLabel('Search leads').fill('');
      await expect.poll(() => footer.textContent()).toBe('300 leads');
      // One keystroke after another with no pause: queries typed while a page is on its way are coalesced.
      await page.getByLabel('Search leads').pressSequentially('last12');
      await expect.poll(() => footer.textContent()).toBe('11 leads');
      expect((await table.locator('.vtable-row .link-button').allTextContents()).sort()).toEqual(
        ['First12 Last12', ...Array.from({ length: 10 }, (_, i) => `First12${i} Last12${i}`)].sort(),
      );
      await context.close();
    } finally {
      services.close();
    }
  });
});
