import { afterEach, describe, expect, it } from 'vitest';
import { intelHarness } from '../intel/support';
import { schedulerFor, watchServiceFor } from '../../src/core/schedule/app-scheduler';
import { Scheduler, type PlanStep } from '../../src/core/schedule/scheduler';
import { loadTavilyFixtures } from '../support/providers/fake-tavily';
import { lumoraBefore, NO_CACHE } from '../watch/support';
import { everyStep } from './support';
import { openDatabase } from '../../src/core/store/database';
import { tempDir } from '../support/temp-dir';

let harness: Awaited<ReturnType<typeof intelHarness>> | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Lumora watched and refreshed once (the baseline, no alerts); `raiseAlerts` refreshes it after its pages changed. */
async function watchedLumora() {
  const fixtures = lumoraBefore();
  harness = await intelHarness({ fixtures, settings: { cacheTtlHours: NO_CACHE } });
  const { services } = harness;
  let time = new Date('2026-03-02T08:00:00Z').getTime();
  const clock = { now: () => new Date(time), advanceMinutes: (m: number) => (time += m * 60_000) };
  const watches = watchServiceFor(services, clock.now);
  watches.add('Lumora Analytics', { every: '1d', workflow: 'comprehensive' });
  await watches.refreshDue();
  const raiseAlerts = async () => {
    fixtures.splice(0, fixtures.length, ...loadTavilyFixtures('lumora'));
    clock.advanceMinutes(24 * 60);
    const [outcome] = await watches.refreshDue();
    expect(outcome!.alerts).toBeGreaterThan(0);
    return watches.alerts();
  };
  return { services, clock, watches, raiseAlerts };
}

describe('plans started by alerts', () => {
  it('runs a plan for new alerts of its kinds and companies only, once, with its steps acting on those alerts', async () => {
    const { services, clock, raiseAlerts } = await watchedLumora();
    const plans = schedulerFor(services, 'app:1', { now: clock.now });
    plans.add({ name: 'on-funding', trigger: { alertKinds: ['funding_round'] }, steps: ['draft-alerts'] });
    plans.add({
      name: 'people-at-lumora',
      trigger: { alertKinds: ['executive_joined', 'executive_departed'], companies: ['lumora analytics'] },
      steps: ['draft-alerts'],
    });
    plans.add({
      name: 'globex-anything',
      trigger: { alertKinds: ['funding_round', 'executive_joined', 'news'], companies: ['Globex'] },
      steps: ['draft-alerts'],
    });
    expect(plans.list().map((p) => p.nextDueAt)).toEqual(Array(3).fill('9999-12-31T00:00:00.000Z'));
    expect(plans.nextDueAt()).toBeNull();
    expect(await plans.runDue()).toEqual([]);

    const alerts = await raiseAlerts();
    const idsOf = (...kinds: string[]) => alerts.filter((a) => kinds.includes(a.kind)).map((a) => a.id);
    expect(idsOf('funding_round')).not.toEqual([]);
    expect(idsOf('executive_joined', 'executive_departed')).not.toEqual([]);

    const runs = await plans.runDue();
    expect(runs.map((r) => [r.planName, r.trigger, r.status, [...r.alertIds].sort()])).toEqual([
      ['on-funding', 'alerts', 'completed', idsOf('funding_round').sort()],
      ['people-at-lumora', 'alerts', 'completed', idsOf('executive_joined', 'executive_departed').sort()],
    ]);
    // The draft step looked at the run's alerts, not at every alert the refresh raised.
    expect(runs[0]!.summary!.alerts).toBe(idsOf('funding_round').length);
    expect(runs[0]!.summary!.alerts).toBeLessThan(alerts.length);

    clock.advanceMinutes(5);
    expect(await plans.runDue()).toEqual([]);
    expect(plans.log('on-funding').map((r) => r.trigger)).toEqual(['alerts']);
    // By hand, with nothing waiting: it runs on no alerts and says so.
    const manual = await plans.runNow('on-funding');
    expect(manual).toMatchObject({ trigger: 'manual', alertIds: [], summary: { alerts: 0 } });
  });

  it('does not start for alerts raised before it was added, nor while paused', async () => {
    const { services, clock, raiseAlerts } = await watchedLumora();
    const plans = schedulerFor(services, 'app:1', { now: clock.now });
    plans.add({ name: 'paused', trigger: { alertKinds: ['news'] }, steps: ['draft-alerts'] });
    plans.setPaused('paused', true);
    await raiseAlerts();
    clock.advanceMinutes(1);
    plans.add({ name: 'late', trigger: { alertKinds: ['news', 'funding_round'] }, steps: ['draft-alerts'] });
    expect(await plans.runDue()).toEqual([]);
    plans.setPaused('paused', false);
    expect((await plans.runDue()).map((r) => r.planName)).toEqual(['paused']);
  });

  it('after an edit to its trigger starts only on alerts raised from then on; an edit to its steps keeps those waiting', async () => {
    const { services, clock, raiseAlerts } = await watchedLumora();
    const plans = schedulerFor(services, 'app:1', { now: clock.now });
    plans.add({ name: 'retargeted', trigger: { alertKinds: ['size_changed'] }, steps: ['draft-alerts'] });
    plans.add({ name: 'restepped', trigger: { alertKinds: ['funding_round'] }, steps: ['notify'] });
    await raiseAlerts();
    clock.advanceMinutes(1);
    const edit = (name: string, trigger: unknown, steps: unknown[]) =>
      expect(plans.save({ name, trigger, steps }, name)).toMatchObject({ ok: true });
    edit('retargeted', { alertKinds: ['funding_round', 'news'] }, ['draft-alerts']);
    edit('restepped', { alertKinds: ['funding_round'] }, ['draft-alerts']);
    const runs = await plans.runDue();
    expect(runs.map((r) => [r.planName, r.steps.map((s) => s.step)])).toEqual([['restepped', ['draft-alerts']]]);
    expect(runs[0]!.alertIds.length).toBeGreaterThan(0);
  });

  it('hands the alerts of a run killed midway to the next run, once the lease expires, and acts on none twice', async () => {
    const { services, clock, raiseAlerts } = await watchedLumora();
    const seen: (readonly number[] | undefined)[] = [];
    const hanging: PlanStep = ({ alertIds }) => {
      seen.push(alertIds);
      return new Promise(() => {}); // the process is killed while this step runs
    };
    const recording: PlanStep = ({ alertIds }) => {
      seen.push(alertIds);
      return Promise.resolve({ acted: alertIds?.length ?? 0 });
    };
    const options = { db: services.db, now: clock.now, leaseMinutes: 30 };
    const app = new Scheduler({ ...options, owner: 'app:1', steps: everyStep(hanging) });
    const cli = new Scheduler({ ...options, owner: 'cli:2', steps: everyStep(recording) });
    app.add({ name: 'on-anything', trigger: { alertKinds: ['funding_round', 'news'] }, steps: ['notify'] });
    const alerts = await raiseAlerts();
    const expected = alerts
      .filter((a) => a.kind === 'funding_round' || a.kind === 'news')
      .map((a) => a.id)
      .sort();

    void app.runDue();
    await Promise.resolve();
    expect(seen).toHaveLength(1);
    expect(await cli.runDue()).toEqual([]); // the killed process still holds the lease

    clock.advanceMinutes(31);
    const [resumed] = await cli.runDue();
    expect(resumed).toMatchObject({ trigger: 'alerts', status: 'completed', summary: { acted: expected.length } });
    expect([...seen[0]!].sort()).toEqual(expected);
    expect([...seen[1]!].sort()).toEqual(expected);
    expect(cli.log('on-anything').map((r) => r.status)).toEqual(['completed', 'interrupted']);

    clock.advanceMinutes(31);
    expect(await cli.runDue()).toEqual([]);
    expect(seen).toHaveLength(2);
  });

  it('says what is wrong with an alert trigger, and where, and stores nothing', () => {
    const plans = new Scheduler({
      db: openDatabase(tempDir()),
      now: () => new Date('2026-03-02T08:00:00Z'),
      owner: 'app:1',
      steps: everyStep(() => Promise.resolve({})),
    });
    const problem = (trigger: unknown, steps: unknown[] = ['notify']) => {
      try {
        plans.add({ name: 'x', trigger, steps });
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(problem({ alertKinds: ['funding_round', 'ipo'] })).toBe(
      'Invalid plan: trigger.alertKinds[1]: unknown alert kind "ipo" (one of funding_round, executive_joined, executive_departed, news, headquarters_changed, size_changed).',
    );
    expect(problem({ alertKinds: [] })).toMatch(/^Invalid plan: trigger.alertKinds: name at least one alert kind/);
    expect(problem({ alertKinds: ['news'], companies: ['Acme', ' '] })).toBe(
      'Invalid plan: trigger.companies[1]: a company name may not be empty.',
    );
    expect(problem({ alertKinds: ['news'] }, ['notify', 'refresh-watches'])).toBe(
      'Invalid plan: steps[1]: a plan started by alerts cannot refresh the watch list (its alerts would start it again).',
    );
    expect(problem({ onAlert: 'news' })).toBe(
      'Invalid plan: trigger: must be {"cron": "..."}, {"everyHours": N} or {"alertKinds": [...]}.',
    );
    expect(problem({ alertKinds: ['news'], every: 2 })).toMatch(/^Invalid plan: trigger: Unrecognized key: "every"/);
    expect(plans.list()).toEqual([]);
    expect(problem({ alertKinds: ['news'], companies: ['Acme'] })).toBe('accepted');
  });
});
