import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/store/database';
import { Scheduler } from '../../src/core/schedule/scheduler';
import { dispatch } from '../../src/core/ipc/dispatch';
import { createHandlers } from '../../src/core/ipc/handlers';
import { FileTokens } from '../../src/core/ipc/file-tokens';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { everyStep } from './support';

function clockAt(start: string) {
  let time = new Date(start).getTime();
  return { now: () => new Date(time), advance: (hours: number) => (time += hours * 3_600_000) };
}

function scheduler(clock: { now: () => Date }) {
  return new Scheduler({
    db: openDatabase(tempDir()),
    now: clock.now,
    owner: 'app:1',
    steps: everyStep(() => Promise.resolve({ done: 1 })),
  });
}

describe('editing a plan', () => {
  it('keeps its next run, pause and log while the trigger stays; a new trigger counts from now; a rename keeps the log', async () => {
    const clock = clockAt('2026-03-02T08:00:00Z');
    const plans = scheduler(clock);
    plans.add({ name: 'mornings', trigger: { cron: '0 9 * * *', timezone: 'UTC' }, steps: ['refresh-watches'] });
    await plans.runNow('mornings');
    plans.setPaused('mornings', true);

    const steps = ['refresh-watches', { step: 'export-drafts', folder: '/tmp/out' }];
    const kept = plans.save({ name: 'mornings', trigger: { cron: '0 9 * * *', timezone: 'UTC' }, steps }, 'mornings');
    expect(kept).toMatchObject({ ok: true, plan: { paused: true, nextDueAt: '2026-03-02T09:00:00.000Z' } });
    expect(plans.plan('mornings').steps).toEqual([
      { step: 'refresh-watches' },
      { step: 'export-drafts', folder: '/tmp/out' },
    ]);

    const moved = plans.save({ name: 'evenings', trigger: { cron: '0 18 * * *', timezone: 'UTC' }, steps }, 'mornings');
    expect(moved).toMatchObject({ ok: true, plan: { name: 'evenings', nextDueAt: '2026-03-02T18:00:00.000Z' } });
    expect(() => plans.plan('mornings')).toThrow(/No plan named mornings/);
    expect(plans.log('evenings')).toHaveLength(1);

    clock.advance(1);
    plans.save({ name: 'evenings', trigger: { everyHours: 4 }, steps }, 'evenings');
    expect(plans.plan('evenings').nextDueAt).toBe('2026-03-02T13:00:00.000Z');
  });

  it('keeps an edit made while the plan runs, and refuses to remove it until the run ends', async () => {
    const clock = clockAt('2026-03-02T08:00:00Z');
    const finish: (() => void)[] = [];
    const plans = new Scheduler({
      db: openDatabase(tempDir()),
      now: clock.now,
      owner: 'app:1',
      steps: everyStep(() => new Promise((resolve) => finish.push(() => resolve({ done: 1 })))),
    });
    plans.add({ name: 'mornings', trigger: { cron: '0 9 * * *', timezone: 'UTC' }, steps: ['refresh-watches'] });
    const running = plans.runNow('mornings');
    await Promise.resolve();
    plans.save({ name: 'mornings', trigger: { cron: '0 18 * * *', timezone: 'UTC' }, steps: ['notify'] }, 'mornings');
    expect(() => plans.remove('mornings')).toThrow('Plan mornings is running; remove it when the run finishes.');
    finish.splice(0).forEach((done) => done());
    expect(await running).toMatchObject({ status: 'completed' });
    expect(plans.plan('mornings').nextDueAt).toBe('2026-03-02T18:00:00.000Z');

    const scheduled = plans.save({ name: 'mornings', trigger: { everyHours: 1 }, steps: ['notify'] }, 'mornings');
    expect(scheduled).toMatchObject({ ok: true, plan: { nextDueAt: '2026-03-02T09:00:00.000Z' } });
    clock.advance(1);
    const due = plans.runDue();
    await Promise.resolve();
    plans.save({ name: 'mornings', trigger: { everyHours: 5 }, steps: ['notify'] }, 'mornings');
    finish.splice(0).forEach((done) => done());
    expect(await due).toHaveLength(1);
    expect(plans.plan('mornings').nextDueAt).toBe('2026-03-02T14:00:00.000Z');
    plans.remove('mornings');
    expect(plans.list()).toEqual([]);
  });

  it('answers each problem at its field and changes nothing', () => {
    const plans = scheduler(clockAt('2026-03-02T08:00:00Z'));
    plans.add({ name: 'one', trigger: { everyHours: 2 }, steps: ['refresh-watches'] });
    plans.add({ name: 'two', trigger: { everyHours: 3 }, steps: ['refresh-watches'] });
    expect(plans.save({ name: 'two', trigger: { everyHours: 2 }, steps: ['notify'] }, 'one')).toEqual({
      ok: false,
      issues: [{ field: 'name', message: 'a plan named two exists already' }],
    });
    expect(
      plans.save(
        {
          name: 'one',
          trigger: { cron: '0 9 * * *', timezone: 'Mars/Olympus' },
          steps: [
            { step: 'export-drafts', folder: '' },
            { step: 'enrich-import', importId: 0 },
          ],
        },
        'one',
      ),
    ).toEqual({
      ok: false,
      issues: [
        { field: 'trigger.timezone', message: 'not a time zone (an IANA name such as "Europe/Berlin" or "UTC")' },
        { field: 'steps[0].folder', message: 'choose the folder to export to' },
        { field: 'steps[1].importId', message: 'choose the import to enrich' },
      ],
    });
    expect(plans.save({ name: 'one', trigger: { everyHours: 0 }, steps: ['notify'] }, 'one')).toMatchObject({
      ok: false,
      issues: [{ field: 'trigger.everyHours', message: 'must be more than 0 hours' }],
    });
    expect(plans.plan('one')).toMatchObject({ trigger: { everyHours: 2 }, steps: [{ step: 'refresh-watches' }] });
    expect(() =>
      plans.add({ name: 'x', trigger: { cron: '0 9 * * *', timezone: 'Nowhere' }, steps: ['notify'] }),
    ).toThrow('Invalid plan: trigger.timezone: not a time zone (an IANA name such as "Europe/Berlin" or "UTC").');
  });
});

describe('plan channels', () => {
  it('adds, edits, pauses, runs and removes a plan; an export folder must come from main’s dialog', async () => {
    const services = testServices();
    const files = new FileTokens();
    const handlers = createHandlers(services, files);
    const call = (channel: string, request: unknown) => dispatch(handlers, channel, request);
    const exportTo = (folder: string) => ({
      name: 'nightly',
      trigger: { cron: '0 2 * * *' },
      steps: [{ step: 'refresh-watches' }, { step: 'export-drafts', folder }],
    });

    expect(await call('plans:save', { plan: exportTo('/home/someone/.ssh') })).toMatchObject({
      ok: true,
      data: {
        ok: false,
        issues: [{ field: 'steps[1].folder', message: expect.stringMatching(/^Choose the folder with Browse/) }],
      },
    });
    const picked = files.issue(tempDir(), 'folder');
    const added = await call('plans:save', { plan: exportTo(picked.token) });
    expect(added).toMatchObject({ ok: true, data: { ok: true, plan: { name: 'nightly', paused: false } } });
    // The edit sends back the folder the plan has: kept without a new pick.
    const edited = await call('plans:save', {
      plan: { ...exportTo(picked.path), trigger: { alertKinds: ['funding_round'] } },
      existing: 'nightly',
    });
    expect(edited).toMatchObject({ ok: true, data: { ok: false, issues: [{ field: 'steps[0]' }] } });
    expect(
      await call('plans:save', {
        plan: { ...exportTo(picked.path), steps: [{ step: 'notify' }, { step: 'export-drafts', folder: picked.path }] },
        existing: 'nightly',
      }),
    ).toMatchObject({ ok: true, data: { ok: true, plan: { steps: [{ step: 'notify' }, { folder: picked.path }] } } });
    expect(await call('plans:setPaused', { name: 'nightly', paused: true })).toMatchObject({
      ok: true,
      data: { paused: true },
    });
    const list = await call('plans:list', {});
    expect(list).toMatchObject({ ok: true, data: [{ name: 'nightly', trigger: { cron: '0 2 * * *' } }] });

    const run = await call('plans:run', { name: 'nightly' });
    expect(run).toMatchObject({
      ok: true,
      data: { planName: 'nightly', trigger: 'manual', status: 'completed', summary: { draftsExported: 0 } },
    });
    expect(await call('plans:remove', { name: 'nightly' })).toEqual({ ok: true, data: { removed: 'nightly' } });
    expect(await call('plans:run', { name: 'nightly' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    services.close();
  });
});
