import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { errorMessage } from '../../lib/crm';
import { ErrorBanner } from '../../components/feedback';

export interface Column {
  key: string;
  label: string;
  width: string;
  sortable?: boolean;
}
export type Row = { id: number } & Record<string, unknown>;
export type Sort = { column: string; direction: 'asc' | 'desc' };
/**
 * One page of rows for the current query. The total (which sizes the scroll area) is asked for once per
 * query, with its first page: counting scans every match and costs more than a page.
 */
export type FetchPage = (offset: number, limit: number, withTotal: boolean) => Promise<{ total: number | null; rows: Row[] }>;

const ROW_HEIGHT = 36;
/** About two screens of rows: the first page fills the view, and each page is small to send and to render. */
const PAGE_SIZE = 50;

/**
 * A table over any number of rows that only ever asks for the pages in view, each once. Sorting,
 * filtering and search belong to `fetchPage` (answered by SQLite); a new `queryKey` drops the loaded
 * pages and asks for the first page with the new total before any other page. Rows not loaded yet are
 * grey placeholders of the same height (the previous total holds the scroll area meanwhile), so
 * nothing jumps; a row re-renders only when its own data arrives.
 */
export function VirtualTable({ columns, fetchPage, queryKey, sort, onSort, onOpen, label }: { columns: Column[]; fetchPage: FetchPage; queryKey: string; sort: Sort; onSort: (sort: Sort) => void; onOpen: (row: Row) => void; label: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<Map<number, Row[]>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const requested = useRef(new Set<number>());
  const generation = useRef(0);
  /** The generation (query) whose total is known; other pages wait for it, so none is asked with a stale range. */
  const counted = useRef(-1);
  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  const open = useCallback((row: Row) => openRef.current(row), []);

  // initialRect: a first guess at the viewport until the scroll element is measured (and all jsdom has).
  const virtualizer = useVirtualizer({ count: total ?? 0, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12, initialRect: { width: 1000, height: 600 } });
  const items = virtualizer.getVirtualItems();

  /** Asks for `count` adjacent pages from `page` in one request (one sort, one OFFSET skip in SQLite). */
  const load = (page: number, count = 1) => {
    const pagesAsked = Array.from({ length: count }, (_, i) => page + i);
    if (pagesAsked.some((p) => requested.current.has(p))) return;
    for (const p of pagesAsked) requested.current.add(p);
    const mine = generation.current;
    fetchPage(page * PAGE_SIZE, count * PAGE_SIZE, counted.current !== mine).then(
      (result) => {
        if (mine !== generation.current) return;
        if (result.total !== null) {
          counted.current = mine;
          setTotal(result.total);
        }
        setPages((previous) => {
          const next = new Map(previous);
          for (const p of pagesAsked) next.set(p, result.rows.slice((p - page) * PAGE_SIZE, (p - page + 1) * PAGE_SIZE));
          return next;
        });
      },
      (e: unknown) => {
        if (mine !== generation.current) return;
        for (const p of pagesAsked) requested.current.delete(p);
        setError(errorMessage(e));
      },
    );
  };

  useEffect(() => {
    generation.current += 1;
    requested.current = new Set();
    setPages(new Map());
    setError(null);
    virtualizer.scrollToOffset(0);
    load(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new query is the only reason to start over
  }, [queryKey]);

  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (counted.current !== generation.current) return;
    // The pages in view not asked for yet, each run of adjacent ones as one request.
    const lastPage = Math.floor(last / PAGE_SIZE);
    let runStart: number | null = null;
    for (let page = Math.floor(first / PAGE_SIZE); page <= lastPage + 1; page++) {
      const missing = page <= lastPage && !requested.current.has(page);
      if (missing && runStart === null) runStart = page;
      if (!missing && runStart !== null) {
        load(runStart, page - runStart);
        runStart = null;
      }
    }
  });

  const template = columns.map((c) => c.width).join(' ');
  return (
    <div className="vtable" role="table" aria-label={label} aria-rowcount={total ?? -1}>
      {error && <ErrorBanner message={error} onRetry={() => { setError(null); load(Math.floor(first / PAGE_SIZE)); }} />}
      <div className="vtable-head" role="row" style={{ gridTemplateColumns: template }}>
        {columns.map((c) => {
          const active = sort.column === c.key;
          return (
            <div key={c.key} role="columnheader" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
              {c.sortable ? (
                <button type="button" className="sort-button" onClick={() => onSort({ column: c.key, direction: active && sort.direction === 'asc' ? 'desc' : 'asc' })}>
                  {c.label}
                  <span aria-hidden="true">{active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              ) : (
                c.label
              )}
            </div>
          );
        })}
      </div>
      <div ref={scrollRef} className="vtable-body" tabIndex={0} aria-label={`${label}, scrollable`}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => (
            <TableRow key={item.key} index={item.index} start={item.start} template={template} columns={columns} row={pages.get(Math.floor(item.index / PAGE_SIZE))?.[item.index % PAGE_SIZE]} onOpen={open} />
          ))}
        </div>
      </div>
      <div className="vtable-foot muted" aria-live="polite">
        {total === null ? 'Loading…' : `${total.toLocaleString()} ${total === 1 ? 'lead' : 'leads'}`}
      </div>
    </div>
  );
}

const TableRow = memo(function TableRow({ index, start, template, columns, row, onOpen }: { index: number; start: number; template: string; columns: Column[]; row: Row | undefined; onOpen: (row: Row) => void }) {
  return (
    <div role="row" aria-rowindex={index + 2} className="vtable-row" style={{ gridTemplateColumns: template, transform: `translateY(${start}px)`, height: ROW_HEIGHT }}>
      {row ? (
        columns.map((c, i) => (
          <div key={c.key} role="cell" className="vtable-cell" title={display(row[c.key]) || undefined}>
            {i === 0 ? (
              <button type="button" className="link-button" onClick={() => onOpen(row)}>
                {display(row[c.key])}
              </button>
            ) : (
              display(row[c.key])
            )}
          </div>
        ))
      ) : (
        <div role="cell" className="vtable-placeholder" aria-label="Loading row" />
      )}
    </div>
  );
});

function display(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}
