// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dispatch, type HandlerTable } from '../../src/core/ipc/dispatch';
import { planHandlers } from '../../src/core/ipc/handlers/plans';
import { FileTokens } from '../../src/core/ipc/file-tokens';
import type { Channel } from '../../src/core/ipc/contract';
import { Scheduler, type PlanStep } from '../../src/core/schedule/scheduler';
import type { Timers } from '../../src/core/schedule/timers';
import { openDatabase } from '../../src/core/store/database';
import { PlansPanel } from '../../src/renderer/screens/runs/PlansPanel';
import { tempDir } from '../support/temp-dir';
import { everyStep } from '../schedule/support';
import { crmError, installFakeCrm } from './support/fake-crm';

// The next runs are shown on this computer's clock; the test reads them in UTC.
process.env.TZ = 'UTC';

/**
 * The panel's channels answered by the real plan handlers (zod both ways, through `dispatch`) over the real
 * Scheduler and a real SQLite file. The steps stand in for the watch list and outreach (the Runs e2e runs
 * the real ones): each records that it ran.
 */
function withPlans(step?: PlanStep) {
  const files = new FileTokens();
  const ran: string[] = [];
  const dir = tempDir();
  const scheduler = new Scheduler({
    db: openDatabase(dir),
    now: () => new Date(),
    owner: 'test:1',
    steps: everyStep(
      step ??
        (async ({ spec }) => {
          ran.push(spec.step);
          return { done: 1 };
        }),
    ),
  });
  const handlers = planHandlers(scheduler, files) as unknown as HandlerTable;
  const real = (channel: Channel) => async (request: unknown) => {
    const result = await dispatch(handlers, channel, request);
    if (!result.ok) throw crmError(result.error.code, result.error.message);
    return result.data as never;
  };
  const folder = tempDir();
  const fake = installFakeCrm({
    'plans:list': real('plans:list'),
    'plans:save': real('plans:save'),
    'plans:setPaused': real('plans:setPaused'),
    'plans:remove': real('plans:remove'),
    'plans:run': real('plans:run'),
    'plans:cancel': real('plans:cancel'),
    'imports:list': async () => [],
    // Main's folder dialog: the analyst picks `folder`, main answers with a token for it.
    'system:pickFile': async () => ({ file: files.issue(folder, 'folder') }),
  });
  return { scheduler, fake, folder, ran, dir };
}

/** A step that waits until its run stops, as a long refresh would; `reached` once a run is inside it. */
function stepUntilStopped() {
  let arrive!: () => void;
  const reached = new Promise<void>((resolve) => (arrive = resolve));
  const step: PlanStep = async ({ signal }) => {
    arrive();
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    return { watchesRefreshed: 1 };
  };
  return { step, reached };
}

const form = (name: string) => within(screen.getByRole('form', { name }));
const step = (n: number) => within(screen.getByRole('group', { name: `Step ${n}` }));

describe('Plans', () => {
  it('adds a cron plan, showing its next runs as the expression is typed, with an export folder from the dialog', async () => {
    const { scheduler, folder } = withPlans();
    render(<PlansPanel onRan={() => {}} />);
    expect(await screen.findByText('No plans yet: add one with New plan.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'New plan' }));
    const plan = form('New plan');
    await userEvent.type(plan.getByLabelText('Name'), 'weekday-mornings');
    const cron = plan.getByLabelText('Cron expression');
    await userEvent.clear(cron);
    await userEvent.type(cron, '30 9 * * 1-5');
    await userEvent.type(plan.getByLabelText('Time zone'), 'UTC');
    const next = within(plan.getByRole('list', { name: 'Next runs' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(next).toHaveLength(3);
    for (const time of next) expect(time).toMatch(/^(Mon|Tue|Wed|Thu|Fri) \d{4}-\d\d-\d\d 09:30$/);
    expect(new Set(next).size).toBe(3);

    await userEvent.click(plan.getByRole('button', { name: 'Add step' }));
    await userEvent.selectOptions(step(2).getByLabelText('Does'), 'export-drafts');
    await userEvent.click(step(2).getByRole('button', { name: 'Browse…' }));
    expect((step(2).getByLabelText('Export to folder') as HTMLInputElement).value).toBe(folder);
    await userEvent.click(plan.getByRole('button', { name: 'Save plan' }));

    expect((await screen.findByRole('status', { name: 'Plans status' })).textContent).toBe(
      'Saved plan weekday-mornings.',
    );
    expect(scheduler.plan('weekday-mornings')).toMatchObject({
      trigger: { cron: '30 9 * * 1-5', timezone: 'UTC' },
      steps: [{ step: 'refresh-watches' }, { step: 'export-drafts', folder }],
    });
    const row = within(await screen.findByRole('row', { name: /weekday-mornings/ }));
    expect(row.getByText('cron "30 9 * * 1-5" UTC')).toBeTruthy();
    expect(row.getByText(/^(Mon|Tue|Wed|Thu|Fri) .* 09:30$/)).toBeTruthy();
  });

  it('shows each problem beside its field from core’s schema, sends nothing invalid, and shows main’s answer too', async () => {
    const { scheduler, fake } = withPlans();
    scheduler.add({ name: 'taken', trigger: { everyHours: 6 }, steps: ['refresh-watches'] });
    render(<PlansPanel onRan={() => {}} />);
    await userEvent.click(await screen.findByRole('button', { name: 'New plan' }));
    const plan = form('New plan');
    await userEvent.type(plan.getByLabelText('Name'), 'Morning Run');
    const cron = plan.getByLabelText('Cron expression');
    await userEvent.clear(cron);
    await userEvent.type(cron, '61 * * * *');
    // Checked as typed: the problem shows at once and no next runs are offered.
    expect(plan.getByText(/^not a cron expression/)).toBeTruthy();
    expect(plan.queryByRole('list', { name: 'Next runs' })).toBeNull();

    await userEvent.click(plan.getByRole('radio', { name: 'When alerts arrive' }));
    await userEvent.click(plan.getByRole('button', { name: 'Save plan' }));
    expect(plan.getByText('must be lower-case letters, digits, - or _')).toBeTruthy();
    expect(plan.getByText(/^name at least one alert kind/)).toBeTruthy();
    await userEvent.click(plan.getByLabelText('News'));
    await userEvent.click(plan.getByRole('button', { name: 'Save plan' }));
    expect(plan.queryByText(/^name at least one alert kind/)).toBeNull();
    expect(step(1).getByText(/^a plan started by alerts cannot refresh the watch list/)).toBeTruthy();
    expect(fake.calls.filter((c) => c.channel === 'plans:save')).toEqual([]);

    await userEvent.click(plan.getByRole('radio', { name: 'Every N hours' }));
    const name = plan.getByLabelText('Name');
    await userEvent.clear(name);
    await userEvent.type(name, 'taken');
    await userEvent.clear(plan.getByLabelText('Every (hours)'));
    await userEvent.click(plan.getByRole('button', { name: 'Save plan' }));
    expect(plan.getByText('enter a number of hours')).toBeTruthy();
    await userEvent.type(plan.getByLabelText('Every (hours)'), '12');
    await userEvent.click(plan.getByRole('button', { name: 'Save plan' }));
    expect(await plan.findByText('a plan named taken exists already')).toBeTruthy();
    expect(scheduler.list().map((p) => [p.name, p.trigger])).toEqual([['taken', { everyHours: 6 }]]);
  });

  it('edits a plan to run on alerts at one company, pauses it, runs it now and deletes it after asking', async () => {
    const { scheduler, ran } = withPlans();
    scheduler.add({ name: 'daily', trigger: { everyHours: 24 }, steps: ['refresh-watches'] });
    const onRan = vi.fn();
    render(<PlansPanel onRan={onRan} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit daily' }));
    const plan = form('Edit plan daily');
    expect((plan.getByLabelText('Every (hours)') as HTMLInputElement).value).toBe('24');
    await userEvent.click(plan.getByRole('radio', { name: 'When alerts arrive' }));
    await userEvent.click(plan.getByLabelText('Funding round'));
    await userEvent.click(plan.getByLabelText('New executive'));
    await userEvent.type(plan.getByLabelText(/^Only at these companies/), 'Lumora Analytics');
    await userEvent.selectOptions(step(1).getByLabelText('Does'), 'draft-alerts');
    await userEvent.click(plan.getByRole('button', { name: 'Save plan' }));
    await screen.findByText('Saved plan daily.');
    expect(scheduler.plan('daily')).toMatchObject({
      trigger: { alertKinds: ['funding_round', 'executive_joined'], companies: ['Lumora Analytics'] },
      steps: [{ step: 'draft-alerts' }],
    });
    const row = () => within(screen.getByRole('row', { name: /daily/ }));
    expect(await row().findByText('on alerts')).toBeTruthy();
    expect(row().getByText('on funding_round or executive_joined alerts at Lumora Analytics')).toBeTruthy();

    await userEvent.click(row().getByRole('button', { name: 'Pause daily' }));
    expect(await screen.findByText('Paused plan daily.')).toBeTruthy();
    expect(scheduler.plan('daily').paused).toBe(true);
    expect(await row().findByText('paused', { selector: '.badge' })).toBeTruthy();

    await userEvent.click(row().getByRole('button', { name: 'Run daily now' }));
    expect(await screen.findByText('Ran plan daily: completed.')).toBeTruthy();
    expect(onRan).toHaveBeenCalledTimes(1);
    expect(ran).toEqual(['draft-alerts']);
    expect(scheduler.log('daily')).toMatchObject([{ trigger: 'manual', status: 'completed', summary: { done: 1 } }]);

    await userEvent.click(row().getByRole('button', { name: 'Delete daily' }));
    await userEvent.click(row().getByRole('button', { name: 'Keep' }));
    expect(scheduler.list()).toHaveLength(1);
    await userEvent.click(row().getByRole('button', { name: 'Delete daily' }));
    await userEvent.click(row().getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Deleted plan daily and its log.')).toBeTruthy();
    expect(scheduler.list()).toEqual([]);
  });

  it('shows plans running on their trigger, in the app or in crm-intel, and cancels either run', async () => {
    const inApp = stepUntilStopped();
    const { scheduler, dir } = withPlans(inApp.step);
    scheduler.add({ name: 'hourly', trigger: { everyHours: 1 }, steps: ['refresh-watches'] });
    // `crm-intel schedule run-due` beside the app, its check-in timer fired by hand.
    const checkIns: (() => void)[] = [];
    const timers: Timers = { set: (callback) => checkIns.push(callback), clear: () => {} };
    const inCli = stepUntilStopped();
    const cli = new Scheduler({
      db: openDatabase(dir),
      now: () => new Date(),
      owner: 'cli:4242',
      steps: everyStep(inCli.step),
      timers,
    });
    const cliRuns = cli.runDue();
    await inCli.reached;
    // The app's loop runs what is due and not leased: the plan added since.
    scheduler.add({ name: 'daily', trigger: { everyHours: 24 }, steps: ['refresh-watches'] });
    const appRuns = scheduler.runDue();
    await inApp.reached;

    render(<PlansPanel onRan={() => {}} />);
    const row = (name: string) => within(screen.getByRole('row', { name: new RegExp(name) }));
    await screen.findByRole('row', { name: /hourly/ });
    expect(row('hourly').getByRole('status', { name: 'hourly run' }).textContent).toMatch(
      /^Running \(scheduled\) in crm-intel since \d\d:\d\d$/,
    );
    expect(row('daily').getByRole('status', { name: 'daily run' }).textContent).toMatch(
      /^Running \(scheduled\) since \d\d:\d\d$/,
    );
    expect(row('hourly').getByText('running', { selector: '.badge' })).toBeTruthy();
    expect(row('hourly').getByText('running now')).toBeTruthy();
    expect(row('daily').queryByRole('button', { name: 'Run daily now' })).toBeNull();

    await userEvent.click(row('hourly').getByRole('button', { name: 'Cancel the run of hourly' }));
    expect(await screen.findByText('Asked the process running plan hourly to stop it.')).toBeTruthy();
    expect(await row('hourly').findByText('Cancelling…')).toBeTruthy();
    expect(row('hourly').getByRole('button', { name: 'Cancel the run of hourly' })).toHaveProperty('disabled', true);
    for (const checkIn of checkIns.splice(0)) checkIn();
    expect(await cliRuns).toMatchObject([{ planName: 'hourly', status: 'cancelled', trigger: 'schedule' }]);

    await userEvent.click(row('daily').getByRole('button', { name: 'Cancel the run of daily' }));
    expect(await screen.findByText('Cancelling the run of plan daily.')).toBeTruthy();
    expect(await appRuns).toMatchObject([{ planName: 'daily', status: 'cancelled', trigger: 'schedule' }]);
    // Both ended: the panel's next look offers to run them again.
    expect(await row('daily').findByRole('button', { name: 'Run daily now' }, { timeout: 5_000 })).toBeTruthy();
    expect(row('hourly').getByRole('button', { name: 'Run hourly now' })).toBeTruthy();
  });
});
