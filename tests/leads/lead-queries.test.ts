import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/core/leads/import/run-import';
import { leadPageStatement, newestSearchPageStatement } from '../../src/core/leads/query/lead-queries';
import type { LeadListQuery } from '../../src/core/leads/query/lead-schemas';
import type { AppServices } from '../../src/core/services/app-services';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { writeEncoded } from './support';

describe('leads table queries', () => {
  let services: AppServices;
  let firstImport: number;

  beforeAll(async () => {
    services = testServices({ dataDir: tempDir('crm-intel-queries-') });
    const people = Array.from(
      { length: 250 },
      (_, i) =>
        `Person${String(i).padStart(3, '0')},Sur${i},p${i}@example.com,${i % 2 ? 'Acme Inc' : 'Globex'},${i % 3 ? 'New' : 'Won'},${i % 5 ? '+1 415 555 0100' : ''}`,
    );
    const file = writeEncoded(
      path.join(tempDir(), 'a.csv'),
      `First Name,Last Name,Email,Company,Lead Status,Phone\n${people.join('\n')}\n`,
      'utf-8',
    );
    firstImport = (await runImport(services.db, { file, phoneRegion: 'US' })).importId!;
    const second = writeEncoded(
      path.join(tempDir(), 'b.csv'),
      'Full Name,Company,Title\nJosé Müller,Café Größe GmbH,Head of Sales\nAnna Bell,Initech,CEO\n',
      'utf-8',
    );
    await runImport(services.db, { file: second, phoneRegion: 'US' });
  });

  it('pages with a total, sorted by any column with ties broken by id', () => {
    const page = services.leads.listLeads({ offset: 10, limit: 5, sort: { column: 'name', direction: 'asc' } });
    expect(page.total).toBe(252);
    expect(page.rows.map((r) => r.fullName)).toEqual([
      'Person008 Sur8',
      'Person009 Sur9',
      'Person010 Sur10',
      'Person011 Sur11',
      'Person012 Sur12',
    ]);
    const desc = services.leads.listLeads({ limit: 2, sort: { column: 'company', direction: 'desc' } });
    expect(desc.rows.map((r) => r.company)).toEqual(['Initech', 'Globex']);
  });

  it('leaves the count out when asked (a table counts once per query, not per page)', () => {
    const page = services.leads.listLeads({
      offset: 10,
      limit: 5,
      withTotal: false,
      sort: { column: 'name', direction: 'asc' },
    });
    expect(page.total).toBeNull();
    expect(page.rows.map((r) => r.fullName)).toEqual(
      services.leads
        .listLeads({ offset: 10, limit: 5, sort: { column: 'name', direction: 'asc' } })
        .rows.map((r) => r.fullName),
    );
  });

  it('counts apart from the page (leads:count) exactly the leads that paging through the query returns', () => {
    const filters = [
      {},
      { search: 'p1' },
      { search: 'acme' },
      { search: 'person', hasPhone: true },
      { company: 'acme', status: 'Won' },
      { search: 'zzz' },
    ];
    for (const filter of filters) {
      const ids: number[] = [];
      for (let offset = 0; ; offset += 40) {
        const page = services.leads.listLeads({
          offset,
          limit: 40,
          withTotal: false,
          filter,
          sort: { column: 'createdAt', direction: 'desc' },
        }).rows;
        ids.push(...page.map((r) => r.id));
        if (page.length < 40) break;
      }
      expect(new Set(ids).size, JSON.stringify(filter)).toBe(ids.length);
      expect(services.leads.countLeads({ filter }), JSON.stringify(filter)).toBe(ids.length);
      expect(services.leads.listLeads({ filter }).total, JSON.stringify(filter)).toBe(ids.length);
    }
    expect(services.leads.countLeads({ filter: { search: 'p1' } })).toBe(111);
  });

  it('answers a search from the FTS5 index and the leads index alone, reading no contact or lead row to sort', () => {
    const plan = (query: LeadListQuery) => {
      const page = leadPageStatement(query);
      return (services.db.prepare(`EXPLAIN QUERY PLAN ${page.sql}`).all(page.params) as Array<{ detail: string }>).map(
        (row) => row.detail,
      );
    };
    const search = plan({ filter: { search: 'berlin' } });
    expect(search).toContain('SEARCH l USING COVERING INDEX leads_contact_created (contact_id=?)');
    // Contacts are read only for the 50 rows of the page, by primary key.
    expect(search.filter((step) => / c /.test(`${step} `))).toEqual(['SEARCH c USING INTEGER PRIMARY KEY (rowid=?)']);
  });

  it('finds a newest-first search page among the newest leads when they hold it, the same rows as sorting every match', () => {
    const run = (statement: { sql: string; params: Record<string, unknown> }) =>
      (services.db.prepare(statement.sql).all(statement.params) as Array<{ id: number }>).map((row) => row.id);
    let found = 0;
    for (const search of ['p', 'person', 'acme', 'globex', 'p1', 'sur2']) {
      for (const offset of [0, 5, 30]) {
        const query = { offset, limit: 10, withTotal: false, filter: { search } };
        const everyMatch = run(leadPageStatement(query));
        // A window of the 40 newest leads: some searches fill the page inside it, the others must fall back.
        const inWindow = run(newestSearchPageStatement(query, 40)!);
        if (inWindow.length === 10) {
          found += 1;
          expect(inWindow, `${search} at ${offset}`).toEqual(everyMatch);
        }
        expect(
          services.leads.listLeads(query).rows.map((row) => row.id),
          `${search} at ${offset}`,
        ).toEqual(everyMatch);
      }
    }
    expect(found).toBeGreaterThan(3);
    expect(found).toBeLessThan(18);
    expect(newestSearchPageStatement({ filter: { search: 'p', hasEmail: true } })).toBeUndefined();
    expect(
      newestSearchPageStatement({ filter: { search: 'p' }, sort: { column: 'name', direction: 'asc' } }),
    ).toBeUndefined();
    expect(newestSearchPageStatement({ filter: {} })).toBeUndefined();
  });

  it('filters by status, import, company, email and phone presence', () => {
    expect(services.leads.listLeads({ filter: { status: 'Won' } }).total).toBe(84);
    expect(services.leads.listLeads({ filter: { importId: firstImport } }).total).toBe(250);
    expect(services.leads.listLeads({ filter: { company: 'acme' } }).total).toBe(125);
    expect(services.leads.listLeads({ filter: { hasEmail: false } }).total).toBe(2);
    expect(services.leads.listLeads({ filter: { hasPhone: true, importId: firstImport } }).total).toBe(200);
  });

  it('searches names, emails, companies and titles as word prefixes, accents folded, punctuation harmless', () => {
    expect(services.leads.listLeads({ filter: { search: 'jose mull' } }).rows.map((r) => r.fullName)).toEqual([
      'José Müller',
    ]);
    expect(services.leads.listLeads({ filter: { search: 'grosse' } }).total).toBe(0);
    expect(services.leads.listLeads({ filter: { search: 'Café Größe' } }).total).toBe(1);
    expect(services.leads.listLeads({ filter: { search: 'head of' } }).rows[0]!.title).toBe('Head of Sales');
    expect(services.leads.listLeads({ filter: { search: 'p17@example.com' } }).rows.map((r) => r.email)).toEqual([
      'p17@example.com',
    ]);
    expect(services.leads.listLeads({ filter: { search: 'p17 ' } }).total).toBe(1);
    expect(services.leads.listLeads({ filter: { search: 'p17' } }).total).toBe(11);
    expect(services.leads.listLeads({ filter: { search: '"OR (' } }).total).toBe(0);
    expect(
      services.leads
        .listLeads({ filter: { search: 'person01', status: 'Won' }, sort: { column: 'name', direction: 'asc' } })
        .rows.map((r) => r.fullName),
    ).toEqual(['Person012 Sur12', 'Person015 Sur15', 'Person018 Sur18']);
  });

  it('gives a lead with its contact, company link, import and activities; an unknown id is a clear error', () => {
    const id = services.leads.listLeads({ filter: { search: 'anna' } }).rows[0]!.id;
    const detail = services.leads.getLead(id);
    expect(detail.lead).toMatchObject({
      fullName: 'Anna Bell',
      firstName: 'Anna',
      lastName: 'Bell',
      company: 'Initech',
      email: null,
    });
    expect(detail.company).toMatchObject({ name: 'Initech' });
    expect(detail.import).toMatchObject({ fileName: 'b.csv' });
    expect(detail.activities.map((a) => a.kind)).toEqual(['imported']);
    expect(() => services.leads.getLead(999_999)).toThrow('No lead with id 999999.');
  });
});
