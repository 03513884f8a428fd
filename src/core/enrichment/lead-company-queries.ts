import type { Db } from '../store/database';
import { sql, statements } from '../store/statements';

export interface LeadCompanyRow {
  lead_id: number;
  company_name: string | null;
  company_key: string | null;
  domain: string | null;
}

/** The company each of these leads' contacts names (name, importer's key, domain), in lead id order. */
export function leadCompanyRows(db: Db, leadIds: readonly number[]): LeadCompanyRow[] {
  const { rows } = statements(db, {
    rows: sql<[string], LeadCompanyRow>(
      `SELECT l.id AS lead_id, c.company_name, c.company_key, c.domain
       FROM leads l JOIN contacts c ON c.id = l.contact_id
       WHERE l.id IN (SELECT value FROM json_each(?)) ORDER BY l.id`,
    ),
  });
  return rows.all(JSON.stringify(leadIds));
}
