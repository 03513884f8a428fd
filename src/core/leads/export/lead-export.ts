import { writeCsvFile, type CsvCell } from '../../export/csv';
import type { Db } from '../../store/database';
import { REJECTED_EXPORT_COLUMNS } from '../fields';
import { getImport, iterateRejectedRows } from '../import/import-store';
import { LEAD_ROW_SELECT } from '../query/lead-queries';
import type { LeadRow } from '../query/lead-schemas';

/** Export columns, named so that a re-import maps each back to its field. */
const LEAD_COLUMNS: Array<[header: string, pick: (lead: LeadRow) => CsvCell]> = [
  ['First Name', (l) => l.firstName],
  ['Last Name', (l) => l.lastName],
  ['Full Name', (l) => l.fullName],
  ['Email', (l) => l.email],
  ['Phone', (l) => l.phone],
  ['Company', (l) => l.company],
  ['Title', (l) => l.title],
  ['Website', (l) => l.website],
  ['LinkedIn URL', (l) => l.linkedinUrl],
  ['City', (l) => l.city],
  ['State', (l) => l.state],
  ['Country', (l) => l.country],
  ['Lead Source', (l) => l.source],
  ['Lead Status', (l) => l.status],
  ['Notes', (l) => l.notes],
];

/** Writes leads (all, or one import's) to a formula-safe CSV, custom fields as extra columns. Streams. */
export async function exportLeads(db: Db, file: string, options: { importId?: number } = {}): Promise<{ file: string; rows: number }> {
  const scope = options.importId === undefined ? '' : 'WHERE l.import_id = @importId';
  const params = options.importId === undefined ? {} : { importId: options.importId };
  const customNames = (
    db.prepare(`SELECT DISTINCT f.key AS name FROM leads l, json_each(l.custom_fields) f ${scope} ORDER BY f.key`).all(params) as Array<{ name: string }>
  ).map((row) => row.name);
  const select = db.prepare(
    `SELECT ${LEAD_ROW_SELECT}, l.custom_fields AS custom
     FROM leads l JOIN contacts c ON c.id = l.contact_id ${scope} ORDER BY l.id`,
  );
  // The query starts only once the file is open: an open iterator keeps the connection busy, and a file
  // that cannot be written would leave it so.
  function* rows() {
    for (const lead of select.iterate(params) as Iterable<LeadRow & { custom: string | null }>) {
      const custom = JSON.parse(lead.custom ?? '{}') as Record<string, string | null>;
      yield [...LEAD_COLUMNS.map(([, pick]) => pick(lead)), ...customNames.map((name) => custom[name])];
    }
  }
  const count = await writeCsvFile(file, [...LEAD_COLUMNS.map(([header]) => header), ...customNames], rows());
  return { file, rows: count };
}

/**
 * Writes an import's rejected rows as they were in the file (original columns, original order), after
 * two columns saying where and why: fix them in a spreadsheet and import the file again — the mapping is
 * remembered and the two added columns are ignored.
 */
export async function exportRejectedRows(db: Db, importId: number, file: string): Promise<{ file: string; rows: number }> {
  getImport(db, importId);
  // Every column any rejected row has, in file order (a ragged row may have more than the header).
  const columns = (
    db
      .prepare(
        `SELECT j.key AS name FROM import_errors e, json_each(e.raw) j WHERE e.import_id = ?
         GROUP BY j.key ORDER BY min(e.row_number), min(j.id)`,
      )
      .all(importId) as Array<{ name: string }>
  ).map((row) => row.name);
  function* rows() {
    for (const rejected of iterateRejectedRows(db, importId)) {
      const why = rejected.errors.map((e) => (e.column ? `${e.column}: ${e.message}` : e.message)).join('; ');
      yield [rejected.row, why, ...columns.map((column) => rejected.raw[column])];
    }
  }
  const count = await writeCsvFile(file, [REJECTED_EXPORT_COLUMNS.row, REJECTED_EXPORT_COLUMNS.error, ...columns], rows());
  return { file, rows: count };
}
