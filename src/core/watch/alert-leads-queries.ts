import type { Db } from '../store/database';
import { sql, statements } from '../store/statements';

/** The leads already imported for some companies, in import order: who to draft for when a company has news. */
export function leadIdsOfCompanies(db: Db, companyIds: readonly number[]): number[] {
  const { leads } = statements(db, {
    leads: sql<[string], { id: number }>(
      'SELECT id FROM leads WHERE company_id IN (SELECT value FROM json_each(?)) ORDER BY import_id, row_number, id',
    ),
  });
  return leads.all(JSON.stringify(companyIds)).map((row) => row.id);
}
