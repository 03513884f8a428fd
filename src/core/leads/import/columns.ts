import type { LeadRecord } from '../normalise/row';

/** Contact columns and the lead record fields they hold; the staging table and the contact writes share them. */
export const CONTACT_COLUMNS: ReadonlyArray<readonly [column: string, field: keyof LeadRecord | 'companyId']> = [
  ['first_name', 'firstName'],
  ['last_name', 'lastName'],
  ['full_name', 'fullName'],
  ['full_name_key', 'fullNameKey'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['phone_raw', 'phoneRaw'],
  ['title', 'title'],
  ['company_name', 'company'],
  ['company_key', 'companyKey'],
  ['company_id', 'companyId'],
  ['domain', 'domain'],
  ['website', 'website'],
  ['linkedin_url', 'linkedinUrl'],
  ['city', 'city'],
  ['state', 'state'],
  ['country', 'country'],
];

/** A staged row read back: the lead record and the company `ImportCompanyLinks` (companies/company-store.ts) linked it to. */
export type StagedLead = LeadRecord & { companyId: number | null };
