import type { Db } from '../../store/database';
import { assembled, sql, statements } from '../../store/statements';
import { customFieldNamesStatement, leadExportStatement } from '../query/lead-queries';
import type { LeadFilter, LeadListQuery, LeadRow } from '../query/lead-schemas';

/** `custom`: the lead's custom fields as a JSON object, null when it has none. */
export type ExportedLead = LeadRow & { custom: string | null };

function exportStatements(db: Db) {
  return statements(db, {
    rejectedColumns: sql<[number], { name: string }>(
      `SELECT j.key AS name FROM import_errors e, json_each(e.raw) j WHERE e.import_id = ?
       GROUP BY j.key ORDER BY min(e.row_number), min(j.id)`,
    ),
  });
}

/** The custom field names of the leads a filter matches, in name order. */
export function customFieldNames(db: Db, filter: LeadFilter): string[] {
  const statement = customFieldNamesStatement({ filter });
  return assembled<[Record<string, unknown>], { name: string }>(db, statement.sql)
    .all(statement.params)
    .map((row) => row.name);
}

/**
 * The leads a filter matches, in the table's order, with their custom fields as a JSON object. A generator:
 * the query starts on the first row asked for, so a caller can open its file first (an open iterator keeps
 * the connection busy, and a file that cannot be written would leave it so).
 */
export function* exportedLeads(db: Db, filter: LeadFilter, sort: LeadListQuery['sort']): Generator<ExportedLead> {
  const statement = leadExportStatement({ filter, sort });
  yield* assembled<[Record<string, unknown>], ExportedLead>(db, statement.sql).iterate(statement.params);
}

/** Every column any rejected row of an import has, in file order (a ragged row may have more than the header). */
export function rejectedRowColumns(db: Db, importId: number): string[] {
  return exportStatements(db)
    .rejectedColumns.all(importId)
    .map((row) => row.name);
}
