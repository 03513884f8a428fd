import type { Db } from '../../store/database';
import type { LeadProfile } from './draft-context';
import { leadProfileRows, type LeadProfileRow } from './draft-queries';

/**
 * Leads as drafts see them: the contact's own row, and the company the lead is linked to (after
 * enrichment). One query for the whole list; the profiles come back in the order of `leadIds`, and ids
 * without a lead are left out.
 */
export function leadProfiles(db: Db, leadIds: readonly number[]): LeadProfile[] {
  const rows = leadProfileRows(db, leadIds);
  const byId = new Map(rows.map((row) => [row.lead_id, row]));
  return leadIds.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toProfile(row)] : [];
  });
}

function toProfile(row: LeadProfileRow): LeadProfile {
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
