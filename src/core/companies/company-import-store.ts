import type { Db } from '../store/database';
import { sql, statements } from '../store/statements';

/**
 * What an import of companies writes besides the companies (`CompanyStore.createImported`): its `imports`
 * row, so it is listed and undone as a lead import is, and its bad rows.
 */
export class CompanyImportStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = statements(db, {
      start: sql<[string, number, string | null, string, string, string]>(
        `INSERT INTO imports (file_name, file_sha256, file_size, sheet, header_signature, mapping, status, started_at) VALUES (?, '', ?, ?, ?, ?, 'running', ?)`,
      ),
      error: sql<[number, number, string | null, string | null, string, string]>(
        'INSERT INTO import_errors (import_id, row_number, column_name, field, message, raw) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      finish: sql<[string, number, number, number, number, number, string, number]>(
        `UPDATE imports SET file_sha256 = ?, rows_total = ?, imported = ?, duplicates = ?, rejected = ?, warnings = ?, status = 'completed', finished_at = ? WHERE id = ?`,
      ),
    });
  }

  start(file: { name: string; size: number; sheet: string | null; signature: string; mapping: string }): number {
    return Number(
      this.statements.start.run(
        file.name,
        file.size,
        file.sheet,
        file.signature,
        file.mapping,
        new Date().toISOString(),
      ).lastInsertRowid,
    );
  }

  reject(
    importId: number,
    issue: { row: number; column: string | null; field: string | null; message: string },
    raw: Record<string, string>,
  ): void {
    this.statements.error.run(importId, issue.row, issue.column, issue.field, issue.message, JSON.stringify(raw));
  }

  finish(
    importId: number,
    sha256: string,
    counts: { rowsTotal: number; imported: number; duplicates: number; rejected: number; warnings: number },
  ): void {
    this.statements.finish.run(
      sha256,
      counts.rowsTotal,
      counts.imported,
      counts.duplicates,
      counts.rejected,
      counts.warnings,
      new Date().toISOString(),
      importId,
    );
  }
}
