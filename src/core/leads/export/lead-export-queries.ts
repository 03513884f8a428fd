import type { Db } from '../../store/database';
import { sql, statements } from '../../store/statements';
import { LEAD_ROW_SELECT } from '../query/lead-queries';
import type { LeadRow } from '../query/lead-schemas';

export type ExportedLead = LeadRow & { custom: string };

const IMPORT_SCOPE = 'WHERE l.import_id = ?';
const customNames = (scope: string) => `SELECT DISTINCT f.name FROM lead_custom_fields f JOIN leads l ON l.id = f.lead_id ${scope} ORDER BY f.name`;
const leads = (scope: string) =>
  `SELECT ${LEAD_ROW_SELECT}, (SELECT json_group_object(name, value) FROM lead_custom_fields WHERE lead_id = l.id) AS custom
   FROM leads l JOIN contacts c ON c.id = l.contact_id ${scope} ORDER BY l.id`;

function exportStatements(db: Db) {
  return statements(db, {
    customNames: sql<[], { name: string }>(customNames('')),
    customNamesOfImport: sql<[number], { name: string }>(customNames(IMPORT_SCOPE)),
    leads: sql<[], ExportedLead>(leads('')),
    leadsOfImport: sql<[number], ExportedLead>(leads(IMPORT_SCOPE)),
    rejectedColumns: sql<[number], { name: string }>(
      `SELECT j.key AS name FROM import_errors e, json_each(e.raw) j WHERE e.import_id = ?
       GROUP BY j.key ORDER BY min(e.row_number), min(j.id)`,
    ),
  });
}

/** The custom field names of all leads, or of one import's, in name order. */
export function customFieldNames(db: Db, importId?: number): string[] {
  const s = exportStatements(db);
  return (importId === undefined ? s.customNames.all() : s.customNamesOfImport.all(importId)).map((row) => row.name);
}

/**
 * All leads, or one import's, with their custom fields as a JSON object, in id order. A generator: the query
 * starts on the first row asked for, so a caller can open its file first (an open iterator keeps the
 * connection busy, and a file that cannot be written would leave it so).
 */
export function* exportedLeads(db: Db, importId?: number): Generator<ExportedLead> {
  const s = exportStatements(db);
  yield* importId === undefined ? s.leads.iterate() : s.leadsOfImport.iterate(importId);
}

/** Every column any rejected row of an import has, in file order (a ragged row may have more than the header). */
export function rejectedRowColumns(db: Db, importId: number): string[] {
  return exportStatements(db).rejectedColumns.all(importId).map((row) => row.name);
}
