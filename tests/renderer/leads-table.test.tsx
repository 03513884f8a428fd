// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  VirtualTable,
  type Column,
  type FetchCount,
  type FetchPage,
  type Row,
} from '../../src/renderer/screens/leads/VirtualTable';
import { crmError, deferred } from './support/fake-crm';

const columns: Column[] = [
  { key: 'name', label: 'Name', width: '2fr', sortable: true },
  { key: 'company', label: 'Company', width: '2fr', sortable: true },
];

function rows(offset: number, limit: number, total: number): Row[] {
  return Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({
    id: offset + i + 1,
    name: `Lead ${offset + i + 1}`,
    company: 'Acme',
  }));
}

/** A query over `total` rows, answered at once. */
function query(total: number) {
  return {
    fetchPage: vi.fn<FetchPage>(async (offset, limit) => rows(offset, limit, total)),
    fetchCount: vi.fn<FetchCount>(async () => total),
  };
}

function table(
  source: { fetchPage: FetchPage; fetchCount: FetchCount },
  props: Partial<Parameters<typeof VirtualTable>[0]> = {},
) {
  return (
    <VirtualTable
      label="Leads"
      columns={columns}
      {...source}
      queryKey="q1"
      sort={{ column: 'name', direction: 'asc' }}
      onSort={() => {}}
      onOpen={() => {}}
      {...props}
    />
  );
}

/** The height of the scroll area, in rows. */
function scrollRows(): number {
  return parseFloat((screen.getByLabelText('Leads, scrollable').firstElementChild as HTMLElement).style.height) / 36;
}

// jsdom does no layout: give elements the size of a 600 px high viewport so the virtualiser has one.
const sizes = { clientHeight: 600, clientWidth: 1000, offsetHeight: 600, offsetWidth: 1000 };
beforeAll(() => {
  for (const [name, value] of Object.entries(sizes))
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value });
});
afterAll(() => {
  for (const name of Object.keys(sizes)) Reflect.deleteProperty(HTMLElement.prototype, name);
});

describe('Virtual leads table', () => {
  it('asks only for the first page of 100,000 rows, then their count, and renders only the rows in view', async () => {
    const source = query(100_000);
    render(table(source));
    expect(await screen.findByText('100,000 leads')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Lead 1' })).toBeTruthy();
    expect(source.fetchPage.mock.calls).toEqual([[0, 50]]);
    expect(source.fetchCount).toHaveBeenCalledTimes(1);
    expect(screen.getAllByRole('row').length).toBeLessThan(60);
  });

  it('paints the first page before the count arrives, in a reserved footer line, and asks no other page meanwhile', async () => {
    const count = deferred<number>();
    const source = {
      fetchPage: vi.fn<FetchPage>(async (offset, limit) => rows(offset, limit, 20_000)),
      fetchCount: vi.fn<FetchCount>(() => count.promise),
    };
    render(table(source));
    const firstRow = await screen.findByRole('button', { name: 'Lead 1' });
    const footer = screen.getByText('Counting…');
    expect(screen.getByRole('table').getAttribute('aria-busy')).toBe('true');
    expect(screen.queryAllByLabelText('Loading row')).toHaveLength(0);
    expect(scrollRows()).toBe(50);
    expect(source.fetchCount).toHaveBeenCalledTimes(1);

    count.resolve(20_000);
    expect(await screen.findByText('20,000 leads')).toBe(footer);
    // The rows in view stay where they are: the same first row at the top; only the scroll area grows.
    expect(screen.getByRole('button', { name: 'Lead 1' })).toBe(firstRow);
    expect((firstRow.closest('[role=row]') as HTMLElement).style.transform).toBe('translateY(0px)');
    expect(scrollRows()).toBe(20_000);
    expect(screen.getByRole('table').getAttribute('aria-busy')).toBe('false');
    expect(source.fetchPage.mock.calls).toEqual([[0, 50]]);
  });

  it('keeps the scroll area of the previous query while the new one is counted', async () => {
    const { rerender } = render(table(query(100_000)));
    await screen.findByText('100,000 leads');
    const count = deferred<number>();
    rerender(
      table(
        { fetchPage: async (offset, limit) => rows(offset, limit, 20_000), fetchCount: () => count.promise },
        { queryKey: 'q2' },
      ),
    );
    await screen.findByText('Counting…');
    expect(scrollRows()).toBe(100_000);
    count.resolve(20_000);
    await screen.findByText('20,000 leads');
    expect(scrollRows()).toBe(20_000);
  });

  it('keeps the count when only the sort changes, and counts again when the rows counted change', async () => {
    const source = query(100_000);
    const { rerender } = render(table(source, { queryKey: 'name', countKey: 'all' }));
    await screen.findByText('100,000 leads');
    const page = deferred<Row[]>();
    const sorted = { fetchPage: vi.fn<FetchPage>(() => page.promise), fetchCount: source.fetchCount };
    rerender(table(sorted, { queryKey: 'company', countKey: 'all' }));
    // The count shows while the new order's first page is on its way, and no page deeper is asked before it.
    expect(screen.getByText('100,000 leads')).toBeTruthy();
    expect(sorted.fetchPage.mock.calls).toEqual([[0, 50]]);
    page.resolve(rows(0, 50, 100_000));
    expect(await screen.findByRole('button', { name: 'Lead 1' })).toBeTruthy();
    rerender(table(sorted, { queryKey: 'company desc', countKey: 'all' }));
    await waitFor(() => expect(sorted.fetchPage).toHaveBeenCalledTimes(2));
    expect(source.fetchCount).toHaveBeenCalledTimes(1);
    expect(scrollRows()).toBe(100_000);

    const filtered = query(20_000);
    rerender(table(filtered, { queryKey: 'company, with email', countKey: 'with email' }));
    expect(await screen.findByText('20,000 leads')).toBeTruthy();
    expect(filtered.fetchCount).toHaveBeenCalledTimes(1);
  });

  it('while queries come faster than their first pages, counts only a query that stays as long as its page took', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const flush = () => act(async () => {});
      const slowQuery = (total: number) => {
        const page = deferred<Row[]>();
        return {
          page,
          fetchPage: vi.fn<FetchPage>(() => page.promise),
          fetchCount: vi.fn<FetchCount>(async () => total),
        };
      };
      const { rerender } = render(table(query(100_000), { queryKey: 'l' }));
      await flush();
      // "la" typed at once after "l": its first page takes 40 ms, so its count waits 40 ms more, then is asked.
      const la = slowQuery(40_000);
      rerender(table(la, { queryKey: 'la' }));
      await flush();
      await act(async () => vi.advanceTimersByTime(40));
      la.page.resolve(rows(0, 50, 40_000));
      await flush();
      await act(async () => vi.advanceTimersByTime(39));
      expect(la.fetchCount).not.toHaveBeenCalled();
      await act(async () => vi.advanceTimersByTime(1));
      expect(la.fetchCount).toHaveBeenCalledTimes(1);
      expect(screen.getByText('40,000 leads')).toBeTruthy();

      // "l", at once "le", then "lea" within the time "le"'s page took: the count of "le" is never asked (SQLite would scan
      // 90,000 matches for a query already gone); "lea", whose page came back at once, is counted at once.
      rerender(table(query(100_000), { queryKey: 'l again' }));
      await flush();
      const le = slowQuery(90_000);
      rerender(table(le, { queryKey: 'le' }));
      await flush();
      await act(async () => vi.advanceTimersByTime(40));
      le.page.resolve(rows(0, 50, 90_000));
      await flush();
      await act(async () => vi.advanceTimersByTime(10));
      const lea = query(1_000);
      rerender(table(lea, { queryKey: 'lea' }));
      await flush();
      expect(lea.fetchCount).toHaveBeenCalledTimes(1);
      await act(async () => vi.advanceTimersByTime(100));
      expect(le.fetchCount).not.toHaveBeenCalled();
      expect(screen.getByText('1,000 leads')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('takes a short first page as its own count', async () => {
    const source = query(3);
    render(table(source));
    expect(await screen.findByText('3 leads')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Lead 3' })).toBeTruthy();
    expect(source.fetchCount).not.toHaveBeenCalled();
  });

  it('counts once per query: pages further down are asked after it, and a page held is not asked again', async () => {
    const source = query(100_000);
    render(table(source));
    await screen.findByText('100,000 leads');
    const body = screen.getByLabelText('Leads, scrollable');
    body.scrollTop = 5000 * 36;
    body.dispatchEvent(new Event('scroll'));
    expect(await screen.findByRole('button', { name: 'Lead 5001' })).toBeTruthy();
    body.scrollTop = 0;
    body.dispatchEvent(new Event('scroll'));
    await screen.findByRole('button', { name: 'Lead 1' });
    // Rows 4,988-5,031 with overscan: pages 4,950 and 5,000 in one request; page 0 is held, so not asked again.
    expect(source.fetchPage.mock.calls).toEqual([
      [0, 50],
      [4950, 100],
    ]);
    expect(source.fetchCount).toHaveBeenCalledTimes(1);
  });

  it('asks for adjacent pages in view with one request', async () => {
    const source = query(100_000);
    render(table(source));
    await screen.findByText('100,000 leads');
    const body = screen.getByLabelText('Leads, scrollable');
    // Row 5,040 at the top: the view and its overscan straddle rows 5,000-5,049 and 5,050-5,099.
    body.scrollTop = 5040 * 36;
    body.dispatchEvent(new Event('scroll'));
    expect(await screen.findByRole('button', { name: 'Lead 5041' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Lead 5060' })).toBeTruthy();
    expect(source.fetchPage.mock.calls.slice(1)).toEqual([[5000, 100]]);
  });

  it('after a query change deep in the list, asks for the new first page before any other', async () => {
    const { rerender } = render(table(query(100_000)));
    await screen.findByText('100,000 leads');
    const body = screen.getByLabelText('Leads, scrollable');
    body.scrollTop = 5000 * 36;
    body.dispatchEvent(new Event('scroll'));
    await screen.findByRole('button', { name: 'Lead 5001' });
    const pending = deferred<Row[]>();
    const filtered = {
      fetchPage: vi.fn<FetchPage>(() => pending.promise),
      fetchCount: vi.fn<FetchCount>(async () => 1),
    };
    rerender(table(filtered, { queryKey: 'q2' }));
    expect(filtered.fetchPage.mock.calls).toEqual([[0, 50]]);
    pending.resolve([{ id: 9, name: 'Only Match', company: 'Zed' }]);
    expect(await screen.findByRole('button', { name: 'Only Match' })).toBeTruthy();
    expect(screen.getByText('1 lead')).toBeTruthy();
    expect(filtered.fetchPage.mock.calls).toEqual([[0, 50]]);
  });

  it('coalesces queries typed while a first page is on its way: only the latest is asked, when that page is back', async () => {
    const { rerender } = render(table(query(100_000)));
    await screen.findByText('100,000 leads');
    const slow = deferred<Row[]>();
    const b = { fetchPage: vi.fn<FetchPage>(() => slow.promise), fetchCount: vi.fn<FetchCount>(async () => 0) };
    rerender(table(b, { queryKey: 'b' }));
    const be = query(2);
    rerender(table(be, { queryKey: 'be' }));
    const ber = {
      fetchPage: vi.fn<FetchPage>(async () => [{ id: 7, name: 'Berta', company: 'Acme' }]),
      fetchCount: vi.fn<FetchCount>(async () => 1),
    };
    rerender(table(ber, { queryKey: 'ber' }));
    expect(b.fetchPage).toHaveBeenCalledTimes(1);
    expect(ber.fetchPage).not.toHaveBeenCalled();
    slow.resolve(rows(0, 50, 100));
    expect(await screen.findByRole('button', { name: 'Berta' })).toBeTruthy();
    expect(screen.getByText('1 lead')).toBeTruthy();
    expect(be.fetchPage).not.toHaveBeenCalled();
    expect(b.fetchCount).not.toHaveBeenCalled();
    expect(ber.fetchPage.mock.calls).toEqual([[0, 50]]);
    expect(screen.queryByRole('button', { name: 'Lead 1' })).toBeNull();
  });

  it('shows placeholders while the first page loads', () => {
    const pending = deferred<Row[]>();
    render(table({ fetchPage: () => pending.promise, fetchCount: async () => 0 }));
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect(screen.queryAllByRole('cell')).toHaveLength(0);
  });

  it('sorts through the caller, toggling the direction of the active column', async () => {
    const onSort = vi.fn();
    render(table(query(3), { onSort }));
    await screen.findByRole('button', { name: 'Lead 1' });
    await userEvent.click(screen.getByRole('button', { name: /^Name/ }));
    expect(onSort).toHaveBeenCalledWith({ column: 'name', direction: 'desc' });
    await userEvent.click(screen.getByRole('button', { name: /^Company/ }));
    expect(onSort).toHaveBeenCalledWith({ column: 'company', direction: 'asc' });
    expect(screen.getAllByRole('columnheader')[0]!.getAttribute('aria-sort')).toBe('ascending');
  });

  it('starts over from the first page when the query changes, dropping rows of the old query', async () => {
    const { rerender } = render(table(query(3)));
    await screen.findByRole('button', { name: 'Lead 1' });
    rerender(
      table(
        { fetchPage: async () => [{ id: 9, name: 'Only Match', company: 'Zed' }], fetchCount: async () => 1 },
        { queryKey: 'q2' },
      ),
    );
    expect(await screen.findByRole('button', { name: 'Only Match' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lead 1' })).toBeNull();
    expect(screen.getByText('1 lead')).toBeTruthy();
  });

  it('opens a lead from its first cell', async () => {
    const onOpen = vi.fn();
    render(table(query(2), { onOpen }));
    await userEvent.click(await screen.findByRole('button', { name: 'Lead 2' }));
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 2 }));
  });

  it('shows a failed page as an error with retry', async () => {
    let fail = true;
    render(
      table({
        fetchPage: async (o, l) => {
          if (fail) throw crmError('internal', 'Something went wrong in the app. The details are in the log.');
          return rows(o, l, 1);
        },
        fetchCount: async () => 1,
      }),
    );
    const alert = await screen.findByRole('alert');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Lead 1' })).toBeTruthy());
  });

  it('keeps the rows of a failed count and asks for the count again on retry', async () => {
    let fail = true;
    const source = {
      fetchPage: vi.fn<FetchPage>(async (o, l) => rows(o, l, 500)),
      fetchCount: vi.fn<FetchCount>(async () => {
        if (fail) throw crmError('internal', 'Something went wrong in the app. The details are in the log.');
        return 500;
      }),
    };
    render(table(source));
    const alert = await screen.findByRole('alert');
    expect(screen.getByRole('button', { name: 'Lead 1' })).toBeTruthy();
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('500 leads')).toBeTruthy();
    expect(source.fetchPage.mock.calls).toEqual([[0, 50]]);
  });
});
