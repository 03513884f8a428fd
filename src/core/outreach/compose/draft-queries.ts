import type { Db } from '../../store/database';
import { sql, statements } from '../../store/statements';

/** A lead's contact row and the company it is linked to, as drafts read them. */
export interface LeadProfileRow {
  lead_id: number;
  first_name: string | null;
  last_name: string | null;
  full_name: string | null;
  email: string | null;
  title: string | null;
  company_name: string | null;
  company_id: number | null;
  domain: string | null;
  city: string | null;
  country: string | null;
}

function draftStatements(db: Db) {
  return statements(db, {
    leadProfiles: sql<[string], LeadProfileRow>(
      `SELECT l.id AS lead_id, c.first_name, c.last_name, c.full_name, c.email, c.title, c.company_name,
              COALESCE(l.company_id, c.company_id) AS company_id, c.domain, c.city, c.country
       FROM leads l JOIN contacts c ON c.id = l.contact_id
       WHERE l.id IN (SELECT value FROM json_each(?))`,
    ),
    latestFacts: sql<[string], { company_id: number; facts: string | null }>(
      `SELECT r.company_id, json_extract(r.report, '$.facts') AS facts
       FROM intel_runs r
       WHERE r.id IN (
         SELECT MAX(id) FROM intel_runs
         WHERE report IS NOT NULL AND company_id IN (SELECT value FROM json_each(?))
         GROUP BY company_id)`,
    ),
  });
}

/** The rows of these leads (one query for the whole list), in no particular order. */
export function leadProfileRows(db: Db, leadIds: readonly number[]): LeadProfileRow[] {
  return draftStatements(db).leadProfiles.all(JSON.stringify(leadIds));
}

/** The facts (JSON text) of each company's latest stored report; companies without one are absent. */
export function latestFactsRows(db: Db, companyIds: readonly number[]): { company_id: number; facts: string | null }[] {
  return draftStatements(db).latestFacts.all(JSON.stringify([...new Set(companyIds)]));
}
