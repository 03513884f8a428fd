// The leads table over 100,000 leads: the built renderer in Chromium, `window.crm` bridged to the real
// handlers over a real SQLite file (the e2e harness). Goals: first rows < 500 ms, filter response < 100 ms.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { buildRenderer } from '../tests/e2e/support/build-renderer';
import { openApp, startHarness } from '../tests/e2e/support/app';
import os from 'node:os';
import path from 'node:path';
import { createAppServices, type AppServices } from '../src/core/services/app-services';
import { openConfBackend } from '../src/core/settings/conf-backend';
import { MemorySecretStore } from '../tests/support/memory-secrets';
import { median, report, withPeakMemory } from './support/measure';

const LEADS = 100_000;
const RUNS = 5;
const FIRST_ROWS_GOAL_MS = 500;
const FILTER_GOAL_MS = 100;
const TYPING_MS_PER_KEY = 50;

/** Contacts and leads inserted with one SQL statement each (the FTS triggers index them as the import would). */
function seed(services: AppServices): void {
  services.db.transaction(() => {
    services.db
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         INSERT INTO contacts (first_name, last_name, full_name, full_name_key, email, email_key, title, company_name, company_key, city, country)
         SELECT 'First' || i, 'Last' || i, 'First' || i || ' Last' || i, 'first' || i || ' last' || i,
                CASE WHEN i % 10 = 0 THEN NULL ELSE 'lead' || i || '@co' || (i % 2000) || '.example' END,
                CASE WHEN i % 10 = 0 THEN NULL ELSE 'lead' || i || '@co' || (i % 2000) || '.example' END,
                CASE i % 4 WHEN 0 THEN 'CEO' WHEN 1 THEN 'CFO' WHEN 2 THEN 'VP Sales' ELSE 'Head of Data' END,
                'Company ' || (i % 2000), 'company ' || (i % 2000),
                CASE i % 5 WHEN 0 THEN 'Austin' WHEN 1 THEN 'Berlin' WHEN 2 THEN 'Lyon' WHEN 3 THEN 'Madrid' ELSE 'Toronto' END,
                CASE i % 5 WHEN 0 THEN 'US' WHEN 1 THEN 'DE' WHEN 2 THEN 'FR' WHEN 3 THEN 'ES' ELSE 'CA' END
         FROM n`,
      )
      .run(LEADS);
    services.db
      .prepare(
        `INSERT INTO leads (contact_id, status, source, row_number) SELECT id, CASE id % 3 WHEN 0 THEN 'new' WHEN 1 THEN 'contacted' ELSE 'qualified' END, 'bench', id FROM contacts`,
      )
      .run();
  })();
}

/** Chromium's JS heap in MB, read over CDP. */
export async function jsHeapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024;
}

export const footer = (page: Page) => page.locator('.vtable-foot').textContent();

/** `searchBox` is the search input's selector (the leads table's by default; the Companies bench passes its own). */
export type Action = (
  | { click: string; navLabel?: string }
  | { type: string }
  | { typeKeys: string; msPerKey: number; footer: string }
  | { scrollHalf: true }
) & { searchBox?: string };
export interface Timing {
  /** Until the table shows different loaded rows (for `typeKeys`: the rows of the whole word) and the next frame is painted. */
  rows: number;
  /** Until the footer shows the count as well (the table asks for it after painting the first page). */
  counted: number;
}

/**
 * Measured inside the page, so Playwright's own round trips do not count: from the user's action (a click,
 * typed text, a scroll; for a word typed key by key, its last key) until the table shows the new rows and
 * the next frame is painted, and until the count shows. Starts from a settled table: a count still on its
 * way would change the footer during the next measurement and end it early.
 */
export async function timeInPage(page: Page, action: Action): Promise<Timing> {
  await page.waitForFunction(`!document.querySelector('.vtable-foot')?.textContent.endsWith('…')`);
  // A string, not a function: tsx would add helpers (`__name`) that do not exist in the page.
  return page.evaluate(`(${IN_PAGE})(${JSON.stringify(action)})`) as Promise<Timing>;
}

/** Longer than any action takes even under load: past it, an action is taken to have left the table as it was. */
const STUCK_MS = 30_000;

const IN_PAGE = `async (action) => {
  const footer = () => document.querySelector('.vtable-foot')?.textContent;
  const signature = () => footer() + '|' + [...document.querySelectorAll('.vtable-row')].map((r) => r.querySelector('.link-button')?.textContent ?? '-').join(',');
  const before = document.querySelector('.vtable') ? signature() : '';
  const search = (text) => {
    const input = document.querySelector(action.searchBox ?? '#lead-search');
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  let started = performance.now();
  if (action.typeKeys) {
    for (let i = 1; i < action.typeKeys.length; i++) {
      search(action.typeKeys.slice(0, i));
      await new Promise((resolve) => setTimeout(resolve, action.msPerKey));
    }
    started = performance.now();
    search(action.typeKeys);
  } else if (action.click) {
    const target = action.navLabel ? [...document.querySelectorAll('nav .nav-item')].find((b) => b.textContent.startsWith(action.navLabel)) : document.querySelector(action.click);
    if (!target) throw new Error('Nothing to click for ' + JSON.stringify(action));
    target.click();
  } else if (action.type !== undefined) {
    search(action.type);
  } else {
    const body = document.querySelector('.vtable-body');
    body.scrollTo(0, body.scrollHeight / 2);
  }
  // An action that leaves the rows as they were would otherwise wait for ever: page.evaluate has no timeout.
  const painted = (done, what) =>
    new Promise((resolve, reject) => {
      const check = () => {
        if (done()) requestAnimationFrame(() => resolve(performance.now() - started));
        else if (performance.now() - started > ${STUCK_MS}) reject(new Error('No ' + what + ' after ' + JSON.stringify(action) + ': the table still shows ' + signature().slice(0, 200)));
        else requestAnimationFrame(check);
      };
      check();
    });
  const rowsShown = () => document.querySelector('.vtable-row .link-button') && !document.querySelector('.vtable-placeholder');
  const rows = await painted(() => rowsShown() && (action.typeKeys ? footer() === action.footer : (document.querySelector('.vtable') ? signature() : '') !== before), 'new rows');
  const counted = await painted(() => !footer().endsWith('…'), 'count');
  return { rows, counted };
}`;

/** A data folder seeded by `seedWith` (its time reported as `label`), the built renderer and its harness; `close` removes them. */
export async function seededHarness(prefix: string, seedWith: (services: AppServices) => void, label: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const services = createAppServices({
    dataDir,
    settingsBackend: openConfBackend(dataDir),
    secrets: new MemorySecretStore(),
  });
  const seeded = performance.now();
  seedWith(services);
  report(label, `${(performance.now() - seeded).toFixed(0)} ms`);
  const rendererDir = await buildRenderer();
  const harness = await startHarness(rendererDir);
  const close = async () => {
    await harness.close();
    fs.rmSync(rendererDir, { recursive: true, force: true });
    services.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { services, harness, close };
}

export async function run(): Promise<void> {
  const { services, harness, close } = await seededHarness('table-bench-', seed, 'seed 100,000 leads (SQL)');
  let peakHeap = 0;
  try {
    const { result, peakRssMb } = await withPeakMemory(async () => {
      const { page } = await openApp(harness, services);
      await page.getByRole('button', { name: /^Runs/ }).waitFor();
      const firstRows: Timing[] = [];
      for (let i = 0; i < RUNS; i++) {
        await page.getByRole('button', { name: /^Runs/ }).click();
        await page.getByRole('heading', { name: 'Runs', level: 1 }).waitFor();
        firstRows.push(await timeInPage(page, { click: 'nav .nav-item:nth-of-type(1)', navLabel: 'Leads' }));
        peakHeap = Math.max(peakHeap, await jsHeapMb(page));
      }
      if ((await footer(page)) !== `${LEADS.toLocaleString('en-US')} leads`)
        throw new Error(`The table shows ${await footer(page)}, expected ${LEADS} leads`);
      // Filter: the "With email" checkbox (one query per click).
      const filters: Timing[] = [];
      for (let i = 0; i < RUNS * 2; i++) filters.push(await timeInPage(page, { click: '.inline-check input' }));
      // Search: a word set at once (pasted, or typed before the previous page came back), until its rows show.
      const searches: Timing[] = [];
      for (const word of ['berlin', 'cfo', 'company 17', 'lead4242', 'toronto']) {
        searches.push(await timeInPage(page, { type: word }));
        await timeInPage(page, { type: '' });
      }
      // Search typed key by key, 50 ms apart (a fast typist within a word): from the last key until the
      // whole word's rows and count show, including any wait for a query of an earlier key still on its way.
      const typed: Timing[] = [];
      for (const word of ['lead42', 'company 17', 'first123']) {
        const total = services.leads.countLeads({ filter: { search: word } });
        typed.push(
          await timeInPage(page, {
            typeKeys: word,
            msPerKey: TYPING_MS_PER_KEY,
            footer: `${total.toLocaleString('en-US')} leads`,
          }),
        );
        await timeInPage(page, { type: '' });
      }
      // Sort by a column: another SQLite query.
      const sorts: Timing[] = [];
      for (let i = 0; i < RUNS; i++)
        sorts.push(await timeInPage(page, { click: '.vtable-head [role=columnheader]:nth-child(3) button' }));
      // Scroll half way: rows come from the page at that offset only.
      const scroll = await timeInPage(page, { scrollHalf: true });
      peakHeap = Math.max(peakHeap, await jsHeapMb(page));
      return { firstRows, filters, searches, typed, sorts, scroll };
    });
    const ratio = (ms: number, goal: number) => ({ value: ms / goal, goal: `< 1 (${goal} ms)` });
    const timed = (label: string, timings: Timing[], goal?: number) => {
      for (const [what, ms] of [
        ['rows', median(timings.map((t) => t.rows))],
        ['count', median(timings.map((t) => t.counted))],
      ] as const)
        report(
          `${label}: ${what} (median of ${timings.length})`,
          `${ms.toFixed(0)} ms`,
          ...(goal === undefined ? [] : [ratio(ms, goal)]),
        );
    };
    timed('time to first rows', result.firstRows, FIRST_ROWS_GOAL_MS);
    timed('filter response, With email', result.filters, FILTER_GOAL_MS);
    timed('search set at once', result.searches, FILTER_GOAL_MS);
    timed(`search typed, ${TYPING_MS_PER_KEY} ms per key, from last key`, result.typed, FILTER_GOAL_MS);
    timed('sort by company', result.sorts, FILTER_GOAL_MS);
    report('scroll half way (row 50,000)', `${result.scroll.rows.toFixed(0)} ms`);
    report('peak Chromium JS heap', `${peakHeap.toFixed(1)} MB`);
    report('peak Node RSS (handlers + SQLite + Playwright)', `${peakRssMb.toFixed(0)} MB`);
  } finally {
    await close();
  }
}
