import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { intelHarness } from '../intel/support';
import { watchServiceFor } from '../../src/core/schedule/app-scheduler';
import { Scheduler, type PlanStep, type PlanSteps } from '../../src/core/schedule/scheduler';
import { PlanStore } from '../../src/core/schedule/plan-store';
import type { Timers } from '../../src/core/schedule/timers';
import { openDatabase } from '../../src/core/store/database';
import { dispatch, type HandlerTable } from '../../src/core/ipc/dispatch';
import { planHandlers } from '../../src/core/ipc/handlers/plans';
import { FileTokens } from '../../src/core/ipc/file-tokens';
import { loadTavilyFixtures } from '../support/providers/fake-tavily';
import { lumoraBefore, NO_CACHE } from '../watch/support';
import { tempDir } from '../support/temp-dir';
import { databaseBefore } from '../support/database-before';
import { runCli } from '../support/run-cli';
import { closedAfterTest } from '../support/closed-after-test';
import { everyStep } from './support';

const CHECK_IN_MS = 5_000;

/** A fake clock and the timers of one process, fired by hand: each `tick` moves the clock to the check-in. */
function processClock(start: string) {
  let time = new Date(start).getTime();
  const pending = new Map<number, () => void>();
  let handles = 0;
  const timers: Timers = {
    set: (callback) => {
      pending.set(++handles, callback);
      return handles;
    },
    clear: (handle) => pending.delete(handle as number),
  };
  return {
    now: () => new Date(time),
    timers,
    /** How many timers wait to fire: a run in progress has its check-in. */
    armed: () => pending.size,
    advance(ms: number) {
      time += ms;
    },
    tick() {
      time += CHECK_IN_MS;
      const due = [...pending.values()];
      pending.clear();
      for (const callback of due) callback();
    },
  };
}

/**
 * A step that, the first time, waits until its run stops (as a long refresh would), keeping what it did;
 * `reached` once inside. Later runs of it return at once.
 */
function stepUntilStopped(counts: Record<string, number>) {
  let arrive!: () => void;
  let first = true;
  const reached = new Promise<void>((resolve) => (arrive = resolve));
  const step: PlanStep = async ({ signal }) => {
    if (!first) return counts;
    first = false;
    arrive();
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    return counts;
  };
  return { step, reached };
}

/** Two processes' schedulers on one SQLite file, each its own connection: `runner` runs plans, `other` cancels. */
function twoProcesses(dir: string, clock: ReturnType<typeof processClock>, steps: PlanSteps) {
  const runner = new Scheduler({
    db: openDatabase(dir),
    now: clock.now,
    owner: 'cli:2',
    steps,
    timers: clock.timers,
    checkInMs: CHECK_IN_MS,
  });
  const other = new Scheduler({ db: openDatabase(dir), now: clock.now, owner: 'app:1', steps });
  return { runner, other };
}

describe('cancelling a plan run from another process', () => {
  it('stores the request; the running process stops the run at its next check-in, as a cancel of its own would', async () => {
    const clock = processClock('2026-03-02T08:00:00Z');
    const ran: string[] = [];
    const waiting = stepUntilStopped({ watchesRefreshed: 2 });
    const steps = everyStep(async ({ spec }) => {
      ran.push(spec.step);
      return { done: 1 };
    });
    const { runner, other } = twoProcesses(tempDir(), clock, { ...steps, 'refresh-watches': waiting.step });
    runner.add({
      name: 'mornings',
      trigger: { cron: '0 9 * * *', timezone: 'UTC' },
      steps: ['refresh-watches', 'notify'],
    });
    expect(clock.armed()).toBe(0);

    const running = runner.runNow('mornings');
    await waiting.reached;
    expect(clock.armed()).toBe(1);
    expect(other.runningNow()).toEqual([
      expect.objectContaining({ owner: 'cli:2', here: false, trigger: 'manual', cancelRequestedAt: null }),
    ]);
    expect(runner.runningNow()).toEqual([expect.objectContaining({ here: true })]);

    expect(other.cancel('mornings')).toBe('elsewhere');
    // Asked, not yet heard: the run goes on until its process checks in.
    expect(other.log('mornings')[0]).toMatchObject({
      status: 'running',
      cancelRequestedAt: '2026-03-02T08:00:00.000Z',
    });
    expect(other.runningNow()).toEqual([expect.objectContaining({ cancelRequestedAt: '2026-03-02T08:00:00.000Z' })]);
    // Asked again later: the first request's time is kept.
    clock.advance(1_000);
    expect(other.cancel('mornings')).toBe('elsewhere');
    clock.tick();
    const run = await running;

    expect(run).toMatchObject({
      status: 'cancelled',
      trigger: 'manual',
      error: 'Stopped during step 1 of 2 (refresh-watches)',
      summary: { watchesRefreshed: 2 },
      cancelRequestedAt: '2026-03-02T08:00:00.000Z',
      steps: [{ step: 'refresh-watches', status: 'cancelled', counts: { watchesRefreshed: 2 }, error: null }],
    });
    expect(ran).toEqual([]);
    expect(clock.armed()).toBe(0);
    expect(runner.plan('mornings').nextDueAt).toBe('2026-03-02T09:00:00.000Z');
    expect(other.runningNow()).toEqual([]);
    expect(() => other.cancel('mornings')).toThrow('Plan mornings is not running.');
    // The lease went with the run: the process that cancelled it runs the plan at once.
    expect(await other.runNow('mornings')).toMatchObject({ status: 'completed', cancelRequestedAt: null });
    expect(ran).toEqual(['notify']);
  });

  it('stops a scheduled run before its next step when the request arrives during a step, no timer needed', async () => {
    const clock = processClock('2026-03-02T08:00:00Z');
    const ran: string[] = [];
    // The request arrives while the first step works; the step finishes its work, and no check-in timer fires.
    const pair = twoProcesses(
      tempDir(),
      clock,
      everyStep(async ({ spec }) => {
        ran.push(spec.step);
        expect(pair.other.cancel('hourly')).toBe('elsewhere');
        return { done: 1 };
      }),
    );
    pair.runner.add({ name: 'hourly', trigger: { everyHours: 1 }, steps: ['refresh-watches', 'notify'] });
    const [run] = await pair.runner.runDue();
    expect(run).toMatchObject({
      status: 'cancelled',
      trigger: 'schedule',
      error: 'Stopped before step 2 of 2 (notify)',
      summary: { done: 1 },
      steps: [{ step: 'refresh-watches', status: 'completed', counts: { done: 1 } }],
    });
    expect(ran).toEqual(['refresh-watches']);
    // Counted as the due run: due again an hour on, not at once.
    expect(pair.runner.plan('hourly').nextDueAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it('is refused for a run whose process died (its lease expired) and, saying so, for one not started yet', () => {
    const clock = processClock('2026-03-02T08:00:00Z');
    const dir = tempDir();
    const { other } = twoProcesses(
      dir,
      clock,
      everyStep(async () => ({})),
    );
    other.add({ name: 'nightly', trigger: { everyHours: 24 }, steps: ['refresh-watches'] });
    const plan = other.plan('nightly');
    const store = new PlanStore(openDatabase(dir));
    // A process claimed the plan and has not logged its run yet.
    expect(store.claim(plan.id, 'cli:9', '2026-03-02T08:30:00.000Z', '2026-03-02T08:00:00.000Z')).toBe(true);
    expect(() => other.cancel('nightly')).toThrow(
      'Plan nightly is starting in another process; cancel it again in a moment.',
    );
    // It logged its run, then was killed: past the lease nothing runs it, and no request is stored for it.
    store.startRun(plan.id, {
      dueAt: plan.nextDueAt,
      missed: 0,
      startedAt: '2026-03-02T08:00:00.000Z',
      trigger: 'schedule',
    });
    expect(other.runningNow()).toHaveLength(1);
    const expired = new Scheduler({
      db: openDatabase(dir),
      now: () => new Date('2026-03-02T08:31:00Z'),
      owner: 'app:3',
      steps: everyStep(async () => ({})),
    });
    expect(expired.runningNow()).toEqual([]);
    expect(() => expired.cancel('nightly')).toThrow('Plan nightly is not running.');
    expect(expired.log('nightly')[0]).toMatchObject({ status: 'running', cancelRequestedAt: null });
  });

  it('leaves the cancelled run’s alerts to the next run: none marked done, the next run takes the same ones', async () => {
    const dir = tempDir();
    const fixtures = lumoraBefore();
    const harness = closedAfterTest(
      await intelHarness({ fixtures, dataDir: dir, settings: { cacheTtlHours: NO_CACHE } }),
    );
    const clock = processClock('2026-03-02T08:00:00Z');
    const watches = watchServiceFor(harness.services, clock.now);
    watches.add('Lumora Analytics', { every: '1d', workflow: 'comprehensive' });
    await watches.refreshDue();

    const waiting = stepUntilStopped({ sent: 1 });
    const acted: (readonly number[] | undefined)[] = [];
    const { runner, other } = twoProcesses(
      dir,
      clock,
      everyStep((context) => {
        acted.push(context.alertIds);
        return waiting.step(context);
      }),
    );
    runner.add({ name: 'tell', trigger: { alertKinds: ['funding_round', 'executive_joined'] }, steps: ['notify'] });
    fixtures.splice(0, fixtures.length, ...loadTavilyFixtures('lumora'));
    clock.advance(24 * 3_600_000);
    const [refresh] = await watches.refreshDue();
    expect(refresh!.alerts).toBeGreaterThan(0);

    const running = runner.runDue();
    await waiting.reached;
    expect(other.cancel('tell')).toBe('elsewhere');
    clock.tick();
    const [cancelled] = await running;
    expect(cancelled).toMatchObject({ status: 'cancelled', trigger: 'alerts', summary: { sent: 1 } });
    expect(cancelled!.alertIds.length).toBeGreaterThan(0);

    const [resumed] = await other.runDue();
    expect(resumed).toMatchObject({ status: 'completed', alertIds: cancelled!.alertIds });
    expect(acted).toEqual([cancelled!.alertIds, cancelled!.alertIds]);
    expect(await other.runDue()).toEqual([]);
  });

  it('is a channel answering `elsewhere`, and `plans:list` shows the run in progress and its request', async () => {
    const clock = processClock('2026-03-02T08:00:00Z');
    const waiting = stepUntilStopped({});
    const { runner, other } = twoProcesses(tempDir(), clock, everyStep(waiting.step));
    runner.add({ name: 'nightly', trigger: { everyHours: 24 }, steps: ['refresh-watches'] });
    const handlers = planHandlers(other, new FileTokens()) as unknown as HandlerTable;
    const call = (channel: string, request: unknown) => dispatch(handlers, channel, request);
    expect(await call('plans:list', {})).toMatchObject({ ok: true, data: [{ name: 'nightly', running: null }] });

    const running = runner.runDue();
    await waiting.reached;
    const run = { trigger: 'schedule', here: false, owner: 'cli:2', startedAt: '2026-03-02T08:00:00.000Z' };
    expect(await call('plans:list', {})).toMatchObject({
      ok: true,
      data: [{ running: { ...run, cancelRequested: false } }],
    });
    expect(await call('plans:cancel', { name: 'nightly' })).toEqual({
      ok: true,
      data: { cancelling: 'nightly', elsewhere: true },
    });
    expect(await call('plans:list', {})).toMatchObject({
      ok: true,
      data: [{ running: { ...run, cancelRequested: true } }],
    });
    clock.tick();
    expect(await running).toMatchObject([{ status: 'cancelled' }]);
    expect(await call('plans:list', {})).toMatchObject({ ok: true, data: [{ running: null }] });
  });

  it('is `crm-intel plans cancel NAME`, from a process of its own, for a run the app holds', async () => {
    const dataDir = path.join(tempDir(), 'data');
    // The app's run, on the real clock: the command's lease check reads the time as it is.
    const timers = processClock(new Date().toISOString());
    const waiting = stepUntilStopped({ watchesRefreshed: 1 });
    const app = new Scheduler({
      db: openDatabase(dataDir),
      now: () => new Date(),
      owner: 'app:1',
      steps: everyStep(waiting.step),
      timers: timers.timers,
    });
    app.add({ name: 'refresh', trigger: { everyHours: 6 }, steps: ['refresh-watches'] });
    const cli = (...args: string[]) => runCli([...args, '--data-dir', dataDir]);
    expect((await cli('plans', 'cancel', 'refresh')).stderr).toMatch(/Plan refresh is not running\./);

    const running = app.runDue();
    await waiting.reached;
    expect((await cli('plans', 'cancel', 'refresh')).stdout).toBe(
      'Asked the process running plan refresh to stop it; it stops within seconds (crm-intel plans log refresh).\n',
    );
    timers.tick();
    expect(await running).toMatchObject([{ status: 'cancelled', summary: { watchesRefreshed: 1 } }]);
    expect((await cli('plans', 'log', 'refresh')).stdout).toMatch(
      /cancelled: watchesRefreshed 1 {2}error: Stopped during step 1 of 1/,
    );
  });
});

describe('migration 024', () => {
  it('keeps the runs of a database at 023, with no cancel asked for', () => {
    const dir = tempDir();
    const old = databaseBefore(24, dir);
    const plan = old
      .prepare(`INSERT INTO plans (name, definition, next_due_at, alerts_since) VALUES ('p', '{}', 'x', 'y')`)
      .run().lastInsertRowid;
    old
      .prepare(`INSERT INTO plan_runs (plan_id, due_at, started_at, status) VALUES (?, 'd', 's', 'cancelled')`)
      .run(plan);
    old.close();
    const db = openDatabase(dir);
    expect(db.prepare('SELECT status, cancel_requested_at FROM plan_runs').all()).toEqual([
      { status: 'cancelled', cancel_requested_at: null },
    ]);
    db.close();
  });
});
