// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Response } from '../../src/core/ipc/contract';
import { EnrichCompanies, etaText } from '../../src/renderer/screens/leads/EnrichCompanies';
import { crmError, deferred, installFakeCrm } from './support/fake-crm';

type Batch = Response<'enrichment:status'>;

function batch(overrides: Partial<Batch> = {}): Batch {
  return {
    batchId: 4,
    importId: 2,
    workflow: 'standard',
    status: 'pending',
    running: false,
    companiesTotal: 3,
    companiesDone: 0,
    companiesFailed: 0,
    companiesPending: 3,
    leads: 5,
    failures: [],
    ...overrides,
  };
}

const failedBatch = batch({
  status: 'partial',
  companiesDone: 1,
  companiesFailed: 2,
  companiesPending: 0,
  failures: [
    {
      companyKey: 'name:globex',
      company: 'Globex',
      error: 'Ambiguous name: 3 companies match and the leads give no domain.',
      attempts: 1,
    },
    { companyKey: 'domain:initech.example', company: 'Initech', error: 'Tavily refused the key (401).', attempts: 1 },
  ],
});

describe('Enrich companies', () => {
  it('says what it does while the import has no batch, holding its place while reading', async () => {
    const list = deferred<Batch[]>();
    installFakeCrm({ 'enrichment:list': () => list.promise });
    render(<EnrichCompanies importId={2} />);
    expect(screen.getByRole('status').textContent).toBe('Reading…');
    expect(screen.queryByRole('button')).toBeNull();
    list.resolve([]);
    expect(await screen.findByRole('button', { name: 'Enrich companies' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/each distinct company of this import/);
  });

  it('starts, shows companies done of total with the time left, then the failures with their reasons', async () => {
    const fake = installFakeCrm({ 'enrichment:list': async () => [], 'enrichment:start': async () => batch() });
    render(<EnrichCompanies importId={2} />);
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Research depth' }), 'comprehensive');
    await userEvent.click(screen.getByRole('button', { name: 'Enrich companies' }));
    expect(fake.calls.find((c) => c.channel === 'enrichment:start')?.request).toEqual({
      importId: 2,
      workflow: 'comprehensive',
    });
    // Running from the start, before the worker's first report: no second start offered.
    expect(await screen.findByRole('button', { name: 'Cancel enrichment' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Resume|Enrich/ })).toBeNull();

    act(() =>
      fake.emit('enrichment:progress', {
        batchId: 4,
        companiesDone: 1,
        companiesFailed: 1,
        companiesTotal: 3,
        etaMs: 150_000,
        last: { company: 'Globex', ok: false, error: 'Ambiguous' },
      }),
    );
    expect(screen.getByRole('status').textContent).toBe('2 of 3 companies looked up (1 failed) · about 3 min left');
    expect((screen.getByLabelText('Enrichment progress') as HTMLProgressElement).value).toBe(2);
    // Another batch's progress is not this one's.
    act(() =>
      fake.emit('enrichment:progress', {
        batchId: 99,
        companiesDone: 0,
        companiesFailed: 0,
        companiesTotal: 50,
        etaMs: null,
        last: null,
      }),
    );
    expect(screen.getByRole('status').textContent).toMatch(/^2 of 3/);

    act(() => fake.emit('enrichment:finished', failedBatch));
    expect(screen.getByRole('status').textContent).toBe(
      '1 of 3 companies looked up, 2 failed. Finished; some companies failed.',
    );
    const failures = within(screen.getByRole('list', { name: 'Failed companies' })).getAllByRole('listitem');
    expect(failures.map((li) => li.textContent)).toEqual([
      'GlobexAmbiguous name: 3 companies match and the leads give no domain.Retry',
      'InitechTavily refused the key (401).Retry',
    ]);
    expect(screen.queryByRole('button', { name: 'Cancel enrichment' })).toBeNull();
  });

  it('retries one failed company, or all of them', async () => {
    const fake = installFakeCrm({
      'enrichment:list': async () => [failedBatch],
      'enrichment:retry': async () =>
        batch({ status: 'partial', companiesDone: 1, companiesFailed: 1, companiesPending: 1 }),
    });
    render(<EnrichCompanies importId={2} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Retry Initech' }));
    expect(fake.calls.find((c) => c.channel === 'enrichment:retry')?.request).toEqual({
      batchId: 4,
      companyKey: 'domain:initech.example',
    });
    expect(await screen.findByRole('button', { name: 'Cancel enrichment' })).toBeTruthy();
    act(() => fake.emit('enrichment:finished', failedBatch));
    await userEvent.click(screen.getByRole('button', { name: 'Retry all failed' }));
    expect(fake.calls.filter((c) => c.channel === 'enrichment:retry').at(-1)?.request).toEqual({ batchId: 4 });
  });

  it('cancels a running batch and offers to resume the companies left', async () => {
    const fake = installFakeCrm({
      'enrichment:list': async () => [
        batch({ status: 'running', running: true, companiesDone: 1, companiesPending: 2 }),
      ],
      'enrichment:cancel': async () => ({ cancelled: true }),
    });
    render(<EnrichCompanies importId={2} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel enrichment' }));
    expect(fake.calls.find((c) => c.channel === 'enrichment:cancel')?.request).toEqual({ batchId: 4 });
    act(() => fake.emit('enrichment:finished', batch({ status: 'cancelled', companiesDone: 1, companiesPending: 2 })));
    expect(screen.getByRole('status').textContent).toBe(
      '1 of 3 companies looked up. Cancelled; resume to look up the rest.',
    );
    expect(screen.getByRole('button', { name: 'Resume enrichment' })).toBeTruthy();
  });

  it('offers to resume a batch whose runner died with the app', async () => {
    installFakeCrm({
      'enrichment:list': async () => [batch({ status: 'interrupted', companiesDone: 2, companiesPending: 1 })],
    });
    render(<EnrichCompanies importId={2} />);
    expect(await screen.findByRole('button', { name: 'Resume enrichment' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/Stopped when the app closed/);
  });

  it('shows why a start was refused and stays startable', async () => {
    installFakeCrm({
      'enrichment:list': async () => [],
      'enrichment:start': async () => Promise.reject(crmError('nothing_to_enrich', 'Import 2 has no leads.')),
    });
    render(<EnrichCompanies importId={2} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Enrich companies' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Import 2 has no leads.');
    expect(screen.getByRole('button', { name: 'Enrich companies' })).toBeTruthy();
  });

  it('words the time left', () => {
    expect(etaText(null)).toBe('estimating the time left…');
    expect(etaText(20_000)).toBe('less than a minute left');
    expect(etaText(10 * 60_000)).toBe('about 10 min left');
    expect(etaText(3 * 3_600_000)).toBe('about 3 h left');
  });
});
