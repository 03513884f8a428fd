import { ImportCompanyLinks } from '../../companies/company-store';
import type { Db } from '../../store/database';
import type { DuplicatePolicy } from '../fields';
import type { StagedLead } from './columns';
import type { StagedRow } from './staged-row';
import { DuplicateStore } from './duplicate-store';
import {
  createStagingTables,
  dropStagingTables,
  emptyStagingTables,
  selectNewContacts,
  stagingStatements,
} from './staging-store';

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
 * few set-based statements; `update` and `merge` duplicates are then applied row by row (`DuplicateStore`).
 * Everything happens inside the import's transaction: the temporary tables vanish with a rollback, a kill
 * or a closed connection, and `finish()` removes them before a commit.
 */
export class ImportStaging {
  private readonly statements: ReturnType<typeof stagingStatements>;
  private readonly duplicateStore: DuplicateStore;
  private readonly companyLinks: ImportCompanyLinks;
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
    this.duplicateStore = new DuplicateStore(db, importId, policy);
    createStagingTables(db);
    this.companyLinks = new ImportCompanyLinks(db, importId);
    this.statements = stagingStatements(db);
  }

  /** Stages a valid row (`stagedRow`), in file order; a full chunk is moved before the next row is staged. */
  add(row: StagedRow): void {
    this.rows += 1;
    this.pendingRows += 1;
    this.statements.insertRow.run(row);
    if (this.pendingRows >= this.chunkRows) this.moveChunk();
  }

  /** Moves the last chunk and removes the temporary tables: how many rows became new contacts, how many were duplicates. */
  finish(): { imported: number; duplicates: number } {
    this.moveChunk();
    this.companyLinks.drop();
    dropStagingTables(this.db);
    return { imported: this.newContacts, duplicates: this.rows - this.newContacts };
  }

  private moveChunk(): void {
    if (this.pendingRows === 0) return;
    this.companyLinks.linkStagedRows();
    this.newContacts += this.moveNewContacts();
    this.indexNewContactsForSearch();
    if (this.policy !== 'skip')
      for (const duplicate of this.duplicates()) this.duplicateStore.writeDuplicate(duplicate);
    emptyStagingTables(this.db);
    this.pendingRows = 0;
  }

  /**
   * Writes the first row of every contact not yet in the database (same email; without email, same name
   * and company key among contacts without email) as a new contact with its lead, custom fields on it (the
   * lead's "imported" event is derived from it, see migration 015). Returns how many; the other staged rows
   * are duplicates.
   */
  private moveNewContacts(): number {
    const { statements } = this;
    selectNewContacts(this.db);
    // Ids are chosen here (the import holds the write lock), so every statement below can join on them.
    this.contactBase = statements.maxContactId.get()!.n;
    const ids = { importId: this.importId, contactBase: this.contactBase, leadBase: statements.maxLeadId.get()!.n };
    statements.insertContacts.run(ids);
    statements.insertLeads.run(ids);
    return statements.newCount.get()!.n;
  }

  /** The staged rows that were not new contacts, in file order, read in batches (the connection stays free to write). */
  private *duplicates(): Generator<StagedLead> {
    for (let after = 0; ;) {
      const batch = this.statements.duplicates.all(after, DUPLICATE_BATCH);
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
   * the duplicates change any of them (the update trigger follows those).
   */
  private indexNewContactsForSearch(): void {
    this.statements.indexForSearch.run(this.contactBase);
  }
}
