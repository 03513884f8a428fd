import type { Db } from '../store/database';
import { leadCompanyRows } from './lead-company-queries';

/** The distinct companies of a set of leads: one lookup each, however many leads work there. */
export interface CompanyGroup {
  /** `domain:acme.com`, else `name:acme` (the importer's company key, without legal suffixes). */
  key: string;
  name: string;
  domain: string | null;
  leadIds: number[];
}

/** Groups leads by company: by domain when the row has one, else by company key. Leads with neither are left out. */
export function groupLeadsByCompany(db: Db, leadIds: readonly number[]): { groups: CompanyGroup[]; withoutCompany: number[] } {
  const rows = leadCompanyRows(db, leadIds);
  const groups = new Map<string, CompanyGroup>();
  const withoutCompany: number[] = [];
  for (const row of rows) {
    const domain = normaliseDomain(row.domain);
    const nameKey = (row.company_key || row.company_name || '').trim().toLowerCase();
    const key = domain ? `domain:${domain}` : nameKey ? `name:${nameKey}` : null;
    if (!key) {
      withoutCompany.push(row.lead_id);
      continue;
    }
    const group = groups.get(key);
    if (group) {
      group.leadIds.push(row.lead_id);
      if (!group.name && row.company_name) group.name = row.company_name.trim();
    } else {
      groups.set(key, { key, name: row.company_name?.trim() ?? '', domain, leadIds: [row.lead_id] });
    }
  }
  return { groups: [...groups.values()], withoutCompany };
}

function normaliseDomain(domain: string | null): string | null {
  const cleaned = domain?.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/.*$/, '');
  return cleaned || null;
}
