import { UserFacingError } from '../../errors';
import type { Db } from '../../store/database';
import { assembled, sql, statements } from '../../store/statements';
import {
  leadCountQuerySchema,
  leadListQuerySchema,
  type LEAD_SORT_COLUMNS,
  type LeadCountQuery,
  type LeadDetail,
  type LeadFilter,
  type LeadListQuery,
  type LeadPage,
  type LeadRow,
} from './lead-schemas';

/** Columns of a lead row, shared by the list, the detail and the export. */
export const LEAD_ROW_SELECT = `
  l.id AS id, l.contact_id AS contactId, l.import_id AS importId, l.company_id AS companyId,
  c.first_name AS firstName, c.last_name AS lastName, c.full_name AS fullName, c.email AS email,
  COALESCE(c.phone, c.phone_raw) AS phone, c.company_name AS company, c.title AS title, c.city AS city,
  c.state AS state, c.country AS country, c.website AS website, c.linkedin_url AS linkedinUrl,
  l.status AS status, l.source AS source, l.notes AS notes, l.owner AS owner,
  (SELECT group_concat(value, ', ') FROM json_each(l.tags)) AS tags, l.score AS score, l.created_at AS createdAt`;

const SORT_EXPRESSIONS: Record<(typeof LEAD_SORT_COLUMNS)[number], string> = {
  name: 'c.full_name_key',
  email: 'c.email_key',
  company: 'c.company_key',
  title: 'c.title',
  city: 'c.city',
  country: 'c.country',
  status: 'l.status',
  source: 'l.source',
  createdAt: 'l.created_at',
  owner: 'l.owner',
  score: 'l.score',
};

/** A filter as SQL over `leads l`, joined to `contacts c` only when a condition needs the contact's columns. */
interface LeadFilterSql {
  where: string[];
  params: Record<string, unknown>;
  needsContact: boolean;
}

function filterSql(filter: LeadFilter): LeadFilterSql {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  let needsContact = false;
  if (filter.status !== undefined) {
    where.push('l.status = @status');
    params.status = filter.status;
  }
  if (filter.importId !== undefined) {
    where.push('l.import_id = @importId');
    params.importId = filter.importId;
  }
  if (filter.companyId !== undefined) {
    where.push('l.company_id = @companyId');
    params.companyId = filter.companyId;
  }
  if (filter.company) {
    where.push(`c.company_name LIKE @company ESCAPE '\\'`);
    params.company = `%${escapeLike(filter.company)}%`;
    needsContact = true;
  }
  if (filter.hasEmail !== undefined) {
    where.push(filter.hasEmail ? 'c.email_key IS NOT NULL' : 'c.email_key IS NULL');
    needsContact = true;
  }
  if (filter.hasPhone !== undefined) {
    where.push(filter.hasPhone ? 'c.phone_raw IS NOT NULL' : 'c.phone_raw IS NULL');
    needsContact = true;
  }
  if (filter.owner) {
    where.push('l.owner = @owner');
    params.owner = filter.owner;
  }
  if (filter.tag) {
    where.push('EXISTS (SELECT 1 FROM json_each(l.tags) WHERE lower(value) = lower(@tag))');
    params.tag = filter.tag;
  }
  const match = filter.search ? ftsQuery(filter.search) : undefined;
  if (match) {
    // On the lead's contact id, so a search alone never reads the contacts table (docs/benchmarks.md).
    where.push('l.contact_id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH @match)');
    params.match = match;
  }
  return { where, params, needsContact };
}

function fromClause({ where, needsContact }: LeadFilterSql, joinContact = needsContact): string {
  return `FROM leads l ${joinContact ? 'JOIN contacts c ON c.id = l.contact_id' : ''} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
}

/** How many leads match a filter (a scan of every match, so the table asks once per query, after its first page). */
export function countLeads(db: Db, rawQuery: LeadCountQuery): number {
  const sql = filterSql(leadCountQuerySchema.parse(rawQuery).filter);
  return assembled<[Record<string, unknown>], { n: number }>(db, `SELECT count(*) AS n ${fromClause(sql)}`).get(
    sql.params,
  )!.n;
}

/**
 * One page of the leads table with its total (unless `withTotal: false`: the count scans every match and
 * costs more than the page), for a virtualised table over 100,000+ leads: offset paging,
 * sort on any column (ties broken by id), filters, and full-text search answered by the FTS5 index.
 */
export function listLeads(db: Db, rawQuery: LeadListQuery): LeadPage {
  const query = leadListQuerySchema.parse(rawQuery);
  const total = query.withTotal ? countLeads(db, { filter: query.filter }) : null;
  const newest = newestSearchPageStatement(query);
  if (newest) {
    const rows = assembled<[Record<string, unknown>], LeadRow>(db, newest.sql).all(newest.params);
    if (rows.length === query.limit) return { total, rows };
  }
  const page = leadPageStatement(query);
  return { total, rows: assembled<[Record<string, unknown>], LeadRow>(db, page.sql).all(page.params) };
}

type Statement = { sql: string; params: Record<string, unknown> };

/** The SQL of one page (exported so its query plan can be checked). */
export function leadPageStatement(rawQuery: LeadListQuery): Statement {
  const query = leadListQuerySchema.parse(rawQuery);
  const filter = filterSql(query.filter);
  const sortExpression = SORT_EXPRESSIONS[query.sort.column];
  const from = fromClause(filter, filter.needsContact || sortExpression.startsWith('c.'));
  const direction = query.sort.direction === 'asc' ? 'ASC' : 'DESC';
  const order = `${sortExpression} ${direction} NULLS LAST, l.id ${direction}`;
  // The page's ids first, then their columns: the sort and the OFFSET skip carry only (key, id), not whole
  // rows, which the sorter would otherwise carry through every comparison (docs/benchmarks.md, leads table).
  return {
    sql: rowsOf(`SELECT l.id ${from} ORDER BY ${order} LIMIT @limit OFFSET @offset`, order),
    params: { ...filter.params, limit: query.limit, offset: query.offset },
  };
}

/** How many of the newest leads a search's newest-first page is first looked for in. */
const NEWEST_LEADS_WINDOW = 2000;

/**
 * A search's page, newest first, looked for among the newest leads only: when they hold the whole page, no
 * older lead can belong to it, and the sort of every match is skipped (figures in docs/benchmarks.md, leads
 * table). Only for a search with conditions on the lead alone, newest first, within the window; the caller
 * falls back to `leadPageStatement` when the window holds fewer rows than the page.
 */
export function newestSearchPageStatement(
  rawQuery: LeadListQuery,
  window = NEWEST_LEADS_WINDOW,
): Statement | undefined {
  const query = leadListQuerySchema.parse(rawQuery);
  const filter = filterSql(query.filter);
  const newestFirst = query.sort.column === 'createdAt' && query.sort.direction === 'desc';
  if (!newestFirst || filter.params.match === undefined || filter.needsContact || query.offset + query.limit > window)
    return undefined;
  const order = 'l.created_at DESC, l.id DESC';
  const ids = `SELECT l.id FROM (SELECT * FROM leads ORDER BY created_at DESC, id DESC LIMIT @window) l WHERE ${filter.where.join(' AND ')} ORDER BY ${order} LIMIT @limit OFFSET @offset`;
  return { sql: rowsOf(ids, order), params: { ...filter.params, window, limit: query.limit, offset: query.offset } };
}

/**
 * Every lead a filter matches, in the table's order, with its custom fields as a JSON object: what an
 * export of the leads shown writes. Iterated, never loaded whole.
 */
export function leadExportStatement(rawQuery: LeadCountQuery & { sort?: LeadListQuery['sort'] }): Statement {
  const query = leadListQuerySchema.parse({ filter: rawQuery.filter, sort: rawQuery.sort });
  const filter = filterSql(query.filter);
  const direction = query.sort.direction === 'asc' ? 'ASC' : 'DESC';
  const order = `${SORT_EXPRESSIONS[query.sort.column]} ${direction} NULLS LAST, l.id ${direction}`;
  const where = filter.where.length ? `WHERE ${filter.where.join(' AND ')}` : '';
  return {
    sql: `SELECT ${LEAD_ROW_SELECT}, l.custom_fields AS custom
          FROM leads l JOIN contacts c ON c.id = l.contact_id ${where} ORDER BY ${order}`,
    params: filter.params,
  };
}

/** The names of the custom fields of the leads a filter matches, sorted. */
export function customFieldNamesStatement(rawQuery: LeadCountQuery): Statement {
  const filter = filterSql(leadCountQuerySchema.parse(rawQuery).filter);
  return {
    sql: `SELECT DISTINCT f.key AS name FROM leads cf, json_each(cf.custom_fields) f WHERE cf.id IN (SELECT l.id ${fromClause(filter)}) ORDER BY f.key`,
    params: filter.params,
  };
}

/** The table's columns for the leads whose ids `ids` selects, in `order`. */
function rowsOf(ids: string, order: string): string {
  return `SELECT ${LEAD_ROW_SELECT} FROM leads l JOIN contacts c ON c.id = l.contact_id WHERE l.id IN (${ids}) ORDER BY ${order}`;
}

/**
 * A lead's timeline: its activity rows, and first its "imported" event, derived from the lead (migration 015)
 * unless the import gave an existing contact this lead (then its own `import_updated_contact` or
 * `import_merged_contact` row tells it). The derived event has no row, hence no id.
 */
const ACTIVITIES_OF_LEAD = `
  SELECT NULL AS id, 'imported' AS kind, json_object('importId', l.import_id, 'row', l.row_number) AS detail, l.created_at AS createdAt
  FROM leads l WHERE l.id = @leadId AND l.import_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM lead_activities a WHERE a.lead_id = l.id AND a.kind IN ('import_updated_contact', 'import_merged_contact') AND a.detail ->> 'importId' = l.import_id)
  UNION ALL
  SELECT id, kind, detail, created_at AS createdAt FROM lead_activities WHERE lead_id = @leadId
  ORDER BY createdAt, id NULLS FIRST`;

const leadDetailStatements = (db: Db) =>
  statements(db, {
    lead: sql<[number], LeadDetail['lead']>(
      `SELECT ${LEAD_ROW_SELECT}, l.row_number AS rowNumber, c.phone_raw AS phoneRaw, c.domain AS domain FROM leads l JOIN contacts c ON c.id = l.contact_id WHERE l.id = ?`,
    ),
    customFields: sql<[number], LeadDetail['customFields'][number]>(
      `SELECT f.key AS name, f.value FROM leads l, json_each(l.custom_fields) f WHERE l.id = ? ORDER BY f.key`,
    ),
    activities: sql<[{ leadId: number }], { id: number | null; kind: string; detail: string; createdAt: string }>(
      ACTIVITIES_OF_LEAD,
    ),
    company: sql<[number], NonNullable<LeadDetail['company']>>('SELECT id, name, domain FROM companies WHERE id = ?'),
    import: sql<[number], NonNullable<LeadDetail['import']>>(
      'SELECT id, file_name AS fileName, started_at AS startedAt FROM imports WHERE id = ?',
    ),
    otherLeads: sql<[number, number], { id: number }>(
      'SELECT id FROM leads WHERE contact_id = ? AND id != ? ORDER BY id',
    ),
  });

export function getLead(db: Db, leadId: number): LeadDetail {
  const statements = leadDetailStatements(db);
  const lead = statements.lead.get(leadId);
  if (!lead) throw new UserFacingError('lead_not_found', `No lead with id ${leadId}.`);
  const customFields = statements.customFields.all(leadId);
  const activities = statements.activities
    .all({ leadId })
    .map((activity) => ({ ...activity, detail: JSON.parse(activity.detail) as unknown }));
  const company = lead.companyId === null ? null : (statements.company.get(lead.companyId) ?? null);
  const importRow = lead.importId === null ? null : (statements.import.get(lead.importId) ?? null);
  const otherLeadIds = statements.otherLeads.all(lead.contactId, leadId).map((row) => row.id);
  return { lead, customFields, activities, company, import: importRow, otherLeadIds };
}

/**
 * The analyst's words as an FTS5 query, as they type: every word whole except the last, which is a
 * prefix. Words are quoted, so punctuation and FTS5 operators in the input are never syntax.
 */
function ftsQuery(search: string): string | undefined {
  const words = search.match(/[\p{L}\p{N}]+/gu);
  if (!words) return undefined;
  const typing = /[\p{L}\p{N}]$/u.test(search.trimEnd()) && !/\s$/.test(search);
  return words.map((word, index) => (index === words.length - 1 && typing ? `"${word}"*` : `"${word}"`)).join(' ');
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** An import's leads in file order. */
export function leadIdsOfImport(db: Db, importId: number): number[] {
  return statements(db, {
    ids: sql<[number], { id: number }>('SELECT id FROM leads WHERE import_id = ? ORDER BY row_number, id'),
  })
    .ids.all(importId)
    .map((r) => r.id);
}
