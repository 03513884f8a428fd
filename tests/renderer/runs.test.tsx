// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RunHistory } from '../../src/renderer/screens/runs/RunHistory';
import { runSummary } from './fixtures';
import { crmError } from './support/fake-crm';

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
