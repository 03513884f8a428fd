import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intelHarness } from '../intel/support';
import { openApp, startHarness, type Harness } from './support/app';
import { chromiumPdfPrinter } from '../support/chromium-pdf';
import { readPdfText } from '../../src/core/research/pdf';
import { tempDir } from '../support/temp-dir';
import { companyFixtures } from '../enrichment/support';
import type { SettingsPatch } from '../../src/core/settings/settings-service';

const LIST = path.resolve(import.meta.dirname, '../fixtures/companies/target-accounts.csv');

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

describe('Working a report (e2e)', () => {
  it('curates decision makers and overview values in place, marked as curated, kept in the stored report', async () => {
    const intel = await intelHarness();
    try {
      await intel.services.intel.lookup('Lumora Analytics');
      const calls = intel.tavily.searches().length;
      const { page, context, screenshot } = await openApp(harness, intel.services);
      const openStored = async () => {
        await page
          .getByRole('list', { name: 'Recent companies' })
          .getByRole('button', { name: 'Lumora Analytics' })
          .click();
        await page.getByRole('region', { name: 'Decision makers' }).waitFor();
      };
      await openStored();
      const people = page.getByRole('region', { name: 'Decision makers' });
      const marcus = people.getByRole('row', { name: /Marcus Lindqvist/ });
      expect(await marcus.textContent()).toContain('Chief Financial Officer');

      await people.getByRole('button', { name: 'Correct Marcus Lindqvist' }).click();
      const form = people.getByRole('form', { name: 'Curate decision maker' });
      await form.getByLabel('Title').fill('Chief Operating Officer');
      await form.getByLabel('Note (where you learned it)').fill('Told us on the 3 March call');
      await form.getByRole('button', { name: 'Save to profile' }).click();
      await expect.poll(() => marcus.textContent()).toContain('Chief Operating Officer');
      expect(await marcus.getByText('Curated').count()).toBe(1);
      expect(await marcus.textContent()).toContain('Told us on the 3 March call');

      const overview = page.getByRole('region', { name: 'Overview' });
      await overview.getByRole('button', { name: 'Curate Headquarters' }).click();
      const hq = overview.getByRole('form', { name: 'Curate Headquarters' });
      await hq.getByLabel('Headquarters').fill('Denver, Colorado');
      await hq.getByRole('button', { name: 'Save to profile' }).click();
      await overview.getByRole('button', { name: 'Remove curated Headquarters' }).waitFor();
      expect(await overview.textContent()).toContain('Denver, Colorado');
      await screenshot('report-curation');

      // Edit, then remove: the found title comes back with its sources.
      await people.getByRole('button', { name: 'Edit curated Marcus Lindqvist' }).click();
      await form.getByLabel('Title').fill('President');
      await form.getByRole('button', { name: 'Save to profile' }).click();
      await expect.poll(() => marcus.textContent()).toContain('President');
      await people.getByRole('button', { name: 'Remove curated Marcus Lindqvist' }).click();
      await expect.poll(() => marcus.textContent()).toContain('Chief Financial Officer');
      expect(await marcus.getByText('Curated').count()).toBe(0);

      // Stored: the report opened again shows the curated headquarters; nothing called a provider.
      await page.reload();
      await openStored();
      expect(await page.getByRole('region', { name: 'Overview' }).textContent()).toContain('Denver, Colorado');
      expect(intel.services.profiles.list('Lumora Analytics')).toEqual([
        expect.objectContaining({ kind: 'headquarters', value: 'Denver, Colorado' }),
      ]);
      expect(intel.tavily.searches().length).toBe(calls);
      await context.close();
    } finally {
      await intel.close();
    }
  });

  it('exports the report as a PDF for paper (endnotes with URLs) and as HTML through the save dialog', async () => {
    const intel = await intelHarness();
    const printer = await chromiumPdfPrinter(harness.browser);
    try {
      const report = await intel.services.intel.lookup('Lumora Analytics', { workflow: 'comprehensive' });
      const { page, context, screenshot, pickNext } = await openApp(harness, intel.services, {
        printPdf: printer.print,
      });
      await page
        .getByRole('list', { name: 'Recent companies' })
        .getByRole('button', { name: 'Lumora Analytics' })
        .click();
      const folder = tempDir();
      const pdfFile = path.join(folder, 'lumora.pdf');
      pickNext(pdfFile);
      await page.getByRole('button', { name: 'Export PDF…' }).click();
      await page.getByText(`Report saved as PDF: ${pdfFile}.`).waitFor();
      await screenshot('report-export');
      const pdf = await readPdfText(new Uint8Array(fs.readFileSync(pdfFile)), {
        maxPages: 50,
        maxTextChars: 1_000_000,
      });
      expect(pdf.totalPages).toBeGreaterThan(0);
      const text = pdf.pages.join('\n').replace(/\s+/g, '');
      for (const source of report.sources) expect(text).toContain(source.url.replace(/\s+/g, ''));

      const htmlFile = path.join(folder, 'lumora.html');
      pickNext(htmlFile);
      await page.getByRole('button', { name: 'Export HTML…' }).click();
      await page.getByText(`Report saved as HTML: ${htmlFile}.`).waitFor();
      expect(fs.readFileSync(htmlFile, 'utf8')).toContain('<ol class="sources">');
      await context.close();
    } finally {
      await printer.close();
      await intel.close();
    }
  });

  it('selects every company a filter matches, and looks up a company never looked up from its row', async () => {
    const intel = await intelHarness({
      fixtures: companyFixtures(['Globex']),
      settings: { rateLimits: { tavily: { requestsPerMinute: 6000, burst: 5 } } } as SettingsPatch,
    });
    try {
      await intel.services.companies.import({ file: LIST });
      const { page, context, screenshot } = await openApp(harness, intel.services);
      await page.getByRole('button', { name: /^Companies/ }).click();
      const table = page.getByRole('table', { name: 'Companies' });
      await expect.poll(() => table.locator('.vtable-foot').textContent()).toBe('5 companies');
      await page.getByLabel('Search companies').fill('st');
      await expect.poll(() => table.locator('.vtable-foot').textContent()).toBe('1 company');
      await page.getByLabel('Search companies').fill('');
      await expect.poll(() => table.locator('.vtable-foot').textContent()).toBe('5 companies');
      await page.getByRole('button', { name: 'Select all matching' }).click();
      const batch = page.getByRole('region', { name: 'Look up selected companies' });
      await batch.getByRole('button', { name: 'Look up / refresh 5 selected' }).waitFor();
      expect(await table.getByRole('checkbox', { checked: true }).count()).toBeGreaterThanOrEqual(5);
      await page.getByRole('button', { name: 'Clear selection' }).click();

      await table.getByRole('button', { name: 'Globex' }).click();
      await page.getByText('Globex has not been looked up yet').waitFor();
      await screenshot('company-never-looked-up');
      await page.getByRole('button', { name: 'Look up Globex' }).click();
      await page.getByRole('region', { name: 'Overview' }).waitFor({ timeout: 30_000 });
      await expect.poll(() => page.getByRole('heading', { name: 'Globex', level: 2 }).count()).toBe(1);
      expect(intel.tavily.searches().length).toBeGreaterThan(0);
      await context.close();
    } finally {
      await intel.close();
    }
  });
});
