import type { Db } from '../../store/database';
import { sql, statements } from '../../store/statements';
import { CONTACT_COLUMNS } from './columns';
import { STAGED_COLUMNS, type StagedRow } from './staged-row';

/**
 * The staging tables of an import (`ImportStaging` in staging.ts): temporary, so they vanish with a
 * rollback, a kill or a closed connection.
 */
export function createStagingTables(db: Db): void {
  // Typed where the value is a number: better-sqlite3 binds numbers as REAL, and JSON would say 3.0.
  const columnType = (column: string) => (column === 'row_number' ? 'INTEGER' : 'TEXT');
  db.exec(`CREATE TEMP TABLE import_rows (seq INTEGER PRIMARY KEY, ${STAGED_COLUMNS.map(([column]) => `${column} ${columnType(column)}`).join(', ')}, custom TEXT);
             CREATE TEMP TABLE import_keys (key TEXT PRIMARY KEY, seq INTEGER NOT NULL) WITHOUT ROWID;
             CREATE TEMP TABLE import_new (seq INTEGER PRIMARY KEY);
             CREATE TEMP TABLE import_company_links (seq INTEGER PRIMARY KEY, company_id INTEGER);`);
}

export function dropStagingTables(db: Db): void {
  db.exec(
    'DROP TABLE temp.import_rows; DROP TABLE temp.import_keys; DROP TABLE temp.import_new; DROP TABLE temp.import_company_links;',
  );
}

/** Emptied, so the next chunk's seq starts at 1 again (a rowid table without AUTOINCREMENT). */
export function emptyStagingTables(db: Db): void {
  db.exec(
    'DELETE FROM temp.import_rows; DELETE FROM temp.import_keys; DELETE FROM temp.import_new; DELETE FROM temp.import_company_links;',
  );
}

/**
 * Fills `temp.import_new` with the first row of each contact key, in file order, whose contact is not stored
 * yet. An email key has an '@', a name key never has one (nor a '|'). A keyed table, not GROUP BY: SQLite
 * sorts in memory up to the page cache's size, while this stays within the staging cache (docs/benchmarks.md).
 */
export function selectNewContacts(db: Db): void {
  db.exec(`INSERT OR IGNORE INTO temp.import_keys (key, seq)
        SELECT coalesce(email_key, full_name_key || '|' || company_key), seq FROM temp.import_rows ORDER BY seq;
      INSERT INTO temp.import_new (seq)
        SELECT k.seq FROM temp.import_keys k JOIN temp.import_rows r ON r.seq = k.seq
        WHERE CASE WHEN r.email_key IS NOT NULL THEN NOT EXISTS (SELECT 1 FROM contacts c WHERE c.email_key = r.email_key)
              ELSE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.full_name_key = r.full_name_key AND c.company_key = r.company_key AND c.email_key IS NULL) END;`);
}

const NEW_ROWS =
  'FROM temp.import_new n JOIN temp.import_rows r ON r.seq = n.seq LEFT JOIN temp.import_company_links k ON k.seq = n.seq';

/** Ids of a chunk's new contacts and leads are chosen by the import (it holds the write lock): base + seq. */
type NewIds = { importId: number; contactBase: number; leadBase: number };

/** The staging's statements, prepared on first use: after `createStagingTables`. */
export const stagingStatements = (db: Db) =>
  statements(db, {
    insertRow: sql<[StagedRow]>(
      `INSERT INTO temp.import_rows (${STAGED_COLUMNS.map(([column]) => column).join(', ')}, custom) VALUES (${STAGED_COLUMNS.map(() => '?').join(', ')}, ?)`,
    ),
    maxContactId: sql<[], { n: number }>('SELECT coalesce(max(id), 0) AS n FROM contacts'),
    maxLeadId: sql<[], { n: number }>('SELECT coalesce(max(id), 0) AS n FROM leads'),
    insertContacts: sql<[NewIds]>(
      `INSERT INTO contacts (id, ${CONTACT_COLUMNS.map(([column]) => column).join(', ')}, email_key, created_by_import_id)
       SELECT @contactBase + n.seq, ${CONTACT_COLUMNS.map(([column]) => (column === 'company_id' ? 'k.company_id' : `r.${column}`)).join(', ')}, r.email_key, @importId ${NEW_ROWS} ORDER BY n.seq`,
    ),
    insertLeads: sql<[NewIds]>(
      `INSERT INTO leads (id, contact_id, import_id, company_id, source, status, notes, row_number, custom_fields)
       SELECT @leadBase + n.seq, @contactBase + n.seq, @importId, k.company_id, r.lead_source, r.lead_status, r.notes, r.row_number, r.custom ${NEW_ROWS} ORDER BY n.seq`,
    ),
    newCount: sql<[], { n: number }>('SELECT count(*) AS n FROM temp.import_new'),
    duplicates: sql<[number, number], Record<string, unknown>>(
      `SELECT r.seq, ${STAGED_COLUMNS.map(([column, field]) => `r.${column} AS ${field}`).join(', ')}, k.company_id AS companyId, r.custom
       FROM temp.import_rows r LEFT JOIN temp.import_company_links k ON k.seq = r.seq
       WHERE r.seq > ? AND NOT EXISTS (SELECT 1 FROM temp.import_new n WHERE n.seq = r.seq) ORDER BY r.seq LIMIT ?`,
    ),
    // Scanning the new contacts by id range is faster than by `created_by_import_id` (docs/benchmarks.md).
    indexForSearch: sql<[number]>(
      `INSERT INTO contacts_fts(rowid, full_name, email, company_name, title, city)
         SELECT id, full_name, email, company_name, title, city FROM contacts WHERE id > ?`,
    ),
  });
