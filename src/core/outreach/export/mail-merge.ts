import type { Draft } from '../draft-schema';

export const MAIL_MERGE_FORMATS = ['hubspot', 'salesforce', 'apollo'] as const;
export type MailMergeFormat = (typeof MAIL_MERGE_FORMATS)[number];

interface MergeRow {
  draft: Draft;
  firstName: string;
  lastName: string;
  title: string;
}

/** What every format exports, in column order; the CRMs differ only in what they call each column. */
const VALUES: ((row: MergeRow) => string)[] = [
  (r) => r.draft.to ?? '',
  (r) => r.firstName,
  (r) => r.lastName,
  (r) => r.draft.company,
  (r) => r.title,
  (r) => r.draft.subject,
  (r) => r.draft.body,
];

/**
 * Headers each CRM's contact import maps without manual work: HubSpot's default property labels,
 * Salesforce's Lead field API names (the personalised email goes to custom fields you create once), and
 * Apollo's CSV contact import headers. Subject and body ride along as custom fields for sequences.
 */
const HEADERS: Record<MailMergeFormat, string[]> = {
  hubspot: ['Email', 'First Name', 'Last Name', 'Company Name', 'Job Title', 'Email Subject', 'Email Body'],
  salesforce: ['Email', 'FirstName', 'LastName', 'Company', 'Title', 'Email_Subject__c', 'Email_Body__c'],
  apollo: ['Email', 'First Name', 'Last Name', 'Company', 'Title', 'Personalized Subject', 'Personalized Email'],
};

export function mailMergeHeaders(format: MailMergeFormat): string[] {
  return HEADERS[format];
}

export function mailMergeRow(row: MergeRow): string[] {
  return VALUES.map((value) => value(row));
}
