import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/store/database';
import { Scheduler } from '../../src/core/schedule/scheduler';
import { startSchedulerLoop } from '../../src/core/schedule/scheduler-loop';
import { tempDir } from '../support/temp-dir';
import { everyStep } from './support';

/** Timers the test fires by hand, moving the fake clock to each one's time. */
function manualTimers(clock: { time: number }) {
  const pending: { at: number; callback: () => void }[] = [];
  return {
    pending,
    timers: {
      set: (callback: () => void, ms: number) => pending.push({ at: clock.time + ms, callback }),
      clear: () => pending.splice(0),
    },
    /** Fires the only pending timer and lets its tick finish; returns how long it slept. */
    async fireNext(): Promise<number> {
      expect(pending).toHaveLength(1);
      const { at, callback } = pending.shift()!;
      const slept = at - clock.time;
      clock.time = at;
      callback();
      await new Promise((resolve) => setImmediate(resolve));
      return slept;
    },
  };
}

describe('scheduler loop', () => {
  it('catches up at once on start, then sleeps until the next plan is due, never more than a minute at a time', async () => {
    const clock = { time: new Date('2026-03-02T08:00:00Z').getTime() };
    const now = () => new Date(clock.time);
    let runs = 0;
    const scheduler = new Scheduler({
      db: openDatabase(tempDir()),
      now,
      owner: 'app:1',
      steps: everyStep(() => Promise.resolve({ refreshed: ++runs })),
    });
    scheduler.add({ name: 'refresh', trigger: { everyHours: 0.05 }, steps: ['refresh-watches'] }); // every 3 minutes
    const manual = manualTimers(clock);
    const errors: unknown[] = [];
    const loop = startSchedulerLoop(scheduler, { now, timers: manual.timers, onError: (error) => errors.push(error) });

    expect(await manual.fireNext()).toBe(0);
    expect(runs).toBe(1);
    expect([await manual.fireNext(), await manual.fireNext(), await manual.fireNext()]).toEqual([
      60_000, 60_000, 60_000,
    ]);
    expect(runs).toBe(2);

    scheduler.setPaused('refresh', true);
    expect(await manual.fireNext()).toBe(60_000); // idle: one wake-up a minute
    loop.stop();
    expect(manual.pending).toEqual([]);
    expect(errors).toEqual([]);
  });
});
