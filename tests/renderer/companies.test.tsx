// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Request, Response } from '../../src/core/ipc/contract';
import type { CompanyRow } from '../../src/core/companies/company-schemas';
import { NavigationContext, type Destination } from '../../src/renderer/lib/navigation';
import { CompaniesScreen } from '../../src/renderer/screens/companies/CompaniesScreen';
import { LookupScreen } from '../../src/renderer/screens/lookup/LookupScreen';
import { crmError, installFakeCrm } from './support/fake-crm';

type Batch = Response<'enrichment:status'>;

function company(id: number, name: string, overrides: Partial<CompanyRow> = {}): CompanyRow {
  return {
    id,
    name,
    domain: null,
    industry: null,
    headquarters: null,
    latestRound: null,
    latestRoundDate: null,
    employees: null,
    refreshedAt: null,
    leads: 0,
    watched: false,
    ...overrides,
  };
}

const COMPANIES = [
  company(1, 'Acme', {
    domain: 'acme.example',
    industry: 'Fintech',
    headquarters: 'Berlin',
    latestRound: 'Series B',
    latestRoundDate: '2026-02-10',
    employees: 1200,
    refreshedAt: '2026-03-01T10:00:00.000Z',
    leads: 3,
    watched: true,
  }),
  company(2, 'Globex'),
];

const batch: Batch = {
  batchId: 9,
  importId: null,
  workflow: 'standard',
  status: 'pending',
  running: false,
  companiesTotal: 1,
  companiesDone: 0,
  companiesFailed: 0,
  companiesPending: 1,
  leads: 0,
  failures: [],
};

// jsdom does no layout: give elements the size of a 600 px high viewport so the virtualiser has one.
const sizes = { clientHeight: 600, clientWidth: 1000, offsetHeight: 600, offsetWidth: 1000 };
beforeAll(() => {
  for (const [name, value] of Object.entries(sizes))
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value });
});
afterAll(() => {
  for (const name of Object.keys(sizes)) Reflect.deleteProperty(HTMLElement.prototype, name);
});

const MATCHING: Response<'companies:ids'> = {
  companies: [
    { id: 1, name: 'Acme' },
    { id: 2, name: 'Globex' },
  ],
  total: 2,
};

function setup(matching: Response<'companies:ids'> = MATCHING) {
  const fake = installFakeCrm({
    'companies:ids': async () => matching,
    'watch:add': async ({ query }) => {
      if (query === 'Initech') throw crmError('invalid_interval', 'Name an interval of at least 15 minutes.');
      return {
        id: 1,
        query,
        companyId: 2,
        workflow: 'comprehensive',
        everyMinutes: 10_080,
        nextDueAt: '2026-03-02T09:00:00.000Z',
        lastRunId: null,
        lastRefreshedAt: null,
        lastError: null,
      };
    },
    'watch:remove': async (request) => ({ removed: 'companyIds' in request ? request.companyIds.length - 1 : 1 }),
    'workflows:list': async () => ({
      workflows: [
        { name: 'standard', description: '', steps: [], builtin: true },
        { name: 'comprehensive', description: '', steps: [], builtin: true },
        { name: 'people-first', description: 'Executives only, weekly', steps: [], builtin: false },
      ],
      components: [],
    }),
    'companies:list': async () => ({ rows: COMPANIES }),
    'companies:count': async () => ({ total: COMPANIES.length }),
    'enrichment:start': async () => batch,
    'enrichment:cancel': async () => ({ cancelled: true }),
  });
  const destinations: Destination[] = [];
  render(
    <NavigationContext.Provider value={(d) => destinations.push(d)}>
      <CompaniesScreen />
    </NavigationContext.Provider>,
  );
  const lists = () =>
    fake.calls.filter((c) => c.channel === 'companies:list').map((c) => c.request as Request<'companies:list'>);
  return { fake, destinations, lists };
}

describe('Companies screen', () => {
  it('shows each company with its report columns, and opens the report on Lookup', async () => {
    const { destinations } = setup();
    const acme = await screen.findByRole('button', { name: 'Acme' });
    const row = acme.closest('[role=row]')!;
    expect([...row.querySelectorAll('[role=cell]')].map((c) => c.textContent).slice(1)).toEqual([
      'Acme',
      'acme.example',
      'Fintech',
      'Berlin',
      'Series B',
      '2026-02-10',
      '1,200',
      '2026-03-01',
      '3',
      'Watched',
    ]);
    expect(screen.getByText('2 companies')).toBeTruthy();
    await userEvent.click(acme);
    expect(destinations).toEqual([{ screen: 'lookup', companyId: 1, companyName: 'Acme' }]);
  });

  it('asks SQLite for each search, filter and sort', async () => {
    const { lists } = setup();
    await screen.findByRole('button', { name: 'Acme' });
    await userEvent.type(screen.getByLabelText('Search companies'), 'ac');
    await userEvent.type(screen.getByLabelText('Headquarters'), 'Berlin ');
    await userEvent.type(screen.getByLabelText('Latest round'), 'series');
    await userEvent.type(screen.getByLabelText('Size from'), '50');
    await userEvent.selectOptions(screen.getByLabelText('Leads'), 'true');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Watched' }));
    await userEvent.click(screen.getByRole('button', { name: 'Round date' }));
    await waitFor(() =>
      expect(lists().at(-1)).toMatchObject({
        sort: { column: 'latestRoundDate', direction: 'asc' },
        filter: {
          search: 'ac',
          headquarters: 'Berlin',
          round: 'series',
          employeesMin: 50,
          hasLeads: true,
          watched: true,
        },
      }),
    );
  });

  it('looks up the ticked companies as one batch, with progress and cancel', async () => {
    const { fake } = setup();
    await screen.findByRole('button', { name: 'Acme' });
    expect((screen.getByRole('button', { name: 'Look up / refresh 0 selected' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select Globex' }));
    await userEvent.click(screen.getByRole('button', { name: 'Look up / refresh 1 selected' }));
    expect(fake.calls.find((c) => c.channel === 'enrichment:start')?.request).toEqual({
      companyIds: [2],
      workflow: 'standard',
    });
    act(() =>
      fake.emit('enrichment:progress', {
        batchId: 9,
        companiesDone: 0,
        companiesFailed: 0,
        companiesTotal: 1,
        etaMs: null,
        last: null,
      }),
    );
    expect(screen.getByRole('status').textContent).toBe('0 of 1 companies looked up · estimating the time left…');
    // Clearing the ticks while it runs keeps the batch's progress and its cancel.
    await userEvent.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(screen.getByRole('status').textContent).toBe('0 of 1 companies looked up · estimating the time left…');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel lookups' }));
    expect(fake.calls.find((c) => c.channel === 'enrichment:cancel')?.request).toEqual({ batchId: 9 });
    const listsBefore = fake.calls.filter((c) => c.channel === 'companies:list').length;
    act(() => fake.emit('enrichment:finished', { ...batch, status: 'cancelled', companiesPending: 1 }));
    expect(screen.getByRole('status').textContent).toBe('0 of 1 companies looked up; cancelled.');
    // The table reads the companies again: a finished lookup changed their columns.
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.channel === 'companies:list').length).toBeGreaterThan(listsBefore),
    );
  });

  it('ticks every company the filters match, not only the rows on screen', async () => {
    const { fake } = setup();
    await screen.findByRole('button', { name: 'Acme' });
    await userEvent.type(screen.getByLabelText('Industry'), 'Fin');
    await userEvent.click(screen.getByRole('button', { name: 'Select all matching' }));
    expect(await screen.findByRole('button', { name: 'Look up / refresh 2 selected' })).toBeTruthy();
    expect(fake.calls.find((c) => c.channel === 'companies:ids')?.request).toEqual({ filter: { industry: 'Fin' } });
    await userEvent.click(screen.getByRole('button', { name: 'Look up / refresh 2 selected' }));
    expect(fake.calls.find((c) => c.channel === 'enrichment:start')?.request).toMatchObject({ companyIds: [1, 2] });
  });

  it('watches the ticked companies by name, with the workflow and interval chosen, and reads the table again', async () => {
    const { fake } = setup();
    await screen.findByRole('button', { name: 'Acme' });
    const watch = screen.getByRole('region', { name: 'Watch selected companies' });
    expect((within(watch).getByRole('button', { name: 'Watch 0 selected' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select Globex' }));
    await userEvent.selectOptions(within(watch).getByRole('combobox', { name: 'Watch workflow' }), 'comprehensive');
    await userEvent.selectOptions(within(watch).getByRole('combobox', { name: 'Refresh' }), 'weekly');
    const listsBefore = fake.calls.filter((c) => c.channel === 'companies:list').length;
    await userEvent.click(within(watch).getByRole('button', { name: 'Watch 1 selected' }));
    expect(fake.calls.filter((c) => c.channel === 'watch:add').map((c) => c.request)).toEqual([
      { query: 'Globex', workflow: 'comprehensive', every: '1w' },
    ]);
    expect((await within(watch).findByRole('status')).textContent).toBe('1 company watched.');
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.channel === 'companies:list').length).toBeGreaterThan(listsBefore),
    );
  });

  it('offers the analyst’s own workflows beside the built-ins, and stops watching the ticked companies in one call', async () => {
    const { fake } = setup();
    await screen.findByRole('button', { name: 'Acme' });
    const watch = screen.getByRole('region', { name: 'Watch selected companies' });
    const workflow = within(watch).getByRole('combobox', { name: 'Watch workflow' });
    const yours = await within(workflow).findByRole('group', { name: 'Your workflows' });
    expect(
      within(yours)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['people-first']);
    expect(
      within(workflow)
        .getAllByRole('option')
        .map((o) => (o as HTMLOptionElement).value),
    ).toEqual(['standard', 'comprehensive', 'people-first']);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select Acme' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select Globex' }));
    await userEvent.selectOptions(workflow, 'people-first');
    await userEvent.click(within(watch).getByRole('button', { name: 'Watch 2 selected' }));
    expect(await within(watch).findByText('2 companies watched.')).toBeTruthy();
    expect(fake.calls.filter((c) => c.channel === 'watch:add').map((c) => c.request)).toEqual([
      { query: 'Acme', workflow: 'people-first', every: '1d' },
      { query: 'Globex', workflow: 'people-first', every: '1d' },
    ]);

    const listsBefore = fake.calls.filter((c) => c.channel === 'companies:list').length;
    await userEvent.click(within(watch).getByRole('button', { name: 'Stop watching 2 selected' }));
    // The fake answers one fewer than asked: one of them was not watched.
    expect((await within(watch).findByRole('status')).textContent).toBe(
      'Stopped watching 1 company (1 selected was not watched).',
    );
    expect(fake.calls.filter((c) => c.channel === 'watch:remove').map((c) => c.request)).toEqual([
      { companyIds: [1, 2] },
    ]);
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.channel === 'companies:list').length).toBeGreaterThan(listsBefore),
    );
  });

  it('names the company a watch was refused for, and watches the names "select all matching" ticked', async () => {
    const { fake } = setup({
      companies: [
        { id: 1, name: 'Acme' },
        { id: 3, name: 'Initech' },
        { id: 2, name: 'Globex' },
      ],
      total: 3,
    });
    await screen.findByRole('button', { name: 'Acme' });
    await userEvent.click(screen.getByRole('button', { name: 'Select all matching' }));
    const watch = screen.getByRole('region', { name: 'Watch selected companies' });
    await userEvent.click(await within(watch).findByRole('button', { name: 'Watch 3 selected' }));
    expect((await within(watch).findByRole('alert')).textContent).toBe(
      'Initech: Name an interval of at least 15 minutes.',
    );
    expect(
      fake.calls.filter((c) => c.channel === 'watch:add').map((c) => (c.request as { query: string }).query),
    ).toEqual(['Acme', 'Initech']);
  });

  it('says so when more companies match than one batch takes', async () => {
    setup({ ...MATCHING, total: 150_000 });
    await screen.findByRole('button', { name: 'Acme' });
    await userEvent.click(screen.getByRole('button', { name: 'Select all matching' }));
    expect(
      await screen.findByText('The first 2 of 150,000 matching companies are ticked: one batch takes no more.'),
    ).toBeTruthy();
  });
});

describe('An empty Companies table', () => {
  it('says how companies get there, and that none matches once a filter is set', async () => {
    installFakeCrm({
      'companies:list': async () => ({ rows: [] }),
      'companies:count': async () => ({ total: 0 }),
      'workflows:list': async () => ({ workflows: [], components: [] }),
    });
    render(<CompaniesScreen />);
    expect(
      await screen.findByText(
        'No companies yet: look one up on the Lookup screen, or import a list of companies above.',
      ),
    ).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Industry'), 'fin');
    expect(await screen.findByText('No company matches the search and filters.')).toBeTruthy();
  });
});

describe('A company never looked up, opened from the list', () => {
  it('offers a lookup of the company by its name', async () => {
    const fake = installFakeCrm({
      'intel:recentCompanies': async () => [],
      'keys:status': async () => ({
        tavily: true,
        openai: false,
        anthropic: false,
        groq: false,
        slack: false,
        webhook: false,
      }),
      'intel:report': async () => null,
      'intel:lookup': () => new Promise(() => {}),
    });
    render(<LookupScreen companyId={2} companyName="Globex" />);
    expect(await screen.findByText('Globex has not been looked up yet')).toBeTruthy();
    expect((screen.getByLabelText('Company name or domain') as HTMLInputElement).value).toBe('Globex');
    await userEvent.click(screen.getByRole('button', { name: 'Look up Globex' }));
    expect(fake.calls.find((c) => c.channel === 'intel:lookup')?.request).toMatchObject({ query: 'Globex' });
    expect(await screen.findByRole('heading', { name: 'Looking up “Globex”' })).toBeTruthy();
  });
});
