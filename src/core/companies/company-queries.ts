import type { Db } from '../store/database';
import { StatementCache } from '../store/statements';
import {
  companyCountQuerySchema,
  companyListQuerySchema,
  type CompanyCountQuery,
  type CompanyFilter,
  type CompanyListQuery,
  type CompanyRow,
  type CompanySortColumn,
} from './company-schemas';

/** A company's leads, counted from the `leads_company` index. */
const LEAD_COUNT = '(SELECT count(*) FROM leads l WHERE l.company_id = c.id)';
/** Watches are few: `IN` reads them once into a temporary index, where `EXISTS` would scan them per company. */
const WATCHED = 'c.id IN (SELECT company_id FROM watches WHERE company_id IS NOT NULL)';

const ROW_SELECT = `c.id AS id, c.name AS name, c.domain AS domain, c.industry AS industry, c.headquarters AS headquarters,
  c.latest_round AS latestRound, c.latest_round_date AS latestRoundDate, c.employees AS employees, c.refreshed_at AS refreshedAt,
  ${LEAD_COUNT} AS leads, ${WATCHED} AS watched`;

/** Sort keys; a nullable column's empty values come last in both directions. */
const SORT_EXPRESSIONS: Record<CompanySortColumn, { expression: string; nullable: boolean }> = {
  name: { expression: 'c.name_key', nullable: false },
  domain: { expression: 'c.domain', nullable: true },
  industry: { expression: 'c.industry', nullable: true },
  headquarters: { expression: 'c.headquarters', nullable: true },
  latestRound: { expression: 'c.latest_round', nullable: true },
  latestRoundDate: { expression: 'c.latest_round_date', nullable: true },
  employees: { expression: 'c.employees', nullable: true },
  refreshedAt: { expression: 'c.refreshed_at', nullable: true },
  leads: { expression: LEAD_COUNT, nullable: false },
  watched: { expression: WATCHED, nullable: false },
};

/**
 * Written as migration 017's indexes are, so a page is read in index order: descending puts NULL last by
 * itself (it is the smallest value), ascending sorts on `column IS NULL` first.
 */
function orderBy(column: CompanySortColumn, direction: 'asc' | 'desc'): string {
  const { expression, nullable } = SORT_EXPRESSIONS[column];
  if (direction === 'desc') return `${expression} DESC, c.id DESC`;
  return nullable ? `${expression} IS NULL, ${expression}, c.id` : `${expression}, c.id`;
}

interface FilterSql {
  where: string;
  params: Record<string, unknown>;
}

function filterSql(filter: CompanyFilter): FilterSql {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const contains = (name: string, text: string | undefined, condition: string) => {
    const trimmed = text?.trim();
    if (!trimmed) return;
    where.push(condition);
    params[name] = `%${escapeLike(trimmed)}%`;
  };
  contains('search', filter.search, `(c.name LIKE @search ESCAPE '\\' OR c.domain LIKE @search ESCAPE '\\')`);
  contains('industry', filter.industry, `c.industry LIKE @industry ESCAPE '\\'`);
  contains('headquarters', filter.headquarters, `c.headquarters LIKE @headquarters ESCAPE '\\'`);
  contains('round', filter.round, `c.latest_round LIKE @round ESCAPE '\\'`);
  const bound = (name: string, value: unknown, condition: string) => {
    if (value === undefined) return;
    where.push(condition);
    params[name] = value;
  };
  // A round dated by its month or year alone is inside a range that takes in part of that month or year:
  // the bounds are cut to the stored date's length ("2025-07" is within 2025-07-15 .. 2025-08-01).
  bound('roundFrom', filter.roundFrom, 'c.latest_round_date >= substr(@roundFrom, 1, length(c.latest_round_date))');
  bound('roundTo', filter.roundTo, 'c.latest_round_date <= substr(@roundTo, 1, length(c.latest_round_date))');
  bound('employeesMin', filter.employeesMin, 'c.employees >= @employeesMin');
  bound('employeesMax', filter.employeesMax, 'c.employees <= @employeesMax');
  bound('refreshedBefore', filter.refreshedBefore, '(c.refreshed_at IS NULL OR c.refreshed_at < @refreshedBefore)');
  if (filter.hasLeads !== undefined)
    where.push(`${filter.hasLeads ? '' : 'NOT '}EXISTS (SELECT 1 FROM leads l WHERE l.company_id = c.id)`);
  if (filter.watched !== undefined) where.push(filter.watched ? WATCHED : `NOT ${WATCHED}`);
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/**
 * The Companies screen's queries: every company researched or imported, one page at a time for a
 * virtualised table over 100,000 companies (offset paging, sort on any column with ties broken by id,
 * filters), and the count of a filter's matches, asked apart because it scans every match.
 */
export class CompanyQueries {
  private readonly statements: StatementCache;

  constructor(db: Db) {
    this.statements = new StatementCache(db);
  }

  list(rawQuery: CompanyListQuery): CompanyRow[] {
    const query = companyListQuerySchema.parse(rawQuery);
    const ids = companyPageIds(query);
    // The page's ids first, then their columns: the sort and the OFFSET skip carry (key, id), not whole
    // rows, and the lead counts are taken for the page's rows only.
    const sql = `SELECT ${ROW_SELECT} FROM companies c WHERE c.id IN (${ids.sql}) ORDER BY ${orderBy(query.sort.column, query.sort.direction)}`;
    const rows = this.statements
      .get<[Record<string, unknown>], Omit<CompanyRow, 'watched'> & { watched: number }>(sql)
      .all(ids.params);
    return rows.map((row) => ({ ...row, watched: row.watched === 1 }));
  }

  /**
   * The companies a filter matches, at most `limit` of them (lowest id first): "select all matching". With
   * their names, which a watch is added by.
   */
  ids(rawQuery: CompanyCountQuery, limit: number): { id: number; name: string }[] {
    const filter = filterSql(companyCountQuerySchema.parse(rawQuery).filter);
    return this.statements
      .get<[Record<string, unknown>], { id: number; name: string }>(
        `SELECT c.id AS id, c.name AS name FROM companies c ${filter.where} ORDER BY c.id LIMIT @limit`,
      )
      .all({ ...filter.params, limit });
  }

  count(rawQuery: CompanyCountQuery): number {
    const filter = filterSql(companyCountQuerySchema.parse(rawQuery).filter);
    return this.statements
      .get<[Record<string, unknown>], { n: number }>(`SELECT count(*) AS n FROM companies c ${filter.where}`)
      .get(filter.params)!.n;
  }
}

/** The ids of one page, in order (exported so its query plan can be checked). */
export function companyPageIds(rawQuery: CompanyListQuery): { sql: string; params: Record<string, unknown> } {
  const query = companyListQuerySchema.parse(rawQuery);
  const filter = filterSql(query.filter);
  return {
    sql: `SELECT c.id FROM companies c ${filter.where} ORDER BY ${orderBy(query.sort.column, query.sort.direction)} LIMIT @limit OFFSET @offset`,
    params: { ...filter.params, limit: query.limit, offset: query.offset },
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
