import type { Db } from '../store/database';
import { leadCompanyRows } from './lead-company-queries';
import { CompanyStore } from '../companies/company-store';

/** The distinct companies of a set of leads: one lookup each, however many leads work there. */
export interface CompanyGroup {
  /** `domain:acme.com`, else `name:acme` (the importer's company key, without legal suffixes). */
  key: string;
  name: string;
  domain: string | null;
  leadIds: number[];
}

/** Groups leads by company: by domain when the row has one, else by company key. Leads with neither are left out. */
export function groupLeadsByCompany(
  db: Db,
  leadIds: readonly number[],
): { groups: CompanyGroup[]; withoutCompany: number[] } {
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
  const cleaned = domain
    ?.trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/.*$/, '');
  return cleaned || null;
}

/**
 * Stored companies as a batch's groups, one each, keyed as lead groups are (a company's leads are not
 * linked again: they already point at it). Unknown ids are left out.
 */
export function companyGroups(db: Db, companyIds: readonly number[]): CompanyGroup[] {
  const rows = new CompanyStore(db).byIds(companyIds);
  const groups = new Map<string, CompanyGroup>();
  for (const row of rows) {
    const domain = normaliseDomain(row.domain);
    const key = domain ? `domain:${domain}` : `name:${row.name_key}`;
    // Two companies known only by the same name are one lookup.
    if (!groups.has(key)) groups.set(key, { key, name: row.name, domain, leadIds: [] });
  }
  return [...groups.values()];
}
