import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/store/database';
import { Scheduler, StepFailure, type PlanStep, type PlanSteps } from '../../src/core/schedule/scheduler';
import { tempDir } from '../support/temp-dir';
import { everyStep } from './support';

/** A clock the test moves by hand: steps "take" time by moving it, nothing sleeps. */
function fakeClock(start: string) {
  let time = new Date(start).getTime();
  return { now: () => new Date(time), advanceMinutes: (minutes: number) => (time += minutes * 60_000) };
}

describe('the execution log', () => {
  it('keeps every step of a run with its times, counts, provider calls, credits and error; a failed step ends the run', async () => {
    const clock = fakeClock('2026-03-02T08:00:00Z');
    const exported: string[] = [];
    const steps: PlanSteps = {
      ...everyStep(() => Promise.reject(new Error('not in this plan'))),
      'refresh-watches': async () => {
        clock.advanceMinutes(3);
        return { watchesRefreshed: 2, providerCalls: 7, credits: 9 };
      },
      notify: async () => {
        clock.advanceMinutes(1);
        throw new StepFailure('1 message not delivered', { messagesSent: 1, messagesFailed: 1, providerCalls: 5 });
      },
      'export-drafts': async ({ spec }) => {
        exported.push(spec.folder);
        return { draftsExported: 1 };
      },
    };
    const plans = new Scheduler({ db: openDatabase(tempDir()), now: clock.now, owner: 'app:1', steps });
    plans.add({
      name: 'morning',
      trigger: { everyHours: 24 },
      steps: ['refresh-watches', 'notify', { step: 'export-drafts', folder: '/tmp/out' }],
    });

    const [run] = await plans.runDue();
    expect(exported).toEqual([]);
    expect(run).toMatchObject({
      status: 'failed',
      error: 'notify: 1 message not delivered',
      summary: { watchesRefreshed: 2, providerCalls: 12, credits: 9, messagesFailed: 1 },
    });
    expect(plans.log('morning')[0]!.steps).toEqual([
      {
        step: 'refresh-watches',
        startedAt: '2026-03-02T08:00:00.000Z',
        finishedAt: '2026-03-02T08:03:00.000Z',
        status: 'completed',
        counts: { watchesRefreshed: 2, providerCalls: 7, credits: 9 },
        providerCalls: 7,
        credits: 9,
        error: null,
      },
      {
        step: 'notify',
        startedAt: '2026-03-02T08:03:00.000Z',
        finishedAt: '2026-03-02T08:04:00.000Z',
        status: 'failed',
        counts: { messagesSent: 1, messagesFailed: 1, providerCalls: 5 },
        providerCalls: 5,
        credits: 0,
        error: '1 message not delivered',
      },
    ]);
    expect(plans.plan('morning').steps).toEqual([
      { step: 'refresh-watches' },
      { step: 'notify' },
      { step: 'export-drafts', folder: '/tmp/out' },
    ]);
  });

  it('marks the step a killed process was in as interrupted when the next process takes the plan over', async () => {
    const dataDir = tempDir();
    const clock = fakeClock('2026-03-02T08:00:00Z');
    const never: PlanStep = () => new Promise(() => {});
    const killed = new Scheduler({
      db: openDatabase(dataDir),
      now: clock.now,
      owner: 'app:1',
      steps: everyStep(never),
    });
    killed.add({ name: 'refresh', trigger: { everyHours: 1 }, steps: ['refresh-watches', 'notify'] });
    void killed.runDue();
    await Promise.resolve();

    const next = new Scheduler({
      db: openDatabase(dataDir),
      now: clock.now,
      owner: 'cli:2',
      steps: everyStep(() => Promise.resolve({ done: 1 })),
    });
    clock.advanceMinutes(31);
    await next.runDue();
    const [latest, interrupted] = next.log('refresh');
    expect(latest!.steps.map((s) => s.status)).toEqual(['completed', 'completed']);
    expect(interrupted!.steps.map((s) => [s.step, s.status, s.finishedAt])).toEqual([
      ['refresh-watches', 'interrupted', '2026-03-02T08:31:00.000Z'],
    ]);
  });

  it('prunes runs (and their steps) that finished longer ago than the setting says', async () => {
    const dataDir = tempDir();
    const db = openDatabase(dataDir);
    const clock = fakeClock('2026-03-02T08:00:00Z');
    let keepRunDays = 30;
    const plans = new Scheduler({
      db,
      now: clock.now,
      owner: 'app:1',
      steps: everyStep(() => Promise.resolve({ done: 1 })),
      keepRunDays: () => keepRunDays,
    });
    plans.add({ name: 'daily', trigger: { everyHours: 24 }, steps: ['refresh-watches'] });
    for (let day = 0; day < 3; day++) {
      await plans.runDue();
      clock.advanceMinutes(24 * 60);
    }
    expect(plans.log('daily')).toHaveLength(3);

    clock.advanceMinutes(29 * 24 * 60); // day 32: the run of day 0 finished 32 days ago, day 1's 31, day 2's 30
    await plans.runDue();
    expect(plans.log('daily').map((r) => r.startedAt)).toEqual([
      '2026-04-03T08:00:00.000Z',
      '2026-03-04T08:00:00.000Z',
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM plan_run_steps').get()).toEqual({ n: 2 });

    keepRunDays = 1;
    clock.advanceMinutes(24 * 60);
    await plans.runDue();
    expect(plans.log('daily').map((r) => r.startedAt)).toEqual([
      '2026-04-04T08:00:00.000Z',
      '2026-04-03T08:00:00.000Z',
    ]);
  });
});
