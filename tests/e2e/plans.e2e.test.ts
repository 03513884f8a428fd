import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedulerFor, watchServiceFor } from '../../src/core/schedule/app-scheduler';
import { intelHarness } from '../intel/support';
import { loadTavilyFixtures } from '../support/providers/fake-tavily';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { openApp, startHarness, type Harness } from './support/app';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

/**
 * Lumora Analytics watched, with searches that take 20 s: a plan's refresh is still waiting for them when the
 * analyst cancels it.
 */
async function lumoraWatchedWithSlowSearches() {
  const intel = await intelHarness({
    fixtures: loadTavilyFixtures('lumora'),
    latencyMs: 20_000,
    settings: { intel: { retries: 0, requestTimeoutSeconds: 60, stepTimeoutSeconds: 120 } },
  });
  watchServiceFor(intel.services).add('Lumora Analytics', { every: '1d' });
  return intel;
}

describe('Plans (e2e)', () => {
  it('adds a cron plan with an export folder, refuses a bad expression at its field, runs it now and pauses it', async () => {
    const services = testServices();
    const { page, screenshot, pickNext } = await openApp(harness, services);
    await page.getByRole('button', { name: /^Runs/ }).click();
    const section = page.getByRole('region', { name: 'Plans' });
    await section.getByText('No plans yet: add one with New plan.').waitFor();
    await section.getByRole('button', { name: 'New plan' }).click();

    const form = section.getByRole('form', { name: 'New plan' });
    await form.getByLabel('Name').fill('weekday-mornings');
    await form.getByLabel('Cron expression').fill('0 25 * * 1-5');
    await form.getByLabel('Time zone').fill('UTC');
    expect(await form.getByText(/^not a cron expression/).count()).toBe(1);
    expect(await form.getByRole('list', { name: 'Next runs' }).count()).toBe(0);
    await form.getByLabel('Cron expression').fill('0 9 * * 1-5');
    const next = await form.getByRole('list', { name: 'Next runs' }).getByRole('listitem').allInnerTexts();
    expect(next).toHaveLength(3);
    for (const time of next) expect(time).toMatch(/^(Mon|Tue|Wed|Thu|Fri) \d{4}-\d\d-\d\d \d\d:00$/);

    await form.getByRole('button', { name: 'Add step' }).click();
    const exportStep = form.getByRole('group', { name: 'Step 2' });
    await exportStep.getByLabel('Does').selectOption('export-drafts');
    await form.getByRole('button', { name: 'Save plan' }).click();
    expect(await exportStep.getByRole('alert').innerText()).toBe('choose the folder to export to');
    // The form from its heading: name, trigger with its next runs, and the step with its problem.
    await form.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot('plans-editor');

    const folder = tempDir();
    pickNext(folder);
    await exportStep.getByRole('button', { name: 'Browse…' }).click();
    await expect.poll(() => exportStep.getByLabel('Export to folder').inputValue()).toBe(folder);
    await form.getByRole('button', { name: 'Save plan' }).click();
    await expect
      .poll(() => section.getByRole('status', { name: 'Plans status' }).textContent())
      .toBe('Saved plan weekday-mornings.');
    const plans = schedulerFor(services, 'e2e:1');
    expect(plans.plan('weekday-mornings')).toMatchObject({
      trigger: { cron: '0 9 * * 1-5', timezone: 'UTC' },
      steps: [{ step: 'refresh-watches' }, { step: 'export-drafts', folder }],
      paused: false,
    });

    const row = section.getByRole('row', { name: /weekday-mornings/ });
    expect(await row.innerText()).toMatch(/cron "0 9 \* \* 1-5" UTC[\s\S]*refresh-watches, export-drafts=/);
    await row.getByRole('button', { name: 'Run weekday-mornings now' }).click();
    await expect
      .poll(() => section.getByRole('status', { name: 'Plans status' }).textContent())
      .toBe('Ran plan weekday-mornings: completed.');
    // The run shows below at once, with its steps' log.
    const run = page.getByRole('list', { name: 'Plan runs' }).getByRole('button', { name: /weekday-mornings/ });
    expect(await run.innerText()).toMatch(/completed[\s\S]*run by hand/);

    await row.getByRole('button', { name: 'Pause weekday-mornings' }).click();
    await row.getByText('paused', { exact: true }).first().waitFor();
    expect(plans.plan('weekday-mornings').paused).toBe(true);
    expect(plans.log('weekday-mornings')).toMatchObject([
      {
        trigger: 'manual',
        status: 'completed',
        steps: [{ step: 'refresh-watches' }, { counts: { draftsExported: 0 } }],
      },
    ]);
    await section.scrollIntoViewIfNeeded();
    await screenshot('plans');
    services.close();
  });

  it('cancels a run in progress, then renames the plan, which keeps its log and pause; a name in use is refused', async () => {
    const intel = await lumoraWatchedWithSlowSearches();
    try {
      const { services, tavily } = intel;
      const plans = schedulerFor(services, 'e2e:1');
      plans.add({ name: 'refresh-lumora', trigger: { everyHours: 24 }, steps: ['refresh-watches', 'notify'] });
      plans.add({ name: 'nightly', trigger: { cron: '0 2 * * *' }, steps: ['notify'] });

      const { page, screenshot } = await openApp(harness, services);
      await page.getByRole('button', { name: /^Runs/ }).click();
      const section = page.getByRole('region', { name: 'Plans' });
      const row = section.getByRole('row', { name: /refresh-lumora/ });
      await row.getByRole('button', { name: 'Run refresh-lumora now' }).click();
      await expect.poll(() => tavily.searches().length, { timeout: 20_000 }).toBeGreaterThan(0);
      expect(await row.getByRole('status', { name: 'refresh-lumora run' }).innerText()).toBe('Running…');
      // Other plans cannot be started meanwhile; this one can be cancelled, or edited.
      expect(await section.getByRole('button', { name: 'Run nightly now' }).isDisabled()).toBe(true);
      await screenshot('plans-running');

      await row.getByRole('button', { name: 'Cancel the run of refresh-lumora' }).click();
      await expect
        .poll(() => section.getByRole('status', { name: 'Plans status' }).textContent(), { timeout: 20_000 })
        .toBe('Cancelled plan refresh-lumora. Stopped during step 1 of 2 (refresh-watches).');
      const run = page.getByRole('list', { name: 'Plan runs' }).getByRole('button', { name: /refresh-lumora/ });
      expect(await run.innerText()).toMatch(/cancelled[\s\S]*run by hand/);
      expect(plans.log('refresh-lumora')).toMatchObject([
        { status: 'cancelled', steps: [{ step: 'refresh-watches', status: 'cancelled' }] },
      ]);

      await row.getByRole('button', { name: 'Pause refresh-lumora' }).click();
      await row.getByText('paused', { exact: true }).first().waitFor();
      await row.getByRole('button', { name: 'Edit refresh-lumora' }).click();
      const form = section.getByRole('form', { name: 'Edit plan refresh-lumora' });
      await form.getByLabel('Name').fill('nightly');
      await form.getByText('Renamed from refresh-lumora: its log, pause and next run stay with it.').waitFor();
      await form.getByRole('button', { name: 'Save plan' }).click();
      await form.getByText('a plan named nightly exists already').waitFor();
      expect(await form.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
      await form.evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await screenshot('plans-rename-refused');

      await form.getByLabel('Name').fill('lumora-daily');
      await form.getByRole('button', { name: 'Save plan' }).click();
      await expect
        .poll(() => section.getByRole('status', { name: 'Plans status' }).textContent())
        .toBe('Saved plan lumora-daily.');
      await section
        .getByRole('row', { name: /lumora-daily/ })
        .getByText('paused', { exact: true })
        .first()
        .waitFor();
      expect(await section.getByRole('row', { name: /refresh-lumora/ }).count()).toBe(0);
      expect(plans.plan('lumora-daily')).toMatchObject({ paused: true, trigger: { everyHours: 24 } });
      expect(plans.log('lumora-daily').map((r) => [r.planName, r.status])).toEqual([['lumora-daily', 'cancelled']]);
      await section.scrollIntoViewIfNeeded();
      await screenshot('plans-renamed');
    } finally {
      await intel.close();
    }
  });

  it('shows a scheduled run crm-intel started, and cancels it from the panel: the run there stops as cancelled', async () => {
    const intel = await lumoraWatchedWithSlowSearches();
    try {
      const { services, tavily } = intel;
      // `crm-intel schedule run-due` beside the app: a scheduler of its own, with its own lease owner.
      const cli = schedulerFor(services, 'cli:4242');
      cli.add({ name: 'refresh-lumora', trigger: { everyHours: 24 }, steps: ['refresh-watches', 'notify'] });
      const cliRuns = cli.runDue();
      await expect.poll(() => tavily.searches().length, { timeout: 20_000 }).toBeGreaterThan(0);

      const { page, screenshot } = await openApp(harness, services);
      await page.getByRole('button', { name: /^Runs/ }).click();
      const section = page.getByRole('region', { name: 'Plans' });
      const row = section.getByRole('row', { name: /refresh-lumora/ });
      const state = row.getByRole('status', { name: 'refresh-lumora run' });
      expect(await state.innerText()).toMatch(/^Running \(scheduled\) in crm-intel since \d\d:\d\d$/);
      await section.scrollIntoViewIfNeeded();
      await screenshot('plans-running-elsewhere');

      await row.getByRole('button', { name: 'Cancel the run of refresh-lumora' }).click();
      await expect
        .poll(() => section.getByRole('status', { name: 'Plans status' }).textContent())
        .toBe('Asked the process running plan refresh-lumora to stop it.');
      // crm-intel hears the request at its next check-in; the panel sees the run end and lists it below.
      expect(await cliRuns).toMatchObject([
        { status: 'cancelled', error: 'Stopped during step 1 of 2 (refresh-watches)', trigger: 'schedule' },
      ]);
      await row.getByRole('button', { name: 'Run refresh-lumora now' }).waitFor({ timeout: 10_000 });
      const run = page.getByRole('list', { name: 'Plan runs' }).getByRole('button', { name: /refresh-lumora/ });
      await run.waitFor({ timeout: 10_000 });
      expect(await run.innerText()).toMatch(/cancelled/);
    } finally {
      await intel.close();
    }
  });
});
