// The Companies screen over 100,000 companies: the built renderer in Chromium, `window.crm` bridged to the
// real handlers over a real SQLite file (the e2e harness), as the leads table's bench. Goals: first rows
// < 500 ms; filter, search and sort < 100 ms.
import { openApp } from '../tests/e2e/support/app';
import type { AppServices } from '../src/core/services/app-services';
import { median, report, withPeakMemory } from './support/measure';
import { footer, jsHeapMb, seededHarness, timeInPage, type Action, type Timing } from './table.bench';

const COMPANIES = 100_000;
/** Leads spread over half the companies (two each), so the leads column and filter have work to do. */
const LEADS = 100_000;
const WATCHED = 300;
const RUNS = 5;
const FIRST_ROWS_GOAL_MS = 500;
const RESPONSE_GOAL_MS = 100;
const SEARCH_BOX = '#company-search';

/**
 * Companies with what their latest reports would have left on their rows, leads and watches: one SQL statement
 * each. Each sorted column cycles with its own period, so each sort the bench clicks shows other first rows
 * (a sort whose first page matched the previous one, as the round date and the refresh day once did on
 * multiples of 18, gives the in-page timing no change to wait for).
 */
function seed(services: AppServices): void {
  services.db.transaction(() => {
    services.db
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         INSERT INTO companies (name, name_key, domain, industry, headquarters, employees, latest_round, latest_round_date, refreshed_at)
         SELECT 'Company ' || i, 'company ' || i, 'co' || i || '.example',
           CASE i % 4 WHEN 0 THEN 'Fintech' WHEN 1 THEN 'Software' WHEN 2 THEN 'Healthcare' ELSE NULL END,
           CASE i % 5 WHEN 0 THEN 'Berlin, Germany' WHEN 1 THEN 'Austin, Texas' WHEN 2 THEN 'Lyon, France' WHEN 3 THEN 'Madrid, Spain' ELSE NULL END,
           CASE WHEN i % 7 = 0 THEN NULL ELSE 10 + i % 5000 END,
           CASE i % 3 WHEN 0 THEN 'Series A' WHEN 1 THEN 'Seed' ELSE NULL END,
           CASE i % 3 WHEN 2 THEN NULL ELSE '202' || (i % 6) || '-0' || (1 + i % 9) || '-15' END,
           CASE i % 2 WHEN 0 THEN '2026-11-0' || (1 + i % 7) || 'T10:00:00.000Z' ELSE NULL END
         FROM n`,
      )
      .run(COMPANIES);
    services.db
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) INSERT INTO contacts (full_name, company_name) SELECT 'Person ' || i, 'Company ' || (1 + i % 50000) FROM n`,
      )
      .run(LEADS);
    services.db
      .prepare(`INSERT INTO leads (contact_id, company_id, status) SELECT id, 1 + id % 50000, 'new' FROM contacts`)
      .run();
    services.db
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         INSERT INTO watches (query, query_key, company_id, workflow, every_minutes, next_due_at) SELECT 'Company ' || (i * 331), 'company ' || (i * 331), i * 331, 'standard', 1440, '2030-01-01' FROM n`,
      )
      .run(WATCHED);
  })();
  services.db.exec('ANALYZE');
}

export async function run(): Promise<void> {
  const { services, harness, close } = await seededHarness(
    'companies-bench-',
    seed,
    'seed 100,000 companies, 100,000 leads (SQL)',
  );
  let peakHeap = 0;
  try {
    const { result, peakRssMb } = await withPeakMemory(async () => {
      const { page } = await openApp(harness, services);
      const time = (action: Action) => timeInPage(page, { ...action, searchBox: SEARCH_BOX });
      await page.getByRole('button', { name: /^Runs/ }).waitFor();
      const firstRows: Timing[] = [];
      for (let i = 0; i < RUNS; i++) {
        await page.getByRole('button', { name: /^Runs/ }).click();
        await page.getByRole('heading', { name: 'Runs', level: 1 }).waitFor();
        firstRows.push(await time({ click: 'nav .nav-item', navLabel: 'Companies' }));
        peakHeap = Math.max(peakHeap, await jsHeapMb(page));
      }
      if ((await footer(page)) !== `${COMPANIES.toLocaleString('en-US')} companies`)
        throw new Error(`The table shows ${await footer(page)}, expected ${COMPANIES} companies`);
      // Filter: the "Watched" checkbox (one query per click).
      const filters: Timing[] = [];
      for (let i = 0; i < RUNS * 2; i++) filters.push(await time({ click: '.inline-check input' }));
      const searches: Timing[] = [];
      for (const word of ['company 17', 'co2424', 'company 999', 'co77', 'company 123']) {
        searches.push(await time({ type: word }));
        await time({ type: '' });
      }
      // Sort: each click on a header is another query (columns: the selection, then Company, Domain, Industry, ...).
      const header = (n: number) => `.vtable-head [role=columnheader]:nth-child(${n}) button`;
      const sorts: Timing[] = [];
      for (const n of [4, 5, 7, 9, 4, 5, 7, 9]) sorts.push(await time({ click: header(n) }));
      const leadSorts: Timing[] = [];
      for (let i = 0; i < RUNS; i++) leadSorts.push(await time({ click: header(10) }));
      const scroll = await time({ scrollHalf: true });
      peakHeap = Math.max(peakHeap, await jsHeapMb(page));
      return { firstRows, filters, searches, sorts, leadSorts, scroll };
    });
    const ratio = (ms: number, goal: number) => ({ value: ms / goal, goal: `< 1 (${goal} ms)` });
    const timed = (label: string, timings: Timing[], goal: number) => {
      for (const [what, ms] of [
        ['rows', median(timings.map((t) => t.rows))],
        ['count', median(timings.map((t) => t.counted))],
      ] as const)
        report(`${label}: ${what} (median of ${timings.length})`, `${ms.toFixed(0)} ms`, ratio(ms, goal));
    };
    timed('time to first rows', result.firstRows, FIRST_ROWS_GOAL_MS);
    timed('filter response, Watched', result.filters, RESPONSE_GOAL_MS);
    timed('search set at once', result.searches, RESPONSE_GOAL_MS);
    timed('sort by industry, headquarters, round date, refreshed', result.sorts, RESPONSE_GOAL_MS);
    timed('sort by leads', result.leadSorts, RESPONSE_GOAL_MS);
    report('scroll half way (row 50,000)', `${result.scroll.rows.toFixed(0)} ms`);
    report('peak Chromium JS heap', `${peakHeap.toFixed(1)} MB`);
    report('peak Node RSS (handlers + SQLite + Playwright)', `${peakRssMb.toFixed(0)} MB`);
  } finally {
    await close();
  }
}
