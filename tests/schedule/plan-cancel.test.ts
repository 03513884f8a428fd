import { describe, expect, it } from 'vitest';
import { intelHarness } from '../intel/support';
import { schedulerFor, watchServiceFor } from '../../src/core/schedule/app-scheduler';
import { planSteps } from '../../src/core/schedule/plan-steps';
import { Scheduler, type PlanStep } from '../../src/core/schedule/scheduler';
import { openDatabase } from '../../src/core/store/database';
import { dispatch, type HandlerTable } from '../../src/core/ipc/dispatch';
import { planHandlers } from '../../src/core/ipc/handlers/plans';
import { FileTokens } from '../../src/core/ipc/file-tokens';
import { loadTavilyFixtures } from '../support/providers/fake-tavily';
import { startJsonServer } from '../support/providers/http-server';
import { janeAtLumora, lumoraBefore, NO_CACHE } from '../watch/support';
import { seedImport } from '../fixtures/outreach/seed';
import { sender } from '../fixtures/outreach/facts';
import { tempDir } from '../support/temp-dir';
import { databaseBefore } from '../support/database-before';
import { closedAfterTest } from '../support/closed-after-test';
import { everyStep } from './support';

function clockAt(start: string) {
  let time = new Date(start).getTime();
  return { now: () => new Date(time), advanceHours: (hours: number) => (time += hours * 3_600_000) };
}

/**
 * A step that waits until its run is cancelled, as a long refresh would, then does what `after` does with the
 * aborted signal; `reached` resolves once a run is inside it.
 */
function stepUntilCancelled(after: PlanStep = () => Promise.reject(new DOMException('Aborted', 'AbortError'))) {
  let arrive!: () => void;
  const reached = new Promise<void>((resolve) => (arrive = resolve));
  const step: PlanStep = async (context) => {
    arrive();
    await new Promise((resolve) => context.signal.addEventListener('abort', resolve, { once: true }));
    return after(context);
  };
  return { step, reached };
}

describe('cancelling a plan run', () => {
  it('ends a run by hand as cancelled at its step, runs no later step, keeps the next due time and frees the lease', async () => {
    const clock = clockAt('2026-03-02T08:00:00Z');
    const dir = tempDir();
    const ran: string[] = [];
    const waiting = stepUntilCancelled(async () => ({ watchesRefreshed: 2 }));
    const steps = everyStep(async ({ spec }) => {
      ran.push(spec.step);
      return { done: 1 };
    });
    const app = new Scheduler({
      db: openDatabase(dir),
      now: clock.now,
      owner: 'app:1',
      steps: { ...steps, 'refresh-watches': waiting.step },
    });
    app.add({
      name: 'mornings',
      trigger: { cron: '0 9 * * *', timezone: 'UTC' },
      steps: ['refresh-watches', 'notify'],
    });
    expect(() => app.cancel('mornings')).toThrow('Plan mornings is not running.');

    const running = app.runNow('mornings');
    await waiting.reached;
    // Another process (crm-intel) sees the plan leased and cannot run it meanwhile.
    const cli = new Scheduler({ db: openDatabase(dir), now: clock.now, owner: 'cli:2', steps });
    expect(await cli.runNow('mornings')).toBeNull();
    expect(app.cancel('mornings')).toBe('here');
    const run = await running;

    expect(run).toMatchObject({
      status: 'cancelled',
      trigger: 'manual',
      error: 'Stopped during step 1 of 2 (refresh-watches)',
      summary: { watchesRefreshed: 2 },
      steps: [{ step: 'refresh-watches', status: 'cancelled', counts: { watchesRefreshed: 2 }, error: null }],
    });
    expect(run!.finishedAt).not.toBeNull();
    expect(ran).toEqual([]);
    expect(app.plan('mornings').nextDueAt).toBe('2026-03-02T09:00:00.000Z');
    expect(() => app.cancel('mornings')).toThrow('Plan mornings is not running.');
    // The lease went with the run: the other process runs the plan at once, and the log keeps both runs.
    expect(await cli.runNow('mornings')).toMatchObject({ status: 'completed' });
    expect(app.log('mornings').map((r) => r.status)).toEqual(['completed', 'cancelled']);
  });

  it('stops a scheduled run between steps when its process stops it, and counts it as that run', async () => {
    const clock = clockAt('2026-03-02T08:00:00Z');
    const stopping = new AbortController();
    const ran: string[] = [];
    const app = new Scheduler({
      db: openDatabase(tempDir()),
      now: clock.now,
      owner: 'app:1',
      steps: everyStep(async ({ spec }) => {
        ran.push(spec.step);
        // The app quits while the step finishes its work: the step completes, the next one does not start.
        stopping.abort();
        return { done: 1 };
      }),
    });
    app.add({ name: 'hourly', trigger: { everyHours: 1 }, steps: ['refresh-watches', 'notify'] });
    const [run] = await app.runDue(stopping.signal);
    expect(run).toMatchObject({
      status: 'cancelled',
      error: 'Stopped during step 1 of 2 (refresh-watches)',
      steps: [{ step: 'refresh-watches', status: 'cancelled', counts: { done: 1 } }],
    });
    expect(ran).toEqual(['refresh-watches']);
    // Due again an hour after it stopped, not at once: the loop would otherwise start it within a minute.
    expect(app.plan('hourly').nextDueAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it('leaves a watch whose refresh was cancelled due, with nothing recorded for it', async () => {
    // Searches that take 20 s: the refresh is still waiting for them when the run is cancelled.
    const harness = closedAfterTest(
      await intelHarness({
        fixtures: loadTavilyFixtures('lumora'),
        latencyMs: 20_000,
        settings: { intel: { retries: 0, requestTimeoutSeconds: 60, stepTimeoutSeconds: 120 } },
      }),
    );
    const { services, tavily } = harness;
    const clock = clockAt('2026-03-02T08:00:00Z');
    const watches = watchServiceFor(services, clock.now);
    watches.add('Lumora Analytics', { every: '1d' });
    const scheduler = schedulerFor(services, 'app:1', { now: clock.now });
    scheduler.add({ name: 'refresh', trigger: { everyHours: 1 }, steps: ['refresh-watches'] });

    const running = scheduler.runDue();
    await expect.poll(() => tavily.searches().length, { timeout: 20_000 }).toBeGreaterThan(0);
    scheduler.cancel('refresh');
    const [run] = await running;
    expect(run).toMatchObject({
      status: 'cancelled',
      steps: [{ status: 'cancelled', counts: { watchesRefreshed: 0, watchErrors: 0, alerts: 0 } }],
    });
    expect(watches.due().map((w) => [w.query, w.lastRefreshedAt, w.lastError])).toEqual([
      ['Lumora Analytics', null, null],
    ]);
  });

  it('leaves a cancelled run’s alerts to the next run: none lost, none sent or drafted twice', async () => {
    const fixtures = lumoraBefore();
    const harness = closedAfterTest(await intelHarness({ fixtures, settings: { cacheTtlHours: NO_CACHE, sender } }));
    const { services } = harness;
    const clock = clockAt('2026-03-02T08:00:00Z');
    const hook = closedAfterTest(await startJsonServer(() => ({ status: 200, rawBody: 'ok' })));
    await harness.secrets.set('webhook', `${hook.baseUrl}/hooks/crm`);
    const watches = watchServiceFor(services, clock.now);
    watches.add('Lumora Analytics', { every: '1d', workflow: 'comprehensive' });
    await watches.refreshDue();
    const lumora = watches.find('Lumora Analytics').companyId!;
    seedImport(services.db, [janeAtLumora(lumora)]);

    // The real steps; drafting waits for the cancel the first time, then runs on the aborted signal.
    const real = planSteps({ ...services, watches, now: clock.now });
    const waiting = stepUntilCancelled((context) => real['draft-alerts'](context as never));
    let firstDraft = true;
    const scheduler = new Scheduler({
      db: services.db,
      now: clock.now,
      owner: 'app:1',
      steps: {
        ...real,
        'draft-alerts': (context) => {
          if (!firstDraft) return real['draft-alerts'](context);
          firstDraft = false;
          return waiting.step(context);
        },
      },
    });
    scheduler.add({
      name: 'tell',
      trigger: { alertKinds: ['funding_round', 'executive_joined', 'executive_departed', 'headquarters_changed'] },
      steps: ['notify', 'draft-alerts'],
    });
    fixtures.splice(0, fixtures.length, ...loadTavilyFixtures('lumora'));
    clock.advanceHours(24);
    const [refresh] = await watches.refreshDue();
    expect(refresh!.alerts).toBeGreaterThan(0);

    const running = scheduler.runDue();
    await waiting.reached;
    scheduler.cancel('tell');
    const [cancelled] = await running;
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      error: 'Stopped during step 2 of 2 (draft-alerts)',
      steps: [
        { step: 'notify', status: 'completed', counts: { messagesSent: 1 } },
        { step: 'draft-alerts', status: 'cancelled' },
      ],
    });
    expect(hook.requests).toHaveLength(1);
    expect(services.outreach.list()).toEqual([]);

    // The next pass takes the same alerts again: the message is not sent twice, the lead is drafted for once.
    clock.advanceHours(0.1);
    const [resumed] = await scheduler.runDue();
    expect(resumed).toMatchObject({ status: 'completed', alertIds: cancelled!.alertIds });
    expect(resumed!.steps.map((s) => [s.step, s.counts])).toEqual([
      ['notify', expect.objectContaining({ messagesSent: 0, alertsSent: 0 })],
      ['draft-alerts', expect.objectContaining({ leads: 1, drafted: 1 })],
    ]);
    expect(hook.requests).toHaveLength(1);
    expect(services.outreach.list()).toHaveLength(1);
    clock.advanceHours(0.1);
    expect(await scheduler.runDue()).toEqual([]);
  });

  it('is a channel: checked by zod, answered while `plans:run` waits, which then answers the cancelled run', async () => {
    const waiting = stepUntilCancelled();
    const scheduler = new Scheduler({
      db: openDatabase(tempDir()),
      now: () => new Date(),
      owner: 'app:1',
      steps: everyStep(waiting.step),
    });
    scheduler.add({ name: 'nightly', trigger: { everyHours: 24 }, steps: ['refresh-watches'] });
    const handlers = planHandlers(scheduler, new FileTokens()) as unknown as HandlerTable;
    const call = (channel: string, request: unknown) => dispatch(handlers, channel, request);

    expect(await call('plans:cancel', {})).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await call('plans:cancel', { name: '' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await call('plans:cancel', { name: 'nightly' })).toEqual({
      ok: false,
      error: { code: 'not_running', message: 'Plan nightly is not running.' },
    });
    expect(await call('plans:cancel', { name: 'weekly' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const run = call('plans:run', { name: 'nightly' });
    await waiting.reached;
    expect(await call('plans:cancel', { name: 'nightly' })).toEqual({
      ok: true,
      data: { cancelling: 'nightly', elsewhere: false },
    });
    expect(await run).toMatchObject({
      ok: true,
      data: {
        status: 'cancelled',
        error: 'Stopped during step 1 of 1 (refresh-watches)',
        steps: [{ status: 'cancelled', error: null }],
      },
    });
    expect(await call('plans:runs', { limit: 5 })).toMatchObject({ ok: true, data: [{ status: 'cancelled' }] });
  });
});

describe('migration 023', () => {
  it('keeps every run and step of a database at 022, and lets a run be cancelled', () => {
    const dir = tempDir();
    const old = databaseBefore(23, dir);
    const plan = old
      .prepare(`INSERT INTO plans (name, definition, next_due_at, alerts_since) VALUES ('p', '{}', 'x', 'y')`)
      .run().lastInsertRowid;
    const run = old
      .prepare(
        `INSERT INTO plan_runs (plan_id, due_at, started_at, finished_at, status, trigger, alert_ids) VALUES (?, 'd', 's', 'f', 'failed', 'alerts', '[4]')`,
      )
      .run(plan).lastInsertRowid;
    old
      .prepare(
        `INSERT INTO plan_run_steps (run_id, position, step, started_at, status, provider_calls, credits) VALUES (?, 0, 'notify', 's', 'failed', 3, 1.5)`,
      )
      .run(run);
    old.close();

    const db = openDatabase(dir);
    expect(db.prepare('SELECT id, status, trigger, alert_ids FROM plan_runs').all()).toEqual([
      { id: run, status: 'failed', trigger: 'alerts', alert_ids: '[4]' },
    ]);
    expect(db.prepare('SELECT run_id, step, provider_calls, credits FROM plan_run_steps').all()).toEqual([
      { run_id: run, step: 'notify', provider_calls: 3, credits: 1.5 },
    ]);
    db.prepare(`UPDATE plan_runs SET status = 'cancelled'`).run();
    db.prepare(`UPDATE plan_run_steps SET status = 'cancelled'`).run();
    expect(() => db.prepare(`UPDATE plan_runs SET status = 'stopped'`).run()).toThrow(/CHECK/);
    // The steps still belong to the runs: removing the plan removes its log.
    db.prepare('DELETE FROM plans').run();
    expect(db.prepare('SELECT count(*) AS n FROM plan_run_steps').get()).toEqual({ n: 0 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
