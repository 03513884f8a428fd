// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { VirtualTable, type Column, type FetchPage, type Row } from '../../src/renderer/screens/leads/VirtualTable';
import { crmError, deferred } from './support/fake-crm';

const columns: Column[] = [
  { key: 'name', label: 'Name', width: '2fr', sortable: true },
  { key: 'company', label: 'Company', width: '2fr', sortable: true },
];

function rows(offset: number, limit: number, total: number): Row[] {
  return Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({ id: offset + i + 1, name: `Lead ${offset + i + 1}`, company: 'Acme' }));
}

function table(fetchPage: FetchPage, props: Partial<Parameters<typeof VirtualTable>[0]> = {}) {
  return <VirtualTable label="Leads" columns={columns} fetchPage={fetchPage} queryKey="q1" sort={{ column: 'name', direction: 'asc' }} onSort={() => {}} onOpen={() => {}} {...props} />;
}

// jsdom does no layout: give elements the size of a 600 px high viewport so the virtualiser has one.
const sizes = { clientHeight: 600, clientWidth: 1000, offsetHeight: 600, offsetWidth: 1000 };
beforeAll(() => {
  for (const [name, value] of Object.entries(sizes)) Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value });
});
afterAll(() => {
  for (const name of Object.keys(sizes)) Reflect.deleteProperty(HTMLElement.prototype, name);
});

describe('Virtual leads table', () => {
  it('asks only for the first page of 100,000 rows and renders only the rows in view', async () => {
    const fetchPage = vi.fn<FetchPage>(async (offset, limit) => ({ total: 100_000, rows: rows(offset, limit, 100_000) }));
    render(table(fetchPage));
    expect(await screen.findByText('100,000 leads')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Lead 1' })).toBeTruthy();
    expect(fetchPage).toHaveBeenCalledTimes(1);
    expect(fetchPage).toHaveBeenCalledWith(0, 50, true);
    expect(screen.getAllByRole('row').length).toBeLessThan(60);
  });

  it('counts once per query: pages further down come without a total, and a page held is not asked again', async () => {
    const fetchPage = vi.fn<FetchPage>(async (offset, limit, withTotal) => ({ total: withTotal ? 100_000 : null, rows: rows(offset, limit, 100_000) }));
    render(table(fetchPage));
    await screen.findByRole('button', { name: 'Lead 1' });
    const body = screen.getByLabelText('Leads, scrollable');
    body.scrollTop = 5000 * 36;
    body.dispatchEvent(new Event('scroll'));
    expect(await screen.findByRole('button', { name: 'Lead 5001' })).toBeTruthy();
    expect(screen.getByText('100,000 leads')).toBeTruthy();
    body.scrollTop = 0;
    body.dispatchEvent(new Event('scroll'));
    await screen.findByRole('button', { name: 'Lead 1' });
    // Rows 4,988-5,031 with overscan: pages 4,950 and 5,000 in one request; page 0 is held, so not asked again.
    expect(fetchPage.mock.calls).toEqual([
      [0, 50, true],
      [4950, 100, false],
    ]);
  });

  it('asks for adjacent pages in view with one request', async () => {
    const fetchPage = vi.fn<FetchPage>(async (offset, limit, withTotal) => ({ total: withTotal ? 100_000 : null, rows: rows(offset, limit, 100_000) }));
    render(table(fetchPage));
    await screen.findByRole('button', { name: 'Lead 1' });
    const body = screen.getByLabelText('Leads, scrollable');
    // Row 5,040 at the top: the view and its overscan straddle rows 5,000-5,049 and 5,050-5,099.
    body.scrollTop = 5040 * 36;
    body.dispatchEvent(new Event('scroll'));
    expect(await screen.findByRole('button', { name: 'Lead 5041' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Lead 5060' })).toBeTruthy();
    expect(fetchPage.mock.calls.slice(1)).toEqual([[5000, 100, false]]);
  });

  it('after a query change deep in the list, asks for the new first page (with its total) before any other', async () => {
    const fetchPage = vi.fn<FetchPage>(async (offset, limit, withTotal) => ({ total: withTotal ? 100_000 : null, rows: rows(offset, limit, 100_000) }));
    const { rerender } = render(table(fetchPage));
    await screen.findByRole('button', { name: 'Lead 1' });
    const body = screen.getByLabelText('Leads, scrollable');
    body.scrollTop = 5000 * 36;
    body.dispatchEvent(new Event('scroll'));
    await screen.findByRole('button', { name: 'Lead 5001' });
    const pending = deferred<{ total: number | null; rows: Row[] }>();
    const filtered = vi.fn<FetchPage>(() => pending.promise);
    rerender(table(filtered, { queryKey: 'q2' }));
    expect(filtered.mock.calls).toEqual([[0, 50, true]]);
    pending.resolve({ total: 1, rows: [{ id: 9, name: 'Only Match', company: 'Zed' }] });
    expect(await screen.findByRole('button', { name: 'Only Match' })).toBeTruthy();
    expect(filtered.mock.calls).toEqual([[0, 50, true]]);
  });

  it('shows placeholders while the first page loads', () => {
    const pending = deferred<{ total: number | null; rows: Row[] }>();
    render(table(() => pending.promise));
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect(screen.queryAllByRole('cell')).toHaveLength(0);
  });

  it('sorts through the caller, toggling the direction of the active column', async () => {
    const onSort = vi.fn();
    render(table(async (o, l) => ({ total: 3, rows: rows(o, l, 3) }), { onSort }));
    await screen.findByRole('button', { name: 'Lead 1' });
    await userEvent.click(screen.getByRole('button', { name: /^Name/ }));
    expect(onSort).toHaveBeenCalledWith({ column: 'name', direction: 'desc' });
    await userEvent.click(screen.getByRole('button', { name: /^Company/ }));
    expect(onSort).toHaveBeenCalledWith({ column: 'company', direction: 'asc' });
    expect(screen.getAllByRole('columnheader')[0]!.getAttribute('aria-sort')).toBe('ascending');
  });

  it('starts over from the first page when the query changes, dropping rows of the old query', async () => {
    const fetchPage = vi.fn<FetchPage>(async (o, l) => ({ total: 3, rows: rows(o, l, 3) }));
    const { rerender } = render(table(fetchPage));
    await screen.findByRole('button', { name: 'Lead 1' });
    const filtered = vi.fn<FetchPage>(async () => ({ total: 1, rows: [{ id: 9, name: 'Only Match', company: 'Zed' }] }));
    rerender(table(filtered, { queryKey: 'q2' }));
    expect(await screen.findByRole('button', { name: 'Only Match' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lead 1' })).toBeNull();
    expect(screen.getByText('1 lead')).toBeTruthy();
  });

  it('opens a lead from its first cell', async () => {
    const onOpen = vi.fn();
    render(table(async (o, l) => ({ total: 2, rows: rows(o, l, 2) }), { onOpen }));
    await userEvent.click(await screen.findByRole('button', { name: 'Lead 2' }));
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 2 }));
  });

  it('shows a failed page as an error with retry', async () => {
    let fail = true;
    render(
      table(async (o, l) => {
        if (fail) throw crmError('internal', 'Something went wrong in the app. The details are in the log.');
        return { total: 1, rows: rows(o, l, 1) };
      }),
    );
    const alert = await screen.findByRole('alert');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Lead 1' })).toBeTruthy());
  });
});
