// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LeadDetail } from '../../src/renderer/screens/leads/LeadDetail';
import { LeadsScreen } from '../../src/renderer/screens/leads/LeadsScreen';
import type { LeadRow } from '../../src/core/leads/query/lead-schemas';
import { installFakeCrm } from './support/fake-crm';

const STATUSES = ['new', 'contacted', 'replied', 'qualified', 'disqualified', 'nurture'];

function lead(id: number, fields: Partial<LeadRow> = {}): LeadRow {
  return {
    id,
    contactId: id,
    importId: 1,
    companyId: 4,
    firstName: 'Jane',
    lastName: `Okafor ${id}`,
    fullName: `Jane Okafor ${id}`,
    email: `jane${id}@lumora.io`,
    phone: null,
    company: 'Lumora',
    title: 'VP Sales',
    city: 'Austin',
    state: null,
    country: 'US',
    website: null,
    linkedinUrl: null,
    status: 'new',
    source: null,
    notes: null,
    owner: null,
    tags: null,
    score: 40,
    createdAt: '2025-01-01T00:00:00Z',
    ...fields,
  };
}

// jsdom does no layout: give elements the size of a 600 px high viewport so the virtual table renders rows.
const sizes = { clientHeight: 600, clientWidth: 1000, offsetHeight: 600, offsetWidth: 1000 };
beforeAll(() => {
  for (const [name, value] of Object.entries(sizes))
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value });
});
afterAll(() => {
  for (const name of Object.keys(sizes)) Reflect.deleteProperty(HTMLElement.prototype, name);
});

describe('Lead detail: working a lead', () => {
  it('sends only the fields changed, shows each change in the timeline, undoes the last one, and lists the score with sources', async () => {
    let current = lead(7, { tags: 'conference' });
    const activities: Array<{ id: number; kind: string; detail: unknown; createdAt: string }> = [];
    const fake = installFakeCrm({
      'leads:get': async () => ({
        lead: { ...current, rowNumber: 2, phoneRaw: null, domain: null },
        customFields: [],
        activities: [...activities],
        company: null,
        import: null,
        otherLeadIds: [],
      }),
      'leads:statuses': async () => STATUSES,
      'drafts:list': async () => ({ drafts: [], counts: { draft: 0, approved: 0, rejected: 0, copied: 0 } }),
      'leads:score': async () => ({
        score: 45,
        signals: [
          {
            name: 'recentRound',
            label: 'Funding round in the last 90 days (2025-05-10)',
            points: 30,
            source: {
              kind: 'fact',
              factId: 3,
              url: 'https://news.example.com/lumora-series-b',
              title: 'Lumora raises $20M',
              date: '2025-05-10',
            },
          },
          {
            name: 'status',
            label: 'Status: contacted',
            points: 5,
            source: { kind: 'lead', field: 'status', value: 'contacted' },
          },
          {
            name: 'email',
            label: 'Email address present',
            points: 10,
            source: { kind: 'lead', field: 'email', value: 'jane7@lumora.io' },
          },
        ],
      }),
      'leads:edit': async ({ change }) => {
        activities.push({
          id: 1,
          kind: 'edited',
          detail: {
            batch: 'b1',
            changes: [
              { field: 'status', from: 'new', to: 'contacted' },
              { field: 'tags', from: ['conference'], to: ['conference', 'warm'] },
            ],
          },
          createdAt: '2025-01-02T00:00:00Z',
        });
        current = { ...current, status: change.status ?? current.status, tags: 'conference, warm' };
        return { batch: 'b1', changed: 1, unchanged: 0 };
      },
      'leads:undo': async () => {
        activities.push({
          id: 2,
          kind: 'edit_undone',
          detail: {
            batch: 'b2',
            undoes: 1,
            changes: [
              { field: 'status', from: 'contacted', to: 'new' },
              { field: 'tags', from: ['conference', 'warm'], to: ['conference'] },
            ],
          },
          createdAt: '2025-01-03T00:00:00Z',
        });
        current = lead(7, { tags: 'conference' });
        return { batch: 'b1', reverted: 1, skipped: [] };
      },
    });
    render(<LeadDetail leadId={7} onClose={() => undefined} />);
    const form = await screen.findByRole('form', { name: 'Work this lead' });
    expect((within(form).getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    expect((within(form).getByRole('button', { name: 'Undo last change' }) as HTMLButtonElement).disabled).toBe(true);
    await waitFor(() =>
      expect(
        within(form)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(STATUSES),
    );

    await userEvent.selectOptions(within(form).getByLabelText('Status'), 'contacted');
    await userEvent.type(within(form).getByLabelText('Tags'), ', warm');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(fake.calls.find((c) => c.channel === 'leads:edit')!.request).toEqual({
      leadIds: [7],
      change: { status: 'contacted', addTags: ['warm'], removeTags: [] },
    });
    expect(await screen.findByText('Status: new → contacted; Tags: conference → conference, warm')).toBeTruthy();

    const score = screen.getByRole('region', { name: 'Lead score' });
    expect(within(score).getByRole('heading').textContent).toBe('Score 45');
    expect(within(score).getByRole('link', { name: 'Lumora raises $20M' }).getAttribute('href')).toBe(
      'https://news.example.com/lumora-series-b',
    );
    expect(
      within(score)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '+30 Funding round in the last 90 days (2025-05-10) · Lumora raises $20M · 2025-05-10',
      '+5 Status: contacted · lead status: contacted',
      '+10 Email address present · lead email: jane7@lumora.io',
    ]);

    const undo = await screen.findByRole('button', { name: 'Undo last change' });
    await waitFor(() => expect((undo as HTMLButtonElement).disabled).toBe(false));
    await userEvent.click(undo);
    expect(fake.calls.find((c) => c.channel === 'leads:undo')!.request).toEqual({ leadId: 7 });
    expect(await screen.findByText('Status: contacted → new; Tags: conference, warm → conference')).toBeTruthy();
    await waitFor(() => expect((screen.getByLabelText('Status') as HTMLSelectElement).value).toBe('new'));
  });
});

describe('Leads screen: a selection, the columns shown and their export', () => {
  it('changes the selected leads at once, undoes that change, and exports the filter, order and columns shown', async () => {
    const fake = installFakeCrm({
      'imports:list': async () => [],
      'system:status': async () => ({ counts: { leads: 3, companies: 1, drafts: 0, cacheEntries: 0 } }) as never,
      'leads:statuses': async () => STATUSES,
      'leads:list': async () => ({ total: null, rows: [lead(1), lead(2), lead(3)] }),
      'leads:edit': async ({ leadIds }) => ({ batch: 'batch-1', changed: leadIds.length, unchanged: 0 }),
      'leads:undo': async () => ({ batch: 'batch-1', reverted: 2, skipped: [] }),
      'system:pickFile': async () => ({ file: { token: 'a'.repeat(43), path: '/home/ada/shown.csv' } }),
      'leads:export': async () => ({ file: '/home/ada/shown.csv', rows: 3 }),
    });
    render(<LeadsScreen />);
    expect(await screen.findByText('3 leads')).toBeTruthy();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select Jane Okafor 1' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select Jane Okafor 3' }));
    const bar = screen.getByRole('group', { name: 'Change the selected leads' });
    expect(within(bar).getByText('2 selected')).toBeTruthy();
    await waitFor(() => expect(within(bar).getAllByRole('option').length).toBe(STATUSES.length + 1));
    await userEvent.selectOptions(within(bar).getByLabelText('Set status'), 'qualified');
    await userEvent.type(within(bar).getByLabelText('Add tag'), 'q3');
    const listsBefore = fake.calls.filter((c) => c.channel === 'leads:list').length;
    await userEvent.click(within(bar).getByRole('button', { name: 'Apply to 2' }));
    expect(fake.calls.find((c) => c.channel === 'leads:edit')!.request).toEqual({
      leadIds: [1, 3],
      change: { status: 'qualified', addTags: ['q3'] },
    });
    expect(await within(bar).findByText('2 leads changed.')).toBeTruthy();
    // The table asks its rows again: statuses and scores may have moved.
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.channel === 'leads:list').length).toBeGreaterThan(listsBefore),
    );
    await userEvent.click(within(bar).getByRole('button', { name: 'Undo' }));
    expect(fake.calls.find((c) => c.channel === 'leads:undo')!.request).toEqual({ batch: 'batch-1' });

    // A tag taken off and notes set for the whole selection, as `crm-intel leads set --untag --note` does.
    await userEvent.type(within(bar).getByLabelText('Remove tag'), 'conference');
    await userEvent.type(within(bar).getByLabelText('Set notes (replaces each lead’s)'), 'Met at the fair');
    await userEvent.click(within(bar).getByRole('button', { name: 'Apply to 2' }));
    expect(fake.calls.filter((c) => c.channel === 'leads:edit').at(-1)!.request).toEqual({
      leadIds: [1, 3],
      change: { removeTags: ['conference'], notes: 'Met at the fair' },
    });
    expect((within(bar).getByLabelText('Remove tag') as HTMLInputElement).value).toBe('');

    // Columns: hide Owner, show Tags; the table and the export follow.
    await userEvent.click(screen.getByText('Columns'));
    const picker = screen.getByRole('group', { name: 'Columns shown' });
    await userEvent.click(within(picker).getByLabelText('Owner'));
    await userEvent.click(within(picker).getByLabelText('Tags'));
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Selected',
      'Name',
      'Email',
      'Company',
      'Title',
      'Status',
      'Tags',
      'Score',
    ]);
    await userEvent.selectOptions(screen.getByLabelText('Status', { selector: '#lead-status-filter' }), 'qualified');
    await userEvent.click(screen.getByRole('button', { name: /^Score/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Export shown…' }));
    expect(await screen.findByText('3 leads written to /home/ada/shown.csv.')).toBeTruthy();
    expect(fake.calls.find((c) => c.channel === 'leads:export')!.request).toEqual({
      file: 'a'.repeat(43),
      filter: { status: 'qualified' },
      sort: { column: 'score', direction: 'asc' },
      columns: ['name', 'email', 'company', 'title', 'status', 'tags', 'score'],
    });
  });
});

describe('Sample leads', () => {
  it('marks a lead from the sample lead file "Sample" in its table row and its detail, by its stored source only', async () => {
    const sample = lead(1, { source: 'Sample data' });
    installFakeCrm({
      'imports:list': async () => [],
      'system:status': async () => ({ counts: { leads: 3, companies: 1, drafts: 0, cacheEntries: 0 } }) as never,
      'leads:statuses': async () => STATUSES,
      // Lead 3 is named like the sample's people, but an import of the analyst's own: no badge.
      'leads:list': async () => ({
        total: null,
        rows: [sample, lead(2, { source: 'Referral' }), lead(3, { fullName: 'Ada Okafor', notes: 'Sample data' })],
      }),
      'leads:get': async () => ({
        lead: { ...sample, rowNumber: 2, phoneRaw: null, domain: null },
        customFields: [],
        activities: [],
        company: null,
        import: null,
        otherLeadIds: [],
      }),
      'drafts:list': async () => ({ drafts: [], counts: { draft: 0, approved: 0, rejected: 0, copied: 0 } }),
      'leads:score': async () => ({ score: 0, signals: [] }),
    });
    render(<LeadsScreen />);
    expect(await screen.findByText('3 leads')).toBeTruthy();
    const badged = screen
      .getAllByRole('row')
      .filter((row) => within(row).queryByText('Sample'))
      .map((row) => within(row).getAllByRole('button')[0]!.textContent);
    expect(badged).toEqual(['Jane Okafor 1']);
    expect(within(screen.getByRole('table')).getByText('Sample').getAttribute('title')).toBe(
      'Sample data: a fictional person at a fictional company',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Jane Okafor 1' }));
    const detail = await screen.findByRole('complementary', { name: 'Lead detail' });
    await waitFor(() =>
      expect(within(detail).getByRole('heading', { level: 2 }).textContent).toBe('Jane Okafor 1Sample'),
    );
  });
});
