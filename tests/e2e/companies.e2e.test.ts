import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettingsPatch } from '../../src/core/settings/settings-service';
import { companyFixtures } from '../enrichment/support';
import { intelHarness } from '../intel/support';
import { watchServiceFor } from '../../src/core/schedule/app-scheduler';
import { WorkflowCatalog } from '../../src/core/intel/workflow-catalog';
import { tempDir } from '../support/temp-dir';
import { openApp, startHarness, type Harness } from './support/app';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const LIST = path.resolve(import.meta.dirname, '../fixtures/companies/target-accounts.csv');

describe('Companies (e2e)', () => {
  it('imports a list of companies, looks up a selection in a batch, filters, searches, sorts, watches a selection and opens a report', async () => {
    // The loopback Tavily knows two of the listed companies, so the batch has something to find.
    const intel = await intelHarness({
      fixtures: companyFixtures(['Globex', 'Umbrella']),
      settings: { rateLimits: { tavily: { requestsPerMinute: 6000, burst: 5 } } } as SettingsPatch,
    });
    try {
      // The analyst's own workflow from Settings, offered beside the built-ins when watching.
      new WorkflowCatalog(intel.services.db, intel.services.effectiveSettings).add({
        name: 'people-first',
        description: 'Who runs it, nothing else',
        steps: [{ component: 'identity' }, { component: 'executives', dependsOn: ['identity'] }],
      });
      const { page, screenshot, pickNext } = await openApp(harness, intel.services);
      await page.getByRole('button', { name: /^Companies/ }).click();
      await page.getByRole('heading', { name: 'Companies', level: 1 }).waitFor();
      const table = page.getByRole('table', { name: 'Companies' });
      const footer = table.locator('.vtable-foot');
      await expect.poll(() => footer.textContent()).toBe('0 companies');
      await table
        .getByText('No companies yet: look one up on the Lookup screen, or import a list of companies above.')
        .waitFor();
      await screenshot('companies-empty');

      pickNext(LIST);
      await page.getByRole('button', { name: 'Import companies…' }).click();
      const imported = page.getByRole('region', { name: 'Company import' });
      // The lead import's reader finds the header under the title line, and its mapping the two columns.
      await expect.poll(() => imported.getByLabel('Company names from').inputValue()).toBe('Account Name');
      expect(await imported.getByLabel('Websites from').inputValue()).toBe('Website');
      await imported.getByText('e.g. Acme Corporation, Globex').waitFor();
      await screenshot('companies-import-columns');
      await imported.getByRole('button', { name: 'Import these companies' }).click();
      await expect
        .poll(() => imported.getByRole('status').textContent())
        .toMatch(/9 rows, 5 new companies, 2 already known, 2 rejected/);
      expect(await imported.getByRole('list', { name: 'Rejected rows' }).innerText()).toContain(
        'Row 10, Website: "not a website!" is not a web address or domain',
      );
      await expect.poll(() => footer.textContent()).toBe('5 companies');
      await screenshot('companies-import');

      await table.getByLabel('Select Globex').check();
      await table.getByLabel('Select Umbrella Corp').check();
      const batch = page.getByRole('region', { name: 'Look up selected companies' });
      await batch.getByRole('button', { name: 'Look up / refresh 2 selected' }).click();
      await expect
        .poll(() => batch.getByRole('status').textContent(), { timeout: 30_000 })
        .toBe('2 of 2 companies looked up.');
      // The finished batch reloads the table: both now show what their reports found (a lookup keeps the
      // name its sources use, without "Corp").
      await page.getByLabel('Headquarters').fill('austin');
      await expect.poll(() => footer.textContent()).toBe('2 companies');
      expect(await table.locator('.vtable-row .link-button').allInnerTexts()).toEqual(['Globex', 'Umbrella']);
      await page.getByLabel('Headquarters').fill('');

      await page.getByLabel('Search companies').fill('glob');
      await expect.poll(() => footer.textContent()).toBe('1 company');
      await page.getByLabel('Search companies').fill('');
      await page.getByLabel('Leads').selectOption('true');
      await expect.poll(() => footer.textContent()).toBe('0 companies');
      await page.getByLabel('Leads').selectOption('');

      // Newest refresh first: the two looked up lead, the never-refreshed follow (ties newest-added first).
      await table.getByRole('button', { name: 'Refreshed' }).click();
      await table.getByRole('button', { name: 'Refreshed' }).click();
      await expect
        .poll(() => table.getByRole('columnheader', { name: /Refreshed/ }).getAttribute('aria-sort'))
        .toBe('descending');
      await expect
        .poll(async () => (await table.locator('.vtable-row .link-button').allInnerTexts()).slice(2))
        .toEqual(['Stark Industries, Inc.', 'initech.example', 'Acme Corporation']);
      await screenshot('companies');

      // Watch two of them from the list: the table marks them watched before their first refresh.
      await page.getByRole('button', { name: 'Clear selection' }).click();
      await table.getByLabel('Select Stark Industries, Inc.').check();
      await table.getByLabel('Select Acme Corporation').check();
      const watch = page.getByRole('region', { name: 'Watch selected companies' });
      await watch.getByRole('combobox', { name: 'Watch workflow' }).selectOption('comprehensive');
      await watch.getByRole('combobox', { name: 'Refresh' }).selectOption('1w');
      await watch.getByRole('button', { name: 'Watch 2 selected' }).click();
      await expect.poll(() => watch.getByRole('status').textContent()).toBe('2 companies watched.');
      expect(
        watchServiceFor(intel.services)
          .list()
          .map((w) => [w.query, w.workflow, w.everyMinutes]),
      ).toEqual([
        ['Acme Corporation', 'comprehensive', 10_080],
        ['Stark Industries, Inc.', 'comprehensive', 10_080],
      ]);
      await page.getByRole('checkbox', { name: 'Watched', exact: true }).check();
      await expect.poll(() => footer.textContent()).toBe('2 companies');
      await expect
        .poll(() => table.locator('.vtable-row .link-button').allInnerTexts())
        .toEqual(['Stark Industries, Inc.', 'Acme Corporation']);
      expect(await table.getByRole('cell', { name: 'Watched', exact: true }).count()).toBe(2);
      await screenshot('companies-watched');

      // Acme's refreshes run the analyst's own workflow; Stark is taken off the watch list.
      await page.getByRole('button', { name: 'Clear selection' }).click();
      await table.getByLabel('Select Acme Corporation').check();
      await watch.getByRole('combobox', { name: 'Watch workflow' }).selectOption('people-first');
      await watch.getByRole('button', { name: 'Watch 1 selected' }).click();
      await expect.poll(() => watch.getByRole('status').textContent()).toBe('1 company watched.');
      await page.getByRole('button', { name: 'Clear selection' }).click();
      await table.getByLabel('Select Stark Industries, Inc.').check();
      await watch.getByRole('button', { name: 'Stop watching 1 selected' }).click();
      await expect.poll(() => watch.getByRole('status').textContent()).toBe('Stopped watching 1 company.');
      await expect.poll(() => table.locator('.vtable-row .link-button').allInnerTexts()).toEqual(['Acme Corporation']);
      expect(
        watchServiceFor(intel.services)
          .list()
          .map((w) => [w.query, w.workflow]),
      ).toEqual([['Acme Corporation', 'people-first']]);
      await screenshot('companies-stop-watching');
      await page.getByRole('checkbox', { name: 'Watched', exact: true }).uncheck();
      await expect.poll(() => footer.textContent()).toBe('5 companies');
      await page.getByRole('button', { name: 'Clear selection' }).click();

      await table.getByRole('button', { name: 'Globex', exact: true }).click();
      await page.getByRole('heading', { name: 'Globex', level: 2 }).waitFor();
      expect(await page.getByRole('heading', { name: 'Company lookup', level: 1 }).count()).toBe(1);
    } finally {
      await intel.close();
    }
  }, 120_000);

  it('cancels a running batch lookup: the lookups stop, the rest stay pending, and the screen says so', async () => {
    // A slow search provider keeps the batch running until the analyst cancels it: every request takes
    // 1.5 s, and at 960 requests a minute the runner looks up four companies at a time, so the second four
    // wait for the first and a cancel leaves them pending.
    const intel = await intelHarness({
      latencyMs: 1500,
      fixtures: companyFixtures(['Globex']),
      settings: { rateLimits: { tavily: { requestsPerMinute: 960, burst: 5 } } } as SettingsPatch,
    });
    try {
      const list = path.join(tempDir(), 'eight-accounts.csv');
      const names = ['Globex', 'Initrode', 'Vandelay', 'Hooli', 'Pied Piper', 'Wonka', 'Cyberdyne', 'Soylent'];
      fs.writeFileSync(list, ['Account Name', ...names].join('\n'));
      const { page, screenshot, pickNext } = await openApp(harness, intel.services);
      await page.getByRole('button', { name: /^Companies/ }).click();
      const table = page.getByRole('table', { name: 'Companies' });
      const footer = table.locator('.vtable-foot');
      pickNext(list);
      await page.getByRole('button', { name: 'Import companies…' }).click();
      await page
        .getByRole('region', { name: 'Company import' })
        .getByRole('button', { name: 'Import these companies' })
        .click();
      await expect.poll(() => footer.textContent()).toBe('8 companies');

      await page.getByRole('button', { name: 'Select all matching' }).click();
      const batch = page.getByRole('region', { name: 'Look up selected companies' });
      await batch.getByRole('button', { name: 'Look up / refresh 8 selected' }).click();
      const cancel = batch.getByRole('button', { name: 'Cancel lookups' });
      await cancel.waitFor();
      expect(await batch.getByRole('status').textContent()).toMatch(/^0 of 8 companies looked up · /);
      await screenshot('companies-batch-running');
      // Cancelled at once, most likely before the worker has taken the batch: the request waits for it.
      const batchId = intel.services.db.prepare('SELECT max(id) FROM enrichment_batches').pluck().get() as number;
      await cancel.click();

      await expect.poll(() => batch.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/; cancelled\.$/);
      const stopped = intel.services.enrichment.status(batchId);
      expect(stopped.status).toBe('cancelled');
      // Stopped, not finished: the companies not looked up stay pending for a later run.
      expect(stopped.companiesPending).toBeGreaterThan(0);
      expect(stopped.companiesDone + stopped.companiesFailed + stopped.companiesPending).toBe(8);
      expect(await batch.getByRole('status').textContent()).toBe(
        `${stopped.companiesDone} of 8 companies looked up${stopped.companiesFailed ? `, ${stopped.companiesFailed} failed` : ''}; cancelled.`,
      );
      // The batch can be started again; nothing offers to cancel what no longer runs.
      expect(await cancel.count()).toBe(0);
      await batch.getByRole('button', { name: 'Look up / refresh 8 selected' }).waitFor();
      await screenshot('companies-batch-cancelled');
    } finally {
      await intel.close();
    }
  }, 120_000);
});
