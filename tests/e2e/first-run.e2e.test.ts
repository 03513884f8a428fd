import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../src/core/services/app-services';
import { openConfBackend } from '../../src/core/settings/conf-backend';
import { sampleDataAt } from '../../src/core/setup/sample-data';
import { MemorySecretStore } from '../support/memory-secrets';
import { tempDir } from '../support/temp-dir';
import { openApp, startHarness, type Harness } from './support/app';

const sample = sampleDataAt(path.resolve(import.meta.dirname, '../../resources/sample-data'));

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

/** A newcomer's app: a fresh data folder, no key of any kind, and the sample data the build ships. */
function newcomer(): AppServices {
  const dataDir = tempDir();
  return createAppServices({
    dataDir,
    settingsBackend: openConfBackend(dataDir),
    secrets: new MemorySecretStore(),
    env: {},
    sampleData: sample,
  });
}

describe('First run (e2e)', () => {
  it('tells a newcomer what to do; the sample data then gives a sourced lookup and imported leads with no key', async () => {
    const services = newcomer();
    try {
      const { page, screenshot } = await openApp(harness, services);
      const welcome = page.getByRole('note').filter({ hasText: 'Nothing can be searched yet' });
      await welcome.waitFor();
      expect(await page.getByText('No API key is set').count()).toBe(0);
      await screenshot('first-run');

      await welcome.getByRole('button', { name: 'Use the sample data' }).click();
      const ready = page.getByRole('status').filter({ hasText: 'Sample data: Fernhollow Robotics' });
      await ready.waitFor();
      expect(await ready.textContent()).toMatch(/are fictional\..*\(3 documents indexed\)/);
      expect(services.settings.read().researchFolder).toBe(sample.researchFolder);

      await ready.getByRole('button', { name: 'Import the sample leads' }).click();
      await ready.getByRole('button', { name: 'Open the 6 sample leads' }).waitFor();
      expect(services.leads.countLeads({})).toBe(6);

      await ready.getByRole('button', { name: 'Look up Fernhollow Robotics' }).click();
      const overview = page.getByRole('region', { name: 'Overview' });
      await overview.waitFor();
      expect(await overview.textContent()).toContain('Leeds, United Kingdom');
      expect(await page.getByRole('region', { name: 'Decision makers' }).textContent()).toContain('Ada Okafor');
      // Sources are the sample's own files: titles labelled as sample data, found with no network.
      expect(await page.getByRole('region', { name: 'Sources' }).textContent()).toContain(
        'Fernhollow Robotics company brief (sample data)',
      );
      // Both dated news documents of the sample make news items (once cut mid-sentence, they made none).
      const news = await page.getByRole('region', { name: 'News', exact: true }).textContent();
      expect(news).toContain('Fernhollow Robotics raises $18 million Series A (sample data)');
      expect(news).toContain('Fernhollow Robotics starts greenhouse pilot with Kestrel Lane Foods (sample data)');
      await screenshot('first-run-sample-lookup');

      await ready.getByRole('button', { name: 'Open the 6 sample leads' }).click();
      await expect.poll(() => page.getByText('Fernhollow Robotics').count()).toBeGreaterThan(0);
      // Every sample lead says so beside its name, with the columns shown by default (source and notes hidden).
      const table = page.getByRole('table', { name: 'Leads' });
      await expect.poll(() => table.locator('.vtable-row').count()).toBe(6);
      expect(await table.locator('.vtable-row').filter({ hasText: 'Sample' }).count()).toBe(6);
      expect(await table.getByText('Sample', { exact: true }).first().getAttribute('title')).toBe(
        'Sample data: a fictional person at a fictional company',
      );
      await screenshot('first-run-sample-leads');
      await table.getByRole('button', { name: 'Ada Okafor', exact: true }).click();
      const detail = page.getByRole('complementary', { name: 'Lead detail' });
      await expect.poll(() => detail.getByRole('heading', { level: 2 }).textContent()).toBe('Ada OkaforSample');
      await screenshot('first-run-sample-lead-detail');
      await detail.getByRole('button', { name: 'Close lead detail' }).click();
      // And a draft, still with no key: once the sender has a name and an offer, one click drafts the sample leads.
      services.settings.update({
        sender: { name: 'Sam Sender', company: 'Northwind Research', valueProposition: 'we help growers plan labour' },
      });
      const importId = services.leads.listImports()[0]!.id;
      await page.getByRole('button', { name: `Generate drafts for import #${importId}` }).click();
      await page.getByRole('button', { name: 'Review drafts' }).waitFor();
      const drafted = services.db.prepare('SELECT count(*) FROM drafts').pluck().get();
      expect(drafted).toBeGreaterThan(0);
      await screenshot('first-run-sample-drafts');
      // On the Drafts screen too: each sample lead's draft, in the queue and above the open draft.
      await page.getByRole('button', { name: 'Review drafts' }).click();
      const queue = page.getByRole('list', { name: 'Drafts' });
      await expect.poll(() => queue.getByRole('listitem').count()).toBe(drafted);
      expect(await queue.getByRole('listitem').filter({ hasText: 'Sample' }).count()).toBe(drafted);
      expect(
        await page.getByRole('region', { name: 'Draft' }).getByRole('heading', { level: 2 }).textContent(),
      ).toMatch(/Sample$/);
      await screenshot('first-run-sample-draft-review');
      await page.reload();
      await page.getByText('Sample data in use.').waitFor();
      expect(await page.getByText('Nothing can be searched yet').count()).toBe(0);
    } finally {
      services.close();
    }
  });
});

describe('Intelligence settings (e2e)', () => {
  it('names each invalid field beside it, saves once fixed, and the settings file holds the result', async () => {
    const services = newcomer();
    try {
      const { page, screenshot } = await openApp(harness, services);
      await page.getByRole('button', { name: /^Settings/ }).click();

      const intel = page.getByRole('region', { name: 'Intelligence' });
      await intel.getByLabel('Extraction').selectOption('deterministic');
      await intel.getByLabel('LLM provider').selectOption('groq');
      await intel.getByLabel('LLM model').fill('llama-3.1-8b-instant');
      await intel.getByRole('button', { name: 'Save intelligence' }).click();
      await intel.getByText('Saved.').waitFor();

      const cache = page.getByRole('region', { name: 'Cache lifetimes' });
      await cache.getByLabel('News (hours)').fill('-1');
      await cache.getByRole('button', { name: 'Save cache lifetimes' }).click();
      await cache.getByRole('alert').waitFor();
      expect(await cache.getByLabel('News (hours)').getAttribute('aria-invalid')).toBe('true');

      const statuses = page.getByRole('region', { name: 'Lead statuses' });
      await statuses.getByRole('button', { name: 'Add a status' }).click();
      await statuses.getByLabel('Custom status 1', { exact: true }).fill('New');
      await statuses.getByRole('button', { name: 'Add a status' }).click();
      await statuses.getByLabel('Custom status 2', { exact: true }).fill('demo booked');
      await statuses.getByRole('button', { name: 'Save lead statuses' }).click();
      await statuses.getByText(/must not repeat a built-in status/).waitFor();

      const score = page.getByRole('region', { name: 'Lead score' });
      await score.getByLabel('Round in the last 90 days').fill('2000');
      await score.getByRole('button', { name: 'Save lead score' }).click();
      await score.getByRole('alert').waitFor();
      await cache.scrollIntoViewIfNeeded();
      await screenshot('settings-intelligence-errors');
      expect(services.settings.read().leads.scoreWeights.recentRound).toBe(30);
      expect(services.settings.read().cacheTtlHours.news).toBe(6);

      await cache.getByLabel('News (hours)').fill('3');
      await cache.getByRole('button', { name: 'Save cache lifetimes' }).click();
      await cache.getByText('Saved.').waitFor();
      await statuses.getByLabel('Custom status 1', { exact: true }).fill('on hold');
      await statuses.getByRole('button', { name: 'Save lead statuses' }).click();
      await statuses.getByText('Saved.').waitFor();
      await score.getByLabel('Round in the last 90 days').fill('45');
      await score.getByLabel('Managers').check();
      await score.getByLabel('Status “demo booked”').fill('20');
      await score.getByRole('button', { name: 'Save lead score' }).click();
      await score.getByText('Saved.').waitFor();
      await intel.scrollIntoViewIfNeeded();
      await screenshot('settings-intelligence');
      // Whom the team sells to, the points per signal and the custom statuses, as saved.
      await statuses.evaluate((section) => section.scrollIntoView({ block: 'end' }));
      await screenshot('settings-lead-score');

      const saved = services.settings.read();
      expect(saved.intel).toMatchObject({ extraction: 'deterministic', llmProvider: 'groq' });
      expect(saved.providers.groq.model).toBe('llama-3.1-8b-instant');
      expect(saved.cacheTtlHours.news).toBe(3);
      expect(saved.leads.customStatuses).toEqual(['on hold', 'demo booked']);
      expect(saved.leads.scoreWeights).toMatchObject({ recentRound: 45, status: { 'demo booked': 20 } });
      expect(saved.leads.targetRoles.seniority).toEqual(['executive', 'vp', 'director', 'manager']);

      await page.reload();
      await page.getByRole('button', { name: /^Settings/ }).click();
      expect(await page.getByRole('region', { name: 'Intelligence' }).getByLabel('LLM model').inputValue()).toBe(
        'llama-3.1-8b-instant',
      );
      expect(await page.getByRole('group', { name: 'Groq' }).getByLabel('Model').inputValue()).toBe(
        'llama-3.1-8b-instant',
      );
    } finally {
      services.close();
    }
  });
});
