import { afterEach, describe, expect, it } from 'vitest';
import { intelHarness } from '../intel/support';
import { schedulerFor, watchServiceFor } from '../../src/core/schedule/app-scheduler';
import type { Notifier } from '../../src/core/notify/notifier';
import { loadTavilyFixtures } from '../support/providers/fake-tavily';
import { lumoraBefore, NO_CACHE } from '../watch/support';

let harness: Awaited<ReturnType<typeof intelHarness>> | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('scheduled refresh with desktop notifications', () => {
  it('notifies once per refresh that found something, on a fake clock, and not for the baseline', async () => {
    const fixtures = lumoraBefore();
    harness = await intelHarness({ fixtures, settings: { cacheTtlHours: NO_CACHE } });
    let time = new Date('2026-03-02T08:00:00Z').getTime();
    const now = () => new Date(time);
    const shown: { title: string; body: string }[] = [];
    const notifier: Notifier = { notify: (message) => shown.push(message) };
    const scheduler = schedulerFor(harness.services, 'app:1', { now, notifier });
    watchServiceFor(harness.services, now).add('Lumora Analytics', { every: '1d', workflow: 'comprehensive' });
    scheduler.add({ name: 'refresh', trigger: { everyHours: 1 }, steps: ['refresh-watches'] });

    expect(await scheduler.runDue()).toMatchObject([
      { status: 'completed', summary: { watchesRefreshed: 1, alerts: 0, notifications: 0 } },
    ]);
    fixtures.splice(0, fixtures.length, ...loadTavilyFixtures('lumora'));
    time += 3_600_000; // the plan is due, the watch (daily) is not
    expect(await scheduler.runDue()).toMatchObject([{ summary: { watchesRefreshed: 0, notifications: 0 } }]);
    time += 23 * 3_600_000;
    const [run] = await scheduler.runDue();
    expect(run!.summary).toMatchObject({ watchesRefreshed: 1, notifications: 1 });
    expect(shown).toHaveLength(1);
    expect(shown[0]!.title).toBe(`Lumora Analytics: ${run!.summary!.alerts} new alerts`);
    expect(shown[0]!.body).toContain('Headquarters: Denver, Colorado -> Austin, Texas');
  });
});
