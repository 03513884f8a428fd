// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WatchButton } from '../../src/renderer/screens/lookup/WatchButton';
import type { Watch } from '../../src/core/watch/domain';
import { crmError, installFakeCrm } from './support/fake-crm';

describe('Watch from the report', () => {
  it('watches the company with the report’s workflow and the chosen interval, then offers to stop', async () => {
    let watches: Watch[] = [];
    const fake = installFakeCrm({
      'watch:list': async () => watches,
      'watch:add': async ({ query, workflow, every }) => {
        watches = [
          {
            id: 1,
            query,
            companyId: 4,
            workflow: workflow ?? 'standard',
            everyMinutes: every === '1w' ? 10_080 : 1440,
            nextDueAt: '2026-03-02T09:00:00.000Z',
            lastRunId: null,
            lastRefreshedAt: null,
            lastError: null,
          },
        ];
        return watches[0]!;
      },
      'watch:remove': async () => {
        watches = [];
        return { removed: 1 };
      },
    });
    render(<WatchButton company={{ id: 4, name: 'Lumora Analytics' }} workflow="comprehensive" />);
    await userEvent.selectOptions(await screen.findByLabelText('Refresh'), 'weekly');
    await userEvent.click(screen.getByRole('button', { name: 'Watch' }));
    expect(fake.calls.find((c) => c.channel === 'watch:add')?.request).toEqual({
      query: 'Lumora Analytics',
      workflow: 'comprehensive',
      every: '1w',
    });
    expect(await screen.findByText('Watched 1w')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Stop watching' }));
    expect(await screen.findByRole('button', { name: 'Watch' })).toBeTruthy();
  });

  it('says why a watch could not be added', async () => {
    installFakeCrm({
      'watch:list': async () => [],
      'watch:add': async () => Promise.reject(crmError('unknown_workflow', 'No workflow named "people".')),
    });
    render(<WatchButton company={{ id: 4, name: 'Lumora Analytics' }} workflow="people" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Watch' }));
    expect((await screen.findByRole('alert')).textContent).toBe('No workflow named "people".');
  });
});
