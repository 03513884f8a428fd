// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AlertsInbox } from '../../src/renderer/screens/alerts/AlertsInbox';
import { App } from '../../src/renderer/App';
import type { Alert } from '../../src/core/watch/domain';
import { crmError, installFakeCrm } from './support/fake-crm';

function alert(fields: Partial<Alert> & Pick<Alert, 'id' | 'kind' | 'summary'>): Alert {
  return {
    watchId: 1,
    companyId: 1,
    companyName: 'Lumora Analytics',
    runId: 2,
    previousRunId: 1,
    evidence: [],
    createdAt: '2026-03-02T09:00:00.000Z',
    readAt: null,
    ...fields,
  };
}

const alerts = [
  alert({
    id: 3,
    kind: 'funding_round',
    summary: 'New funding round: Series B, USD 45000000',
    evidence: [
      {
        url: 'https://news.example.com/lumora-series-b',
        title: 'Lumora raises $45M',
        publishedDate: '2024-09-12',
        text: 'Lumora Analytics raised $45 million in a Series B round.',
      },
    ],
  }),
  alert({
    id: 2,
    kind: 'headquarters_changed',
    summary: 'Headquarters: Denver, Colorado -> Austin, Texas',
    readAt: '2026-03-02T10:00:00.000Z',
  }),
  alert({
    id: 1,
    kind: 'executive_joined',
    companyId: 7,
    companyName: 'Corvane',
    summary: 'New executive: Ada Moss, Chief Financial Officer',
  }),
];

describe('Alerts inbox', () => {
  it('shows each alert with its sources, filters by company, kind and unread, and opens the report', async () => {
    const onOpenReport = vi.fn();
    render(
      <AlertsInbox
        alerts={alerts}
        onMarkRead={async () => {}}
        onOpenReport={onOpenReport}
        onDraftForCompany={async () => ''}
      />,
    );
    const list = () => within(screen.getByRole('list', { name: 'Alerts' }));
    const round = list().getByRole('listitem', { name: 'Unread: New funding round: Series B, USD 45000000' });
    expect(within(round).getByRole('link', { name: 'Lumora raises $45M' }).getAttribute('href')).toBe(
      'https://news.example.com/lumora-series-b',
    );
    expect(within(round).getByText('Lumora Analytics raised $45 million in a Series B round.')).toBeTruthy();

    await userEvent.selectOptions(screen.getByLabelText('Company'), 'Corvane');
    expect(
      list()
        .getAllByRole('listitem', { name: /./ })
        .map((item) => item.getAttribute('aria-label')),
    ).toEqual(['Unread: New executive: Ada Moss, Chief Financial Officer']);
    await userEvent.selectOptions(screen.getByLabelText('Company'), 'All companies');
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'Headquarters');
    expect(list().getByRole('listitem', { name: 'Headquarters: Denver, Colorado -> Austin, Texas' })).toBeTruthy();
    await userEvent.click(screen.getByLabelText('Unread only'));
    expect(screen.getByText('No alerts match these filters.')).toBeTruthy();

    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'All kinds');
    await userEvent.click(
      within(list().getByRole('listitem', { name: /Series B/ })).getByRole('button', { name: 'Open report' }),
    );
    expect(onOpenReport).toHaveBeenCalledWith(1);
  });

  it('marks one alert read and updates the unread count in the navigation', async () => {
    let stored = alerts;
    const fake = installFakeCrm({
      'alerts:list': async () => stored,
      'alerts:unreadCount': async () => ({ count: stored.filter((a) => a.readAt === null).length }),
      'alerts:markRead': async ({ ids }) => {
        stored = stored.map((a) =>
          ids === 'all' || ids.includes(a.id) ? { ...a, readAt: '2026-03-02T11:00:00.000Z' } : a,
        );
        return { marked: 1 };
      },
      'intel:recentCompanies': async () => [],
    });
    render(<App />);
    const nav = screen.getByRole('navigation', { name: 'Screens' });
    expect(await within(nav).findByLabelText('2 unread')).toBeTruthy();
    await userEvent.click(within(nav).getByRole('button', { name: /^Alerts/ }));
    const round = await screen.findByRole('listitem', { name: /^Unread: New funding round/ });
    await userEvent.click(within(round).getByRole('button', { name: 'Mark read' }));
    expect(fake.calls.find((c) => c.channel === 'alerts:markRead')?.request).toEqual({ ids: [3] });
    expect(await within(nav).findByLabelText('1 unread')).toBeTruthy();
    expect(await screen.findByRole('listitem', { name: /^New funding round/ })).toBeTruthy();
  });

  it('drafts for the leads at an alert’s company and says what it did, or why not', async () => {
    let leads = 0;
    const fake = installFakeCrm({
      'alerts:list': async () => alerts,
      'alerts:unreadCount': async () => ({ count: 2 }),
      'alerts:draftForCompany': async () => {
        if (leads === 0)
          throw crmError(
            'no_leads',
            'No leads are imported for this company yet: import them on the Leads screen, then draft.',
          );
        return {
          leads,
          drafted: 2,
          skipped: 1,
          llmFallbacks: 0,
          heldBack: [{ leadId: 9, reason: 'Acme has no usable fact yet, and the lead has no title.' }],
          draftIds: [5, 6],
        };
      },
      'intel:recentCompanies': async () => [],
    });
    render(<App />);
    await userEvent.click(
      within(screen.getByRole('navigation', { name: 'Screens' })).getByRole('button', { name: /^Alerts/ }),
    );
    const executive = await screen.findByRole('listitem', { name: /Ada Moss/ });
    await userEvent.click(within(executive).getByRole('button', { name: 'Draft for leads at this company' }));
    expect(fake.calls.filter((c) => c.channel === 'alerts:draftForCompany').map((c) => c.request)).toEqual([
      { companyId: 7 },
    ]);
    expect((await screen.findByRole('alert')).textContent).toMatch(/No leads are imported for this company/);

    // A held-back lead's reason is said here; the Drafts screen has no draft for it to show.
    leads = 4;
    await userEvent.click(within(executive).getByRole('button', { name: 'Draft for leads at this company' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Drafted 2 emails for 4 leads; 1 already had one, 1 held back (Acme has no usable fact yet, and the lead has no title; see each lead’s activity on the Leads screen). Review them on the Drafts screen.',
      ),
    );
  });
});
