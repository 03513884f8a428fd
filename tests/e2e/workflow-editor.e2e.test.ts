import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowCatalog } from '../../src/core/intel/workflow-catalog';
import { testServices } from '../support/services';
import { openApp, startHarness, type Harness } from './support/app';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

describe('Workflow editor (e2e)', () => {
  it('copies a built-in, shows a cycle at the workflow, fixes it and saves the copy to the database', async () => {
    const services = testServices();
    const { page, screenshot } = await openApp(harness, services);
    await page.getByRole('button', { name: /^Settings/ }).click();
    const section = page.getByRole('region', { name: 'Workflows' });
    await section.getByRole('button', { name: 'Copy standard' }).click();

    const form = section.getByRole('form', { name: 'New workflow' });
    await form.getByLabel('Name').fill('people-first');
    await form.getByRole('button', { name: 'Add step' }).click();
    const news = form.getByRole('group', { name: 'Step 4' });
    expect(await news.getByLabel('Component').inputValue()).toBe('funding');
    await news.getByLabel('Component').selectOption('news');
    await news.getByLabel('Time range').selectOption('week');
    await news.getByLabel('Results per search').fill('8');
    // identity waits for news, which waits for identity: a cycle.
    await form.getByRole('group', { name: 'Step 1' }).getByLabel('news').check();
    await form.getByRole('button', { name: 'Save workflow' }).click();
    const problems = form.getByRole('alert', { name: 'Problems with the workflow' });
    expect(await problems.innerText()).toBe('the steps depend on each other in a cycle: identity -> news -> identity');
    await problems.scrollIntoViewIfNeeded();
    await screenshot('workflow-editor-cycle');

    await form.getByRole('group', { name: 'Step 1' }).getByLabel('news').uncheck();
    await form.getByRole('button', { name: 'Save workflow' }).click();
    await expect.poll(() => section.getByRole('status').textContent()).toBe('Saved workflow people-first.');
    const row = section.getByRole('row', { name: /people-first/ });
    expect(await row.innerText()).toMatch(/identity, overview, executives, news/);
    await row.scrollIntoViewIfNeeded();
    await screenshot('workflow-editor');

    const stored = new WorkflowCatalog(services.db, () => services.effectiveSettings()).get('people-first');
    expect(stored.steps.at(-1)).toEqual({
      component: 'news',
      dependsOn: ['identity'],
      options: { timeRange: 'week', maxResults: 8 },
    });
  });
});
