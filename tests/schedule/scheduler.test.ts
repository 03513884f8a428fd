import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/store/database';
import { Scheduler, type PlanStep } from '../../src/core/schedule/scheduler';
import { tempDir } from '../support/temp-dir';
import { everyStep } from './support';

/** A clock the test moves by hand. */
function fakeClock(start: string) {
  let time = new Date(start).getTime();
  return { now: () => new Date(time), advance: (hours: number) => (time += hours * 3_600_000) };
}

/** A step that records each call and finishes only when the test lets it. */
function gatedStep() {
  const calls: (() => void)[] = [];
  const step: PlanStep = () => new Promise((resolve) => calls.push(() => resolve({ refreshed: 1 })));
  return { step, calls, finishAll: () => calls.splice(0).forEach((finish) => finish()) };
}

const instantStep: PlanStep = () => Promise.resolve({ refreshed: 2 });

function scheduler(dataDir: string, clock: { now: () => Date }, owner: string, step: PlanStep) {
  return new Scheduler({ db: openDatabase(dataDir), now: clock.now, owner, steps: everyStep(step) });
}

describe('scheduler', () => {
  it('runs plans missed while the computer was off once, and logs how many it folded in', async () => {
    const clock = fakeClock('2026-03-02T08:00:00Z');
    const plans = scheduler(tempDir(), clock, 'app:1', instantStep);
    plans.add({ name: 'hourly', trigger: { everyHours: 1 }, steps: ['refresh-watches'] });
    plans.add({
      name: 'weekday-mornings',
      trigger: { cron: '0 9 * * 1-5', timezone: 'UTC' },
      steps: ['refresh-watches'],
    });
    expect(plans.plan('weekday-mornings').nextDueAt).toBe('2026-03-02T09:00:00.000Z');

    expect((await plans.runDue()).map((r) => r.planId)).toEqual([plans.plan('hourly').id]);
    expect(await plans.runDue()).toEqual([]);

    clock.advance(5.5); // off from 08:00 to 13:30: hourly missed 09..13, the 09:00 cron run was missed
    const runs = await plans.runDue();
    expect(runs.map((r) => [r.planId, r.status, r.missed, r.summary])).toEqual([
      [plans.plan('hourly').id, 'completed', 4, { refreshed: 2 }],
      [plans.plan('weekday-mornings').id, 'completed', 0, { refreshed: 2 }],
    ]);
    expect(plans.plan('hourly').nextDueAt).toBe('2026-03-02T14:30:00.000Z');
    expect(plans.plan('weekday-mornings').nextDueAt).toBe('2026-03-03T09:00:00.000Z');
    expect(plans.log('hourly').map((r) => r.startedAt)).toEqual([
      '2026-03-02T13:30:00.000Z',
      '2026-03-02T08:00:00.000Z',
    ]);
    expect(plans.nextDueAt()?.toISOString()).toBe('2026-03-02T14:30:00.000Z');

    plans.setPaused('hourly', true);
    clock.advance(2);
    expect(await plans.runDue()).toEqual([]);
  });

  it('never runs one plan in two processes at once, and logs a failed step with its error', async () => {
    const dataDir = tempDir();
    const clock = fakeClock('2026-03-02T08:00:00Z');
    const gate = gatedStep();
    const app = scheduler(dataDir, clock, 'app:1', gate.step);
    const cli = scheduler(dataDir, clock, 'cli:2', () => Promise.reject(new Error('Tavily answered 401')));
    app.add({ name: 'refresh', trigger: { everyHours: 6 }, steps: ['refresh-watches'] });

    const running = app.runDue();
    await Promise.resolve();
    expect(gate.calls).toHaveLength(1);
    expect(await cli.runDue()).toEqual([]); // the app holds the lease
    expect(await cli.runNow('refresh')).toBeNull();
    gate.finishAll();
    expect((await running).map((r) => r.status)).toEqual(['completed']);

    clock.advance(6);
    const failed = await cli.runDue();
    expect(failed).toMatchObject([{ status: 'failed', error: 'refresh-watches: Tavily answered 401' }]);
    expect(app.plan('refresh').nextDueAt).toBe('2026-03-02T20:00:00.000Z');
  });

  it('takes over a plan whose process was killed mid-run once its lease expires, and marks that run interrupted', async () => {
    const dataDir = tempDir();
    const clock = fakeClock('2026-03-02T08:00:00Z');
    const killed = scheduler(dataDir, clock, 'app:1', gatedStep().step); // its step never finishes: the process died
    killed.add({ name: 'refresh', trigger: { everyHours: 1 }, steps: ['refresh-watches'] });
    void killed.runDue();
    await Promise.resolve();

    const next = scheduler(dataDir, clock, 'cli:2', instantStep);
    clock.advance(0.25);
    expect(await next.runDue()).toEqual([]); // lease (30 minutes) still held
    clock.advance(0.5);
    expect(await next.runDue()).toMatchObject([{ status: 'completed', summary: { refreshed: 2 } }]);
    expect(next.log('refresh').map((r) => [r.status, r.error])).toEqual([
      ['completed', null],
      ['interrupted', 'The process running it stopped before it finished (its lease expired).'],
    ]);
  });

  it('refuses an invalid plan, naming the field', () => {
    const plans = scheduler(tempDir(), fakeClock('2026-03-02T08:00:00Z'), 'app:1', instantStep);
    expect(() => plans.add({ name: 'bad', trigger: { cron: '61 * * * *' }, steps: ['refresh-watches'] })).toThrow(
      /trigger.cron: not a cron expression/,
    );
    expect(() => plans.add({ name: 'bad', trigger: { everyHours: 1 }, steps: ['email-everyone'] })).toThrow(
      /steps\[0\]/,
    );
  });
});
