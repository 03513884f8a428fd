import type { Db } from '../../store/database';
import type { LeadProfile } from './draft-context';

interface LeadRow {
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

const SELECT = `
  SELECT l.id AS lead_id, c.first_name, c.last_name, c.full_name, c.email, c.title, c.company_name,
         COALESCE(l.company_id, c.company_id) AS company_id, c.domain, c.city, c.country
  FROM leads l JOIN contacts c ON c.id = l.contact_id`;

/**
 * Leads as drafts see them: the contact's own row, and the company the lead is linked to (after
 * enrichment). One query for the whole list; the profiles come back in the order of `leadIds`, and ids
 * without a lead are left out.
 */
export function leadProfiles(db: Db, leadIds: readonly number[]): LeadProfile[] {
  const rows = db.prepare<[string], LeadRow>(`${SELECT} WHERE l.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(leadIds));
  const byId = new Map(rows.map((row) => [row.lead_id, row]));
  return leadIds.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toProfile(row)] : [];
  });
}

export function leadIdsOfImport(db: Db, importId: number): number[] {
  return db.prepare<[number], { id: number }>('SELECT id FROM leads WHERE import_id = ? ORDER BY row_number, id').all(importId).map((r) => r.id);
}

function toProfile(row: LeadRow): LeadProfile {
  const firstName = row.first_name?.trim() || row.full_name?.trim().split(/\s+/)[0] || '';
  const lastName = row.last_name?.trim() ?? '';
  return {
    leadId: row.lead_id,
    firstName,
    lastName,
    fullName: row.full_name?.trim() || [firstName, lastName].filter(Boolean).join(' '),
    email: row.email,
    title: row.title?.trim() ?? '',
    company: row.company_name?.trim() ?? '',
    companyId: row.company_id,
    domain: row.domain,
    city: row.city?.trim() ?? '',
    country: row.country?.trim() ?? '',
  };
}
