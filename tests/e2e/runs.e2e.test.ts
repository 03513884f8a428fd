import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intelHarness } from '../intel/support';
import { schedulerFor, watchServiceFor } from '../../src/core/schedule/app-scheduler';
import { loadTavilyFixtures } from '../support/providers/fake-tavily';
import { openApp, startHarness, type Harness } from './support/app';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

describe('Runs (e2e)', () => {
  it('lists plan runs beside lookups, with what started each and its steps’ log', async () => {
    const intel = await intelHarness({ fixtures: loadTavilyFixtures('lumora') });
    try {
      const { services } = intel;
      watchServiceFor(services).add('Lumora Analytics', { every: '1d' });
      const plans = schedulerFor(services, 'e2e:1');
      plans.add({ name: 'morning', trigger: { everyHours: 24 }, steps: ['refresh-watches', 'draft-alerts'] });
      // An import that does not exist: the step fails with the enrichment service's own message.
      plans.add({
        name: 'enrich-missing',
        trigger: { everyHours: 24 },
        steps: [{ step: 'enrich-import', importId: 999 }, 'notify'],
      });
      plans.add({ name: 'on-funding', trigger: { alertKinds: ['funding_round'] }, steps: ['notify'] });
      expect((await plans.runDue()).map((r) => [r.planName, r.status])).toEqual([
        ['morning', 'completed'],
        ['enrich-missing', 'failed'],
      ]);
      await plans.runNow('on-funding');

      const { page, screenshot } = await openApp(harness, services);
      await page.getByRole('button', { name: /^Runs/ }).click();
      await page.getByRole('heading', { name: 'Runs', level: 1 }).waitFor();
      const planRuns = page.getByRole('list', { name: 'Plan runs' });
      await planRuns.waitFor();
      expect(await planRuns.locator('.run-summary strong').allInnerTexts()).toEqual([
        'on-funding',
        'enrich-missing',
        'morning',
      ]);
      await planRuns.getByRole('button', { name: /on-funding.*completed.*run by hand/ }).waitFor();

      // The failed run opens first, on its error and each step's log.
      const failed = page.getByRole('table', { name: /^Steps of enrich-missing run/ });
      await failed.waitFor();
      expect(await page.getByRole('alert').innerText()).toBe('enrich-import=999: Import 999 has no leads.');
      expect(await failed.getByRole('row', { name: /enrich-import=999/ }).innerText()).toMatch(
        /failed[\s\S]*Import 999 has no leads\./,
      );
      expect(await failed.getByRole('row').count()).toBe(2); // the header and the failed step: notify never ran

      await screenshot('runs-plans');

      await planRuns.getByRole('button', { name: /^morning.*scheduled/ }).click();
      const morning = page.getByRole('table', { name: /^Steps of morning run/ });
      expect(await morning.getByRole('row', { name: /refresh-watches/ }).innerText()).toMatch(
        /completed[\s\S]*watchesRefreshed 1/,
      );
      // The refresh was a lookup: it is listed under Lookups beside the plan runs.
      await page
        .getByRole('list', { name: 'Runs' })
        .getByRole('button', { name: /Lumora Analytics/ })
        .waitFor();
    } finally {
      await intel.close();
    }
  });
});
