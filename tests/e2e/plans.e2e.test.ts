import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedulerFor } from '../../src/core/schedule/app-scheduler';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { openApp, startHarness, type Harness } from './support/app';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

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
});
