import type { Scheduler } from './scheduler';
import type { Timers } from './timers';

export interface SchedulerLoopOptions {
  now: () => Date;
  timers: Timers;
  onError(error: unknown): void;
  /** The longest sleep: a clock that jumps (the computer slept) is noticed within this; also the idle wake-up rate. */
  maxSleepMs?: number;
}

/**
 * Keeps a process's scheduler running: sleeps until the earliest plan is due (at most a minute, so a
 * computer waking from sleep catches up within one), runs what is due, and sleeps again. A plan that is due
 * but leased by another process is left for a minute, never polled in a tight loop.
 */
export function startSchedulerLoop(scheduler: Scheduler, options: SchedulerLoopOptions): { stop(): void } {
  const maxSleepMs = options.maxSleepMs ?? 60_000;
  const controller = new AbortController();
  let handle: unknown;

  const sleep = (first: boolean) => {
    if (controller.signal.aborted) return;
    const next = scheduler.nextDueAt();
    const untilDue = next ? next.getTime() - options.now().getTime() : maxSleepMs;
    const wait = untilDue > 0 ? Math.min(untilDue, maxSleepMs) : first ? 0 : maxSleepMs;
    handle = options.timers.set(() => void tick(), wait);
  };
  const tick = async () => {
    try {
      await scheduler.runDue(controller.signal);
    } catch (error) {
      options.onError(error);
    }
    sleep(false);
  };

  sleep(true);
  return {
    stop() {
      controller.abort();
      options.timers.clear(handle);
    },
  };
}
