import type { Statement } from 'better-sqlite3';
import { linkImportRowsToCompanies } from '../../companies/company-store';
import type { Db } from '../../store/database';
import type { DuplicatePolicy } from '../fields';
import type { LeadRecord } from '../normalise/row';
import { CONTACT_COLUMNS, type StagedLead } from './columns';
import { customFieldsJson } from './custom-fields';
import { LeadWriter } from './lead-writer';

/** The company link is not staged with the row: it is written to `temp.import_company_links` once the chunk's rows are in. */
const STAGED_COLUMNS: ReadonlyArray<readonly [column: string, field: keyof StagedLead]> = [
  ['row_number', 'rowNumber'],
  ...CONTACT_COLUMNS.filter(([column]) => column !== 'company_id'),
  ['email_key', 'emailKey'],
  ['lead_source', 'leadSource'],
  ['lead_status', 'leadStatus'],
  ['notes', 'notes'],
];

const DUPLICATE_BATCH = 1000;
/**
 * Rows staged before they are moved. Moving a chunk at a time gives the same result as moving the whole
 * file at once (a later chunk finds the contacts and companies of earlier ones stored, as a later row
 * would), keeps the temporary tables small, and lets the search index grow while the file is read.
 */
export const STAGING_CHUNK_ROWS = 10_000;

/**
 * An import's valid rows, loaded a chunk at a time into an unindexed temporary table (one cheap insert a
 * row), then moved into companies, contacts, leads (custom fields included) and the search index by a
 * few set-based statements; `update` and `merge` duplicates are then applied row by row (`LeadWriter`).
 * Everything happens inside the import's transaction: the temporary tables vanish with a rollback, a kill
 * or a closed connection, and `finish()` removes them before a commit.
 */
export class ImportStaging {
  private readonly insertRow: Statement;
  private readonly writer: LeadWriter;
  private rows = 0;
  private pendingRows = 0;
  private newContacts = 0;
  /** Every contact the current chunk creates has an id above this one. */
  private contactBase = 0;

  constructor(
    private readonly db: Db,
    private readonly importId: number,
    private readonly policy: DuplicatePolicy,
    private readonly chunkRows = STAGING_CHUNK_ROWS,
  ) {
    this.writer = new LeadWriter(db, importId, policy);
    // Typed where the value is a number: better-sqlite3 binds numbers as REAL, and JSON would say 3.0.
    const columnType = (column: string) => (column === 'row_number' ? 'INTEGER' : 'TEXT');
    db.exec(`CREATE TEMP TABLE import_rows (seq INTEGER PRIMARY KEY, ${STAGED_COLUMNS.map(([column]) => `${column} ${columnType(column)}`).join(', ')}, custom TEXT);
             CREATE TEMP TABLE import_keys (key TEXT PRIMARY KEY, seq INTEGER NOT NULL) WITHOUT ROWID;
             CREATE TEMP TABLE import_new (seq INTEGER PRIMARY KEY);
             CREATE TEMP TABLE import_company_links (seq INTEGER PRIMARY KEY, company_id INTEGER);`);
    this.insertRow = db.prepare(
      `INSERT INTO temp.import_rows (${STAGED_COLUMNS.map(([column]) => column).join(', ')}, custom) VALUES (${STAGED_COLUMNS.map(() => '?').join(', ')}, ?)`,
    );
  }

  /** Stages a valid row, in file order; a full chunk is moved before the next row is staged. */
  add(lead: LeadRecord): void {
    this.rows += 1;
    this.pendingRows += 1;
    this.insertRow.run(
      lead.rowNumber,
      lead.firstName,
      lead.lastName,
      lead.fullName,
      lead.fullNameKey,
      lead.email,
      lead.phone,
      lead.phoneRaw,
      lead.title,
      lead.company,
      lead.companyKey,
      lead.domain,
      lead.website,
      lead.linkedinUrl,
      lead.city,
      lead.state,
      lead.country,
      lead.emailKey,
      lead.leadSource,
      lead.leadStatus,
      lead.notes,
      customFieldsJson(lead.customFields, this.policy),
    );
    if (this.pendingRows >= this.chunkRows) this.moveChunk();
  }

  /** Moves the last chunk and removes the temporary tables: how many rows became new contacts, how many were duplicates. */
  finish(): { imported: number; duplicates: number } {
    this.moveChunk();
    this.db.exec(
      'DROP TABLE temp.import_rows; DROP TABLE temp.import_keys; DROP TABLE temp.import_new; DROP TABLE temp.import_company_links;',
    );
    return { imported: this.newContacts, duplicates: this.rows - this.newContacts };
  }

  private moveChunk(): void {
    if (this.pendingRows === 0) return;
    linkImportRowsToCompanies(this.db, this.importId);
    this.newContacts += this.moveNewContacts();
    this.indexNewContactsForSearch();
    if (this.policy !== 'skip') for (const duplicate of this.duplicates()) this.writer.writeDuplicate(duplicate);
    // Emptied, so the next chunk's seq starts at 1 again (a rowid table without AUTOINCREMENT).
    this.db.exec(
      'DELETE FROM temp.import_rows; DELETE FROM temp.import_keys; DELETE FROM temp.import_new; DELETE FROM temp.import_company_links;',
    );
    this.pendingRows = 0;
  }

  /**
   * Writes the first row of every contact not yet in the database (same email; without email, same name
   * and company key among contacts without email) as a new contact with its lead, custom fields on it (the
   * lead's "imported" event is derived from it, see migration 015). Returns how many; the other staged rows
   * are duplicates.
   */
  private moveNewContacts(): number {
    const { db } = this;
    // The first row of each contact key, in file order. An email key has an '@', a name key never has one (nor
    // a '|'). A keyed table, not GROUP BY: SQLite sorts in memory up to the page cache's size (peak RSS grew
    // 100,000 → 1,000,000 rows), while this stays within the staging cache.
    db.exec(`INSERT OR IGNORE INTO temp.import_keys (key, seq)
        SELECT coalesce(email_key, full_name_key || '|' || company_key), seq FROM temp.import_rows ORDER BY seq;
      INSERT INTO temp.import_new (seq)
        SELECT k.seq FROM temp.import_keys k JOIN temp.import_rows r ON r.seq = k.seq
        WHERE CASE WHEN r.email_key IS NOT NULL THEN NOT EXISTS (SELECT 1 FROM contacts c WHERE c.email_key = r.email_key)
              ELSE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.full_name_key = r.full_name_key AND c.company_key = r.company_key AND c.email_key IS NULL) END;`);
    // Ids are chosen here (the import holds the write lock), so every statement below can join on them.
    this.contactBase = (db.prepare('SELECT coalesce(max(id), 0) AS n FROM contacts').get() as { n: number }).n;
    const ids = {
      importId: this.importId,
      contactBase: this.contactBase,
      leadBase: (db.prepare('SELECT coalesce(max(id), 0) AS n FROM leads').get() as { n: number }).n,
    };
    const newRows =
      'FROM temp.import_new n JOIN temp.import_rows r ON r.seq = n.seq LEFT JOIN temp.import_company_links k ON k.seq = n.seq';
    db.prepare(
      `INSERT INTO contacts (id, ${CONTACT_COLUMNS.map(([column]) => column).join(', ')}, email_key, created_by_import_id)
       SELECT @contactBase + n.seq, ${CONTACT_COLUMNS.map(([column]) => (column === 'company_id' ? 'k.company_id' : `r.${column}`)).join(', ')}, r.email_key, @importId ${newRows} ORDER BY n.seq`,
    ).run(ids);
    db.prepare(
      `INSERT INTO leads (id, contact_id, import_id, company_id, source, status, notes, row_number, custom_fields)
       SELECT @leadBase + n.seq, @contactBase + n.seq, @importId, k.company_id, r.lead_source, r.lead_status, r.notes, r.row_number, r.custom ${newRows} ORDER BY n.seq`,
    ).run(ids);
    return (db.prepare('SELECT count(*) AS n FROM temp.import_new').get() as { n: number }).n;
  }

  /** The staged rows that were not new contacts, in file order, read in batches (the connection stays free to write). */
  private *duplicates(): Generator<StagedLead> {
    const select = this.db.prepare<[number, number], Record<string, unknown>>(
      `SELECT r.seq, ${STAGED_COLUMNS.map(([column, field]) => `r.${column} AS ${field}`).join(', ')}, k.company_id AS companyId, r.custom
       FROM temp.import_rows r LEFT JOIN temp.import_company_links k ON k.seq = r.seq
       WHERE r.seq > ? AND NOT EXISTS (SELECT 1 FROM temp.import_new n WHERE n.seq = r.seq) ORDER BY r.seq LIMIT ?`,
    );
    for (let after = 0; ;) {
      const batch = select.all(after, DUPLICATE_BATCH);
      if (batch.length === 0) return;
      for (const { seq, custom, ...lead } of batch) {
        after = seq as number;
        yield {
          ...(lead as Omit<StagedLead, 'customFields'>),
          customFields: custom ? Object.entries(JSON.parse(custom as string) as Record<string, string>) : [],
        };
      }
    }
  }

  /**
   * Adds the chunk's new contacts to the search index in one statement (see migrations 004 and 011), before
   * the duplicates change any of them (the update trigger follows those); scanning them by id range is faster
   * than by `created_by_import_id` (0.6 vs 0.9-1.2 s at 100,000).
   */
  private indexNewContactsForSearch(): void {
    this.db
      .prepare(
        `INSERT INTO contacts_fts(rowid, full_name, email, company_name, title, city)
         SELECT id, full_name, email, company_name, title, city FROM contacts WHERE id > ?`,
      )
      .run(this.contactBase);
  }
}
