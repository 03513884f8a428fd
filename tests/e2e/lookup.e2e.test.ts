import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intelHarness } from '../intel/support';
import { openApp, startHarness, type Harness } from './support/app';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

describe('Company lookup (e2e)', () => {
  it('looks up a company over the loopback Tavily, shows live progress and a sourced report, and opens a source in the browser', async () => {
    const intel = await intelHarness({ latencyMs: 80 });
    try {
      const { page, context, screenshot } = await openApp(harness, intel.services);
      await page.getByLabel('Company name or domain').fill('Lumora Analytics');
      await page.getByRole('button', { name: 'Look up' }).click();
      // One row per component from the start, each updated in place by intel:progress events.
      // Each check reads one snapshot of the page: the list is replaced by the report as soon as the last
      // component finishes, so a separate count after a wait could see no list at all.
      const rowsWhenShown = await page.waitForFunction(
        () => document.querySelector('ul[aria-label="Lookup progress"]')?.querySelectorAll('li').length,
      );
      expect(await rowsWhenShown.jsonValue()).toBe(5);
      await page.waitForFunction(() => {
        const list = document.querySelector('ul[aria-label="Lookup progress"]');
        return (
          list !== null && list.querySelectorAll('li').length === 5 && list.textContent?.includes('completed') === true
        );
      });

      const report = page.getByRole('region', { name: 'Overview' });
      await report.waitFor();
      await expect.poll(() => page.getByRole('heading', { name: 'Lumora Analytics', level: 2 }).count()).toBe(1);
      expect(await report.textContent()).toContain('Austin');
      expect(intel.tavily.searches().length).toBeGreaterThan(0);
      const people = page.getByRole('region', { name: 'Decision makers' });
      expect(await people.textContent()).toContain('Jane Okafor');

      // Every source is a link to its page; opening one asks for exactly that URL (main hands it to the browser).
      const sources = page.getByRole('region', { name: 'Sources' });
      const link = sources.getByRole('link', { name: 'About Lumora Analytics' });
      const href = await link.getAttribute('href');
      expect(href).toBe('https://www.lumora.io/about');
      const opened = context.waitForEvent('request', {
        predicate: (request) => request.url() === href,
        timeout: 10_000,
      });
      await screenshot('lookup-report');
      await link.click();
      expect((await opened).url()).toBe('https://www.lumora.io/about');
      await page.bringToFront();

      // The recent list offers the company; opening it makes no provider call.
      const calls = intel.tavily.searches().length;
      await page.reload();
      await page
        .getByRole('list', { name: 'Recent companies' })
        .getByRole('button', { name: 'Lumora Analytics' })
        .click();
      await page.getByRole('region', { name: 'Overview' }).waitFor();
      expect(intel.tavily.searches().length).toBe(calls);

      // Refreshing one section re-runs that component alone and keeps the report on screen.
      await page.getByRole('button', { name: 'Refresh Decision makers' }).click();
      await expect
        .poll(() => page.getByRole('button', { name: 'Refresh Decision makers' }).textContent())
        .toBe('Refresh');
      expect(intel.tavily.searches().length).toBeGreaterThan(calls);
      expect(await page.getByRole('region', { name: 'Decision makers' }).textContent()).toContain('Jane Okafor');

      // Copy as Markdown puts the report with its numbered sources on the clipboard.
      await page.getByRole('button', { name: 'Copy Markdown' }).click();
      await page.getByText('Report copied as Markdown.').waitFor();
      const markdown = await page.evaluate(() => navigator.clipboard.readText());
      expect(markdown).toContain('Lumora Analytics');
      expect(markdown).toContain('https://www.lumora.io/about');
      await context.close();
    } finally {
      await intel.close();
    }
  });

  it('asks which company is meant when the name is ambiguous, and builds the picked one', async () => {
    const intel = await intelHarness();
    try {
      const { page, context, screenshot } = await openApp(harness, intel.services);
      await page.getByLabel('Company name or domain').fill('Mercury');
      await page.getByRole('button', { name: 'Look up' }).click();
      const picker = page.getByRole('region', { name: 'Which company?' });
      await picker.waitFor();
      await screenshot('lookup-candidates');
      const first = picker.getByRole('button').first();
      const name = (await first.locator('strong').textContent())!;
      await first.click();
      await expect.poll(() => page.getByRole('heading', { name, level: 2 }).count()).toBe(1);
      await context.close();
    } finally {
      await intel.close();
    }
  });
});
