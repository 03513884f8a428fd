import { z } from 'zod';
import { UserFacingError } from '../../errors';
import type { Db } from '../../store/database';
import { sql, statements } from '../../store/statements';
import { CompanyStore } from '../../companies/company-store';
import { columnMappingSchema, type ColumnMapping } from '../fields';

export const importRecordSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  fileSha256: z.string(),
  fileSize: z.number().int(),
  sheet: z.string().nullable(),
  onDuplicate: z.string(),
  rowsTotal: z.number().int(),
  imported: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  warnings: z.number().int(),
  status: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Leads of this import still in the database. */
  leads: z.number().int(),
});
export type ImportRecord = z.infer<typeof importRecordSchema>;

export const rejectedRowSchema = z.object({
  row: z.number().int(),
  errors: z.array(z.object({ column: z.string().nullable(), field: z.string().nullable(), message: z.string() })),
  raw: z.record(z.string(), z.string()),
});
export type RejectedRow = z.infer<typeof rejectedRowSchema>;

const IMPORT_SELECT = `SELECT i.id, i.file_name AS fileName, i.file_sha256 AS fileSha256, i.file_size AS fileSize, i.sheet,
  i.on_duplicate AS onDuplicate, i.rows_total AS rowsTotal, i.imported, i.duplicates, i.rejected, i.warnings, i.status,
  i.started_at AS startedAt, i.finished_at AS finishedAt, (SELECT count(*) FROM leads WHERE import_id = i.id) AS leads
  FROM imports i`;

/** What `runImport` writes and reads inside the import's transaction. */
export const importRunStatements = (db: Db) =>
  statements(db, {
    start: sql<[string, number, string | null, string, string, string, string]>(
      `INSERT INTO imports (file_name, file_sha256, file_size, sheet, header_signature, mapping, on_duplicate, status, started_at)
                  VALUES (?, '', ?, ?, ?, ?, ?, 'running', ?)`,
    ),
    insertError: sql<[number, number, string | null, string | null, string, string]>(
      'INSERT INTO import_errors (import_id, row_number, column_name, field, message, raw) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    complete: sql<[string, number, number, number, number, number, string, number]>(
      `UPDATE imports SET file_sha256 = ?, rows_total = ?, imported = ?, duplicates = ?, rejected = ?, warnings = ?,
       status = 'completed', finished_at = ? WHERE id = ?`,
    ),
    earlierImports: sql<[string, number], { id: number; started_at: string }>(
      `SELECT id, started_at FROM imports WHERE file_sha256 = ? AND id != ? AND status = 'completed' ORDER BY id`,
    ),
  });

/** What the import history, the preview, the fix of rejected rows and the undo read and write. */
const importStatements = (db: Db) =>
  statements(db, {
    list: sql<[], ImportRecord>(`${IMPORT_SELECT} ORDER BY i.id DESC`),
    byId: sql<[number], ImportRecord>(`${IMPORT_SELECT} WHERE i.id = ?`),
    completedOfFile: sql<[string], { id: number; startedAt: string }>(
      `SELECT id, started_at AS startedAt FROM imports WHERE file_sha256 = ? AND status = 'completed' ORDER BY id`,
    ),
    mapping: sql<[number], { mapping: string }>('SELECT mapping FROM imports WHERE id = ?'),
    forgetRejectedRow: sql<[number, number]>('DELETE FROM import_errors WHERE import_id = ? AND row_number = ?'),
    recountRejected: sql<[number, number]>(
      'UPDATE imports SET rejected = (SELECT count(DISTINCT row_number) FROM import_errors WHERE import_id = ?) WHERE id = ?',
    ),
    removeLeads: sql<[number]>('DELETE FROM leads WHERE import_id = ?'),
    removeUnusedContacts: sql<[number]>(
      'DELETE FROM contacts WHERE created_by_import_id = ? AND NOT EXISTS (SELECT 1 FROM leads WHERE leads.contact_id = contacts.id)',
    ),
    markUndone: sql<[number]>(`UPDATE imports SET status = 'undone' WHERE id = ?`),
    rejectedRows: sql<[number], { row: number; errors: string; raw: string }>(
      `SELECT row_number AS row, json_group_array(json_object('column', column_name, 'field', field, 'message', message)) AS errors, raw
       FROM import_errors WHERE import_id = ? GROUP BY row_number ORDER BY row_number`,
    ),
    rejectedRowCount: sql<[number], { n: number }>(
      'SELECT count(DISTINCT row_number) AS n FROM import_errors WHERE import_id = ?',
    ),
  });

export function listImports(db: Db): ImportRecord[] {
  return importStatements(db).list.all();
}

/** Earlier completed imports of the same bytes, oldest first: the preview warns before a file is imported twice. */
export function completedImportsOfFile(db: Db, fileSha256: string): { id: number; startedAt: string }[] {
  return importStatements(db).completedOfFile.all(fileSha256);
}

/** The column mapping an import used, so its fixed rows are read the same way. */
export function importMapping(db: Db, importId: number): ColumnMapping {
  const row = importStatements(db).mapping.get(importId);
  if (!row) throw new UserFacingError('import_not_found', `No import with id ${importId}.`);
  return columnMappingSchema.parse(JSON.parse(row.mapping));
}

/** Rows fixed and imported again are no longer rejected rows of their first import. */
export function forgetRejectedRows(db: Db, importId: number, rowNumbers: readonly number[]): void {
  const statements = importStatements(db);
  db.transaction(() => {
    for (const row of rowNumbers) statements.forgetRejectedRow.run(importId, row);
    statements.recountRejected.run(importId, importId);
  })();
}

export function getImport(db: Db, importId: number): ImportRecord {
  const record = importStatements(db).byId.get(importId);
  if (!record) throw new UserFacingError('import_not_found', `No import with id ${importId}.`);
  return record;
}

/**
 * Undoes an import in one transaction: its leads go (with their custom fields and activities), and so do
 * the contacts and companies it created that nothing else uses now. Contacts it updated keep the update.
 */
export function undoImport(
  db: Db,
  importId: number,
): { importId: number; leadsRemoved: number; contactsRemoved: number; companiesRemoved: number } {
  return db
    .transaction(() => {
      const record = getImport(db, importId);
      if (record.status !== 'completed')
        throw new UserFacingError(
          'import_not_undoable',
          `Import ${importId} is ${record.status}; only a completed import can be undone.`,
        );
      const statements = importStatements(db);
      const leadsRemoved = statements.removeLeads.run(importId).changes;
      const contactsRemoved = statements.removeUnusedContacts.run(importId).changes;
      const companiesRemoved = new CompanyStore(db).removeUnusedCreatedBy(importId);
      statements.markUndone.run(importId);
      return { importId, leadsRemoved, contactsRemoved, companiesRemoved };
    })
    .immediate();
}

/** Rejected rows of an import in row order, each with all its errors and its raw cells. */
export function* iterateRejectedRows(db: Db, importId: number): Generator<RejectedRow> {
  getImport(db, importId);
  const rows = importStatements(db).rejectedRows.iterate(importId);
  for (const row of rows) yield { row: row.row, errors: JSON.parse(row.errors), raw: JSON.parse(row.raw) };
}

export function listRejectedRows(
  db: Db,
  importId: number,
  page: { offset: number; limit: number },
): { total: number; rows: RejectedRow[] } {
  const total = importStatements(db).rejectedRowCount.get(importId)!.n;
  const rows: RejectedRow[] = [];
  let index = 0;
  for (const row of iterateRejectedRows(db, importId)) {
    if (index++ < page.offset) continue;
    if (rows.length >= page.limit) break;
    rows.push(row);
  }
  return { total, rows };
}
