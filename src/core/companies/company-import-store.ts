import type { Db } from '../store/database';
import { sql, statements } from '../store/statements';

/**
 * What an import of companies writes: its `imports` row (so it is listed and undone as a lead import is),
 * the companies it names for the first time (`created_by_import_id`, which undo follows), and its bad rows.
 */
export class CompanyImportStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = statements(db, {
      start: sql<[string, number, string | null, string, string, string]>(
        `INSERT INTO imports (file_name, file_sha256, file_size, sheet, header_signature, mapping, status, started_at) VALUES (?, '', ?, ?, ?, ?, 'running', ?)`,
      ),
      byDomain: sql<[string], { id: number }>('SELECT id FROM companies WHERE domain = ?'),
      byKey: sql<[string], { id: number }>('SELECT id FROM companies WHERE name_key = ? ORDER BY id LIMIT 1'),
      insert: sql<[string, string, string | null, number]>(
        'INSERT INTO companies (name, name_key, domain, created_by_import_id) VALUES (?, ?, ?, ?)',
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

  /** A stored company with this domain, else with this name key (the lead import's matching rule). */
  existing(domain: string | null, nameKey: string | null): number | undefined {
    return (
      (domain ? this.statements.byDomain.get(domain)?.id : undefined) ??
      (nameKey ? this.statements.byKey.get(nameKey)?.id : undefined)
    );
  }

  create(name: string, nameKey: string, domain: string | null, importId: number): number {
    return Number(this.statements.insert.run(name, nameKey, domain, importId).lastInsertRowid);
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
