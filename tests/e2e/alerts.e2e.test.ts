import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intelHarness } from '../intel/support';
import { watchServiceFor } from '../../src/core/schedule/app-scheduler';
import { loadTavilyFixtures } from '../support/providers/fake-tavily';
import { lumoraBefore, NO_CACHE } from '../watch/support';
import { openApp, startHarness, type Harness } from './support/app';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

describe('Alerts (e2e)', () => {
  it('lists what a watched company’s refresh found changed, with its sources, and marks an alert read', async () => {
    // Lumora a while ago, then as it is now: the second refresh finds a move, a round, new and departed people.
    const fixtures = lumoraBefore();
    const intel = await intelHarness({ fixtures, settings: { cacheTtlHours: NO_CACHE } });
    try {
      const watches = watchServiceFor(intel.services);
      watches.add('Lumora Analytics', { every: '1d' });
      await watches.refreshDue();
      fixtures.splice(0, fixtures.length, ...loadTavilyFixtures('lumora'));
      await watches.refresh(watches.find('Lumora Analytics'));
      const raised = watches.unreadCount();
      expect(raised).toBeGreaterThan(1);

      const { page, screenshot } = await openApp(harness, intel.services);
      const nav = page.getByRole('button', { name: /^Alerts/ });
      await nav.getByLabel(`${raised} unread`).waitFor();
      await nav.click();
      await page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
      const list = page.getByRole('list', { name: 'Alerts' });
      const move = list.getByRole('listitem', {
        name: 'Unread: Headquarters: Denver, Colorado -> Austin, Texas',
        exact: true,
      });
      await move.waitFor();
      expect(await list.getByRole('listitem', { name: /^Unread: / }).count()).toBe(raised);
      await screenshot('alerts');

      await move.getByRole('button', { name: 'Mark read' }).click();
      await list
        .getByRole('listitem', { name: 'Headquarters: Denver, Colorado -> Austin, Texas', exact: true })
        .waitFor();
      await nav.getByLabel(`${raised - 1} unread`).waitFor();
    } finally {
      await intel.close();
    }
  }, 120_000);
});
