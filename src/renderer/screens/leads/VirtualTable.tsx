import { memo, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
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
/** One page of rows for the current query. */
export type FetchPage = (offset: number, limit: number) => Promise<Row[]>;
/** How many rows the current query has: asked once per query, after its first page (counting scans every match). */
export type FetchCount = () => Promise<number>;
/** Rows the analyst ticked (a checkbox before each row), for a table whose screen acts on a selection. */
export interface Selection {
  selected: ReadonlySet<number>;
  onToggle: (row: Row) => void;
}

const ROW_HEIGHT = 36;
/** About two screens of rows: the first page fills the view, and each page is small to send and to render. */
const PAGE_SIZE = 50;

/**
 * A table over any number of rows that only ever asks for the pages in view, each once. Sorting,
 * filtering and search belong to `fetchPage` and `fetchCount` (answered by SQLite). A new `queryKey`
 * drops the loaded pages and asks for the first page alone; its rows are painted at once, and the count
 * is asked for after them (a short first page is its own count). The count belongs to `countKey` (what
 * filters the rows, not their order): a query that keeps it, such as another sort, keeps the count known. Until the count arrives the footer says
 * so in the same reserved line and the scroll area keeps its previous size; other pages wait for it, so
 * none is asked with a stale range. Rows not loaded yet are grey placeholders of the same height, so
 * nothing jumps; a row re-renders only when its own data arrives.
 *
 * At most one first page is on its way: a query that changes meanwhile (typing) waits for it, and only
 * the latest waiting query is asked. This coalesces keystrokes without a fixed typing delay.
 */
export function VirtualTable({
  columns,
  fetchPage,
  fetchCount,
  queryKey,
  countKey = queryKey,
  sort,
  onSort,
  onOpen,
  label,
  noun = ['lead', 'leads'],
  selection,
  empty,
  openerBadge,
}: {
  columns: Column[];
  fetchPage: FetchPage;
  fetchCount: FetchCount;
  queryKey: string;
  /** What the count depends on (the filter and data version, without the sort); the query's key by default. */
  countKey?: string;
  sort: Sort;
  onSort: (sort: Sort) => void;
  onOpen: (row: Row) => void;
  label: string;
  noun?: [one: string, many: string];
  selection?: Selection;
  /** Said in the body when the query has no rows, so an empty table says why and what to do. */
  empty?: string;
  /** Shown beside a row's opener (its first cell), e.g. a lead's "Sample" badge; a stable function, as rows are memoised. */
  openerBadge?: (row: Row) => ReactNode;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  /** The current query's row count, once known. */
  const [total, setTotal] = useState<number | null>(null);
  /** Rows the scroll area holds: the total once known, meanwhile at least the rows loaded. */
  const [extent, setExtent] = useState(0);
  const [pages, setPages] = useState<Map<number, Row[]>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const requested = useRef(new Set<number>());
  const generation = useRef(0);
  /** The generation (query) whose total is known; other pages wait for it. */
  const counted = useRef(-1);
  /** The `countKey` of the current generation. */
  const generationCountKey = useRef<string | null>(null);
  /** A generation whose count is the previous one's (same `countKey`): known once its first page is shown. */
  const countKept = useRef(-1);
  const firstPageOnItsWay = useRef(false);
  const queryWaiting = useRef(false);
  /** When the current query and the one before it started (`performance.now()`): how fast queries come. */
  const queryStarts = useRef<[previous: number, current: number]>([-Infinity, -Infinity]);
  // The callbacks of the latest render: a waiting query starts from an older render's promise callback.
  const fetchPageRef = useRef(fetchPage);
  fetchPageRef.current = fetchPage;
  const fetchCountRef = useRef(fetchCount);
  fetchCountRef.current = fetchCount;
  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  const open = useCallback((row: Row) => openRef.current(row), []);

  // initialRect: a first guess at the viewport until the scroll element is measured (and all jsdom has).
  const virtualizer = useVirtualizer({
    count: extent,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1000, height: 600 },
  });
  const items = virtualizer.getVirtualItems();

  const showPages = (page: number, count: number, rows: Row[]) =>
    setPages((previous) => {
      const next = new Map(previous);
      for (let p = page; p < page + count; p++)
        next.set(p, rows.slice((p - page) * PAGE_SIZE, (p - page + 1) * PAGE_SIZE));
      return next;
    });

  const settleCount = (mine: number, rowCount: number) => {
    counted.current = mine;
    setTotal(rowCount);
    setExtent(rowCount);
  };

  const loadCount = () => {
    const mine = generation.current;
    fetchCountRef.current().then(
      (rowCount) => mine === generation.current && settleCount(mine, rowCount),
      (e: unknown) => mine === generation.current && setError(errorMessage(e)),
    );
  };

  /**
   * Asks the count of a query whose first page took `pageMs`. While queries come faster than their first
   * pages (the analyst is typing), the count waits as long again and is not asked if the query changed
   * meanwhile: a count cannot be stopped once SQLite runs it, and the count of a short prefix ("le") scans
   * most rows, holding up the pages of the letters typed after it.
   */
  const countWhenSettled = (mine: number, pageMs: number) => {
    const [previous, current] = queryStarts.current;
    if (current - previous >= pageMs) return loadCount();
    setTimeout(() => mine === generation.current && loadCount(), pageMs);
  };

  /** The current query's first page, unless another first page is on its way (then it waits for that one). */
  const loadFirstPage = () => {
    if (firstPageOnItsWay.current) {
      queryWaiting.current = true;
      return;
    }
    firstPageOnItsWay.current = true;
    requested.current.add(0);
    const mine = generation.current;
    const asked = performance.now();
    const settled = () => {
      firstPageOnItsWay.current = false;
      if (queryWaiting.current) {
        queryWaiting.current = false;
        loadFirstPage();
      }
    };
    fetchPageRef.current(0, PAGE_SIZE).then(
      (rows) => {
        settled();
        if (mine !== generation.current) return;
        showPages(0, 1, rows);
        if (countKept.current === mine) {
          counted.current = mine; // the count of the same rows, kept from the previous query
          return;
        }
        if (rows.length < PAGE_SIZE) settleCount(mine, rows.length);
        else {
          setExtent((previous) => Math.max(previous, rows.length));
          countWhenSettled(mine, performance.now() - asked);
        }
      },
      (e: unknown) => {
        settled();
        if (mine !== generation.current) return;
        requested.current.delete(0);
        setError(errorMessage(e));
      },
    );
  };

  /** Asks for `count` adjacent pages from `page` in one request (one sort, one OFFSET skip in SQLite). */
  const load = (page: number, count = 1) => {
    const pagesAsked = Array.from({ length: count }, (_, i) => page + i);
    if (pagesAsked.some((p) => requested.current.has(p))) return;
    for (const p of pagesAsked) requested.current.add(p);
    const mine = generation.current;
    fetchPageRef.current(page * PAGE_SIZE, count * PAGE_SIZE).then(
      (rows) => mine === generation.current && showPages(page, count, rows),
      (e: unknown) => {
        if (mine !== generation.current) return;
        for (const p of pagesAsked) requested.current.delete(p);
        setError(errorMessage(e));
      },
    );
  };

  useEffect(() => {
    // Only the order changed: the rows counted are the same, so the count stays and none is asked.
    const known = counted.current === generation.current || countKept.current === generation.current;
    const keepCount = known && generationCountKey.current === countKey;
    generation.current += 1;
    generationCountKey.current = countKey;
    queryStarts.current = [queryStarts.current[1], performance.now()];
    requested.current = new Set();
    setPages(new Map());
    if (keepCount) countKept.current = generation.current;
    else setTotal(null);
    setError(null);
    virtualizer.scrollToOffset(0);
    loadFirstPage();
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

  const retry = () => {
    setError(null);
    if (!pages.has(0)) loadFirstPage();
    else if (total === null) loadCount();
    else load(Math.floor(first / PAGE_SIZE));
  };

  const template = [...(selection ? [SELECT_WIDTH] : []), ...columns.map((c) => c.width)].join(' ');
  return (
    <div className="vtable" role="table" aria-label={label} aria-rowcount={total ?? -1} aria-busy={total === null}>
      {error && <ErrorBanner message={error} onRetry={retry} />}
      <div className="vtable-head" role="row" style={{ gridTemplateColumns: template }}>
        {selection && (
          <div role="columnheader">
            <span className="visually-hidden">Selected</span>
          </div>
        )}
        {columns.map((c) => {
          const active = sort.column === c.key;
          return (
            <div
              key={c.key}
              role="columnheader"
              aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              {c.sortable ? (
                <button
                  type="button"
                  className="sort-button"
                  onClick={() =>
                    onSort({ column: c.key, direction: active && sort.direction === 'asc' ? 'desc' : 'asc' })
                  }
                >
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
        {total === 0 && empty && <p className="vtable-empty muted">{empty}</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => (
            <TableRow
              key={item.key}
              index={item.index}
              start={item.start}
              template={template}
              columns={columns}
              row={pages.get(Math.floor(item.index / PAGE_SIZE))?.[item.index % PAGE_SIZE]}
              onOpen={open}
              selection={selection}
              openerBadge={openerBadge}
            />
          ))}
        </div>
      </div>
      <div className="vtable-foot muted" aria-live="polite">
        {total !== null
          ? `${total.toLocaleString()} ${total === 1 ? noun[0] : noun[1]}`
          : pages.has(0)
            ? 'Counting…'
            : 'Loading…'}
      </div>
    </div>
  );
}

const SELECT_WIDTH = '36px';

const TableRow = memo(function TableRow({
  index,
  start,
  template,
  columns,
  row,
  onOpen,
  selection,
  openerBadge,
}: {
  index: number;
  start: number;
  template: string;
  columns: Column[];
  row: Row | undefined;
  onOpen: (row: Row) => void;
  selection?: Selection;
  openerBadge?: (row: Row) => ReactNode;
}) {
  const selected = row !== undefined && selection?.selected.has(row.id) === true;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selection ? selected : undefined}
      className="vtable-row"
      style={{ gridTemplateColumns: template, transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
    >
      {row && selection && (
        <div role="cell" className="vtable-cell">
          <input
            type="checkbox"
            checked={selected}
            aria-label={`Select ${display(row[columns[0]!.key])}`}
            onChange={() => selection.onToggle(row)}
          />
        </div>
      )}
      {row ? (
        columns.map((c, i) => (
          <div key={c.key} role="cell" className="vtable-cell" title={display(row[c.key]) || undefined}>
            {i === 0 ? (
              <span className="vtable-opener">
                <button type="button" className="link-button" onClick={() => onOpen(row)}>
                  {display(row[c.key])}
                </button>
                {openerBadge?.(row)}
              </span>
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
