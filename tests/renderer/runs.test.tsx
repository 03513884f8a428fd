// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RunHistory } from '../../src/renderer/screens/runs/RunHistory';
import { runSummary } from './fixtures';
import { crmError, installFakeCrm } from './support/fake-crm';
import { PlanRunList } from '../../src/renderer/screens/runs/PlanRunList';
import { RunsScreen } from '../../src/renderer/screens/runs/RunsScreen';
import type { PlanRunView } from '../../src/core/ipc/channels/plans';

const failedRun = runSummary({
  id: 9,
  status: 'partial',
  partial: true,
  steps: [
    {
      id: 1,
      component: 'identity',
      status: 'completed',
      providerCalls: 1,
      cacheHits: 1,
      credits: 0,
      durationMs: 4,
      error: null,
      skippedReason: null,
    },
    {
      id: 2,
      component: 'news',
      status: 'failed',
      providerCalls: 4,
      cacheHits: 0,
      credits: 4,
      durationMs: 2500,
      error: { kind: 'rate_limit', message: 'HTTP 429 from Tavily' },
      skippedReason: null,
    },
  ],
});

describe('Run history', () => {
  it('says what creates runs when there are none', () => {
    render(<RunHistory runs={[]} onRetry={async () => {}} />);
    expect(screen.getByText('No runs yet')).toBeTruthy();
  });

  it('shows per-step timings, calls, cache hits and errors of the open run', () => {
    render(<RunHistory runs={[failedRun]} onRetry={async () => {}} />);
    const steps = within(screen.getByRole('table', { name: 'Steps of Acme Robotics' }));
    const news = steps.getByRole('row', { name: /news/ });
    expect(within(news).getByText('2.5 s')).toBeTruthy();
    expect(within(news).getByText('rate_limit: HTTP 429 from Tavily')).toBeTruthy();
    expect(within(steps.getByRole('row', { name: /identity/ })).getByText('4 ms')).toBeTruthy();
  });

  it('retries only a failed step, and shows a failed retry', async () => {
    const onRetry = vi
      .fn()
      .mockRejectedValue(crmError('rate_limit', 'Tavily is still rate limiting; try again in a minute.'));
    render(<RunHistory runs={[failedRun]} onRetry={onRetry} />);
    expect(screen.queryByRole('button', { name: 'Retry identity' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Retry news' }));
    expect(onRetry).toHaveBeenCalledWith(9, 'news');
    expect((await screen.findByRole('alert')).textContent).toMatch(/still rate limiting/);
  });

  it('collapses and expands runs', async () => {
    render(<RunHistory runs={[failedRun, runSummary({ id: 3, query: 'Globex' })]} onRetry={async () => {}} />);
    await userEvent.click(screen.getByRole('button', { name: /Globex/ }));
    expect(screen.getByRole('table', { name: 'Steps of Globex' })).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Steps of Acme Robotics' })).toBeNull();
  });
});

const step = (overrides: Partial<PlanRunView['steps'][number]>): PlanRunView['steps'][number] => ({
  step: 'refresh-watches',
  startedAt: '2026-03-02T09:00:00.000Z',
  finishedAt: '2026-03-02T09:00:12.500Z',
  status: 'completed',
  counts: { watchesRefreshed: 3, alerts: 2 },
  providerCalls: 14,
  credits: 14,
  error: null,
  ...overrides,
});

const planRun = (overrides: Partial<PlanRunView>): PlanRunView => ({
  id: 1,
  planId: 1,
  planName: 'morning',
  trigger: 'schedule',
  alertIds: [],
  dueAt: '2026-03-02T09:00:00.000Z',
  missed: 0,
  startedAt: '2026-03-02T09:00:00.000Z',
  finishedAt: '2026-03-02T09:00:20.000Z',
  status: 'completed',
  summary: { watchesRefreshed: 3 },
  error: null,
  cancelRequestedAt: null,
  steps: [step({})],
  ...overrides,
});

const failedNotify = planRun({
  id: 5,
  planName: 'on-funding',
  trigger: 'alerts',
  alertIds: [41, 42],
  status: 'failed',
  error: 'notify: 1 message not delivered, sent again on the next run: Slack webhook answered 500',
  steps: [
    step({ step: 'draft-alerts', counts: { alerts: 2, drafted: 1 }, providerCalls: 0, credits: 0 }),
    step({
      step: 'notify',
      status: 'failed',
      finishedAt: '2026-03-02T09:00:00.400Z',
      counts: { messagesSent: 0, messagesFailed: 1 },
      providerCalls: 3,
      credits: 0,
      error: 'Slack webhook answered 500',
    }),
  ],
});

describe('Plan runs', () => {
  it('says what starts plan runs when there are none', () => {
    render(<PlanRunList runs={[]} />);
    expect(screen.getByText('No plan runs yet')).toBeTruthy();
  });

  it('shows what started each run, and opens a failed one on its error and per-step log', () => {
    render(
      <PlanRunList
        runs={[
          failedNotify,
          planRun({ id: 4, missed: 3 }),
          planRun({ id: 3, trigger: 'manual', status: 'interrupted', finishedAt: null }),
        ]}
      />,
    );
    const runs = within(screen.getByRole('list', { name: 'Plan runs' }));
    expect(runs.getByRole('button', { name: /on-funding.*failed.*2 new alerts/ })).toBeTruthy();
    expect(
      runs.getByRole('button', { name: /morning.*completed.*scheduled, 3 missed runs folded in.*20\.0 s/ }),
    ).toBeTruthy();
    expect(runs.getByRole('button', { name: /morning.*interrupted.*run by hand.*—/ })).toBeTruthy();

    expect(screen.getByRole('alert').textContent).toMatch(/^notify: 1 message not delivered/);
    const steps = within(screen.getByRole('table', { name: 'Steps of on-funding run 5' }));
    const notify = within(steps.getByRole('row', { name: /notify/ }));
    expect(notify.getByText('failed')).toBeTruthy();
    expect(notify.getByText('400 ms')).toBeTruthy();
    expect(notify.getByText('messagesSent 0, messagesFailed 1')).toBeTruthy();
    expect(notify.getByText('Slack webhook answered 500')).toBeTruthy();
    expect(within(steps.getByRole('row', { name: /draft-alerts/ })).getByText('alerts 2, drafted 1')).toBeTruthy();
    expect(screen.queryByRole('table', { name: /Steps of morning/ })).toBeNull();
  });

  it('opens another run’s steps and closes the first', async () => {
    render(<PlanRunList runs={[failedNotify, planRun({ id: 4 })]} />);
    await userEvent.click(screen.getByRole('button', { name: /^morning/ }));
    const steps = within(screen.getByRole('table', { name: 'Steps of morning run 4' }));
    expect(within(steps.getByRole('row', { name: /refresh-watches/ })).getByText('12.5 s')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Steps of on-funding run 5' })).toBeNull();
  });

  it('lists plan runs beside lookups on the Runs screen', async () => {
    installFakeCrm({
      'plans:list': async () => [],
      'plans:runs': async () => [failedNotify],
      'intel:runs': async () => [runSummary({ id: 3, query: 'Globex' })],
      'imports:list': async () => [],
    });
    render(<RunsScreen />);
    expect(await screen.findByRole('button', { name: /on-funding/ })).toBeTruthy();
    expect(await screen.findByRole('button', { name: /Globex/ })).toBeTruthy();
  });

  it('shows a failed read of the plan log with a retry, and the lookups still', async () => {
    let fail = true;
    installFakeCrm({
      'plans:list': async () => [],
      'plans:runs': async () => {
        if (fail) throw crmError('internal', 'The database is locked.');
        return [failedNotify];
      },
      'intel:runs': async () => [runSummary({ id: 3, query: 'Globex' })],
      'imports:list': async () => [],
    });
    render(<RunsScreen />);
    expect((await screen.findByRole('alert')).textContent).toContain('The database is locked.');
    expect(await screen.findByRole('button', { name: /Globex/ })).toBeTruthy();
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: /on-funding/ })).toBeTruthy();
  });
});
