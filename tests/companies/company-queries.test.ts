import { beforeAll, describe, expect, it } from 'vitest';
import { CompanyQueries, companyPageIds } from '../../src/core/companies/company-queries';
import { CompanyStore } from '../../src/core/companies/company-store';
import type { CompanyRow } from '../../src/core/companies/company-schemas';
import { COMPANY_SORT_COLUMNS } from '../../src/core/companies/company-schemas';
import { openDatabase, type Db } from '../../src/core/store/database';
import { tempDir } from '../support/temp-dir';
import { databaseBefore } from '../support/database-before';

interface ReportParts {
  industry?: string;
  headquarters?: string;
  employees?: string;
  funding?: Array<{ date: string | null; round: string | null }>;
}

/** The parts of a stored report the company list reads (the trigger reads JSON paths, nothing else). */
function report({ industry, headquarters, employees, funding = [] }: ReportParts): string {
  const field = (value?: string) => (value === undefined ? [] : [{ value, sources: ['https://example.com'] }]);
  return JSON.stringify({
    overview: { industry: field(industry), headquarters: field(headquarters), employees: field(employees) },
    funding,
  });
}

/** A run stored as `IntelStore` stores one: inserted running, then finished with its report. */
function storeRun(db: Db, companyId: number, parts: ReportParts, finishedAt: string): number {
  const runId = Number(
    db
      .prepare(`INSERT INTO intel_runs (query, workflow, status, started_at) VALUES ('q', 'standard', 'running', ?)`)
      .run(finishedAt).lastInsertRowid,
  );
  finishRun(db, runId, companyId, parts, finishedAt);
  return runId;
}

function finishRun(db: Db, runId: number, companyId: number, parts: ReportParts, finishedAt: string): void {
  db.prepare(
    `UPDATE intel_runs SET company_id = ?, status = 'completed', report = ?, finished_at = ? WHERE id = ?`,
  ).run(companyId, report(parts), finishedAt, runId);
}

function addLeads(db: Db, companyId: number, count: number): void {
  for (let i = 0; i < count; i++) {
    const contactId = db.prepare(`INSERT INTO contacts (full_name) VALUES ('Someone')`).run().lastInsertRowid;
    db.prepare('INSERT INTO leads (contact_id, company_id) VALUES (?, ?)').run(contactId, companyId);
  }
}

function watch(db: Db, companyId: number): void {
  db.prepare(
    `INSERT INTO watches (query, query_key, company_id, workflow, every_minutes, next_due_at) VALUES (?, ?, ?, 'standard', 60, '2030-01-01')`,
  ).run(`w${companyId}`, `w${companyId}`, companyId);
}

describe('the companies list', () => {
  let db: Db;
  let queries: CompanyQueries;
  const ids: Record<string, number> = {};

  beforeAll(() => {
    db = openDatabase(tempDir('crm-intel-companies-'));
    const store = new CompanyStore(db);
    const add = (name: string, domain: string | null) => (ids[name] = store.upsert({ name, domain, aliases: [] }));
    add('Acme Corp', 'acme.com');
    add('Globex', 'globex.io');
    add('Initech', null);
    add('Umbrella', 'umbrella.co');
    add('Hooli', 'hooli.xyz');
    storeRun(
      db,
      ids['Acme Corp']!,
      {
        industry: 'Fintech',
        headquarters: 'Berlin, Germany',
        employees: '1,200',
        funding: [
          { date: '2024-05-01', round: 'Series A' },
          { date: '2026-02-10', round: 'Series B' },
          { date: null, round: 'Seed' },
        ],
      },
      '2026-03-01T10:00:00.000Z',
    );
    storeRun(
      db,
      ids.Globex!,
      {
        industry: 'Software',
        headquarters: 'Austin, US',
        employees: '45',
        funding: [{ date: '2025-07', round: null }],
      },
      '2026-01-15T10:00:00.000Z',
    );
    storeRun(
      db,
      ids.Umbrella!,
      { industry: 'Healthcare', headquarters: 'Lyon, France', employees: 'about a hundred' },
      '2025-06-01T10:00:00.000Z',
    );
    addLeads(db, ids.Globex!, 3);
    addLeads(db, ids.Initech!, 1);
    watch(db, ids.Umbrella!);
    watch(db, ids['Acme Corp']!);
    queries = new CompanyQueries(db);
  });

  const names = (rows: CompanyRow[]) => rows.map((r) => r.name);
  const all = (query: Parameters<CompanyQueries['list']>[0] = {}) => names(queries.list({ limit: 1000, ...query }));

  it('lists every company with the columns of its latest report, its leads and whether it is watched', () => {
    const acme = queries.list({ filter: { search: 'acme' } })[0];
    expect(acme).toEqual({
      id: ids['Acme Corp'],
      name: 'Acme Corp',
      domain: 'acme.com',
      industry: 'Fintech',
      headquarters: 'Berlin, Germany',
      // The newest dated round, whatever order the report lists them in; "1,200" read as a number.
      latestRound: 'Series B',
      latestRoundDate: '2026-02-10',
      employees: 1200,
      refreshedAt: '2026-03-01T10:00:00.000Z',
      leads: 0,
      watched: true,
    });
    const globex = queries.list({ filter: { search: 'globex' } })[0]!;
    expect([globex.latestRound, globex.latestRoundDate, globex.leads, globex.watched]).toEqual([
      'Undisclosed round',
      '2025-07',
      3,
      false,
    ]);
    // Imported, never looked up: listed with its leads and nothing else.
    const initech = queries.list({ filter: { search: 'initech' } })[0]!;
    expect([initech.industry, initech.refreshedAt, initech.leads]).toEqual([null, null, 1]);
    // Words are no head count.
    expect(queries.list({ filter: { search: 'umbrella' } })[0]!.employees).toBeNull();
  });

  it('follows the newest report: a refresh replaces what it found, keeps what it did not, and a late older run changes nothing', () => {
    const dir = tempDir();
    const own = openDatabase(dir);
    const id = new CompanyStore(own).upsert({ name: 'Stark', domain: 'stark.com', aliases: [] });
    const older = Number(
      own
        .prepare(
          `INSERT INTO intel_runs (query, workflow, status, started_at) VALUES ('Stark', 'standard', 'running', '2026-01-01')`,
        )
        .run().lastInsertRowid,
    );
    storeRun(
      own,
      id,
      { industry: 'Energy', headquarters: 'New York', funding: [{ date: '2025-01-01', round: 'Seed' }] },
      '2026-02-01T00:00:00.000Z',
    );
    storeRun(own, id, { industry: 'Clean energy' }, '2026-03-01T00:00:00.000Z');
    finishRun(own, older, id, { industry: 'Oil' }, '2026-03-02T00:00:00.000Z');
    const row = new CompanyQueries(own).list({})[0]!;
    expect([row.industry, row.headquarters, row.latestRound, row.refreshedAt]).toEqual([
      'Clean energy',
      'New York',
      'Seed',
      '2026-03-01T00:00:00.000Z',
    ]);
    own.close();
  });

  it('fills the columns of companies looked up before the upgrade from their latest report', () => {
    const dir = tempDir();
    const old = databaseBefore(17, dir);
    const id = Number(
      old.prepare(`INSERT INTO companies (name, name_key, domain) VALUES ('Wayne', 'wayne', 'wayne.com')`).run()
        .lastInsertRowid,
    );
    storeRun(old, id, { industry: 'Defence' }, '2025-01-01T00:00:00.000Z');
    storeRun(
      old,
      id,
      { industry: 'Conglomerate', headquarters: 'Gotham', funding: [{ date: '2020', round: 'Series C' }] },
      '2025-02-01T00:00:00.000Z',
    );
    old.close();
    const db = openDatabase(dir);
    const row = new CompanyQueries(db).list({})[0]!;
    expect([row.industry, row.headquarters, row.latestRound, row.latestRoundDate, row.refreshedAt]).toEqual([
      'Conglomerate',
      'Gotham',
      'Series C',
      '2020',
      '2025-02-01T00:00:00.000Z',
    ]);
    db.close();
  });

  it('searches name and domain, with LIKE wildcards taken as text', () => {
    expect(all({ filter: { search: 'HOOLI' } })).toEqual(['Hooli']);
    expect(all({ filter: { search: '.io' } })).toEqual(['Globex']);
    expect(all({ filter: { search: '%' } })).toEqual([]);
    expect(all({ filter: { search: '  ' } })).toHaveLength(5);
  });

  it('filters by industry, headquarters, latest round and its date range, size, last refreshed, leads and watched', () => {
    expect(all({ filter: { industry: 'tech' } })).toEqual(['Acme Corp']);
    expect(all({ filter: { headquarters: 'france' } })).toEqual(['Umbrella']);
    // The latest round is the newest dated one (Series B), not the undated seed nor the earlier Series A.
    expect(all({ filter: { round: 'series b' } })).toEqual(['Acme Corp']);
    expect(all({ filter: { round: 'series a' } })).toEqual([]);
    expect(all({ filter: { round: '_' } })).toEqual([]);
    expect(all({ filter: { roundFrom: '2025-01-01' } })).toEqual(['Acme Corp', 'Globex']);
    // A month-only date falls inside a range that takes in part of that month.
    expect(all({ filter: { roundFrom: '2025-07-15', roundTo: '2025-08-01' } })).toEqual(['Globex']);
    expect(all({ filter: { roundFrom: '2025-08-01', roundTo: '2025-12-31' } })).toEqual([]);
    expect(all({ filter: { roundTo: '2025-12-31' } })).toEqual(['Globex']);
    expect(all({ filter: { employeesMin: 100 } })).toEqual(['Acme Corp']);
    expect(all({ filter: { employeesMax: 100 } })).toEqual(['Globex']);
    expect(all({ filter: { refreshedBefore: '2026-02-01' } })).toEqual(['Globex', 'Hooli', 'Initech', 'Umbrella']);
    expect(all({ filter: { hasLeads: true } })).toEqual(['Globex', 'Initech']);
    expect(all({ filter: { hasLeads: false } })).toEqual(['Acme Corp', 'Hooli', 'Umbrella']);
    expect(all({ filter: { watched: true } })).toEqual(['Acme Corp', 'Umbrella']);
    expect(all({ filter: { watched: false, hasLeads: false } })).toEqual(['Hooli']);
  });

  it('sorts by any column both ways, empty values last, ties by id', () => {
    expect(all({ sort: { column: 'industry', direction: 'asc' } })).toEqual([
      'Acme Corp',
      'Umbrella',
      'Globex',
      'Initech',
      'Hooli',
    ]);
    expect(all({ sort: { column: 'industry', direction: 'desc' } })).toEqual([
      'Globex',
      'Umbrella',
      'Acme Corp',
      'Hooli',
      'Initech',
    ]);
    expect(all({ sort: { column: 'latestRoundDate', direction: 'desc' } }).slice(0, 2)).toEqual([
      'Acme Corp',
      'Globex',
    ]);
    expect(all({ sort: { column: 'employees', direction: 'asc' } }).slice(0, 2)).toEqual(['Globex', 'Acme Corp']);
    expect(all({ sort: { column: 'leads', direction: 'desc' } }).slice(0, 2)).toEqual(['Globex', 'Initech']);
    expect(all({ sort: { column: 'watched', direction: 'desc' } }).slice(0, 2)).toEqual(['Umbrella', 'Acme Corp']);
    expect(all({ sort: { column: 'domain', direction: 'asc' } }).at(-1)).toBe('Initech');
    for (const column of COMPANY_SORT_COLUMNS) {
      for (const direction of ['asc', 'desc'] as const) {
        // Pages of two put together are the whole list: no company twice, none left out.
        const paged = [0, 2, 4].flatMap((offset) =>
          names(queries.list({ offset, limit: 2, sort: { column, direction } })),
        );
        expect(paged, `${column} ${direction}`).toEqual(all({ sort: { column, direction } }));
      }
    }
  });

  it('counts what paging through a filter returns', () => {
    for (const filter of [
      {},
      { search: 'o' },
      { hasLeads: true },
      { watched: true, industry: 'care' },
      { roundFrom: '2030-01-01' },
    ]) {
      expect(queries.count({ filter })).toBe(all({ filter }).length);
    }
  });

  it('reads a sorted page in index order, not by sorting every company', () => {
    for (const column of ['industry', 'latestRoundDate', 'refreshedAt', 'employees', 'name'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const page = companyPageIds({ sort: { column, direction } });
        const steps = (db.prepare(`EXPLAIN QUERY PLAN ${page.sql}`).all(page.params) as Array<{ detail: string }>).map(
          (s) => s.detail,
        );
        expect(steps.join(' | '), `${column} ${direction}`).not.toContain('TEMP B-TREE');
      }
    }
  });
});
