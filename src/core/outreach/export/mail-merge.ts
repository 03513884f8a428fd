import type { Draft } from '../draft-schema';

export const MAIL_MERGE_FORMATS = ['hubspot', 'salesforce', 'apollo'] as const;
export type MailMergeFormat = (typeof MAIL_MERGE_FORMATS)[number];

type Column = [header: string, value: (row: MergeRow) => string];
interface MergeRow {
  draft: Draft;
  firstName: string;
  lastName: string;
  title: string;
}

/**
 * Columns each CRM's contact import maps without manual work: HubSpot's default property labels,
 * Salesforce's Lead field API names (the personalised email goes to custom fields you create once), and
 * Apollo's CSV contact import headers. Subject and body ride along as custom fields for sequences.
 */
const FORMATS: Record<MailMergeFormat, Column[]> = {
  hubspot: [
    ['Email', (r) => r.draft.to ?? ''],
    ['First Name', (r) => r.firstName],
    ['Last Name', (r) => r.lastName],
    ['Company Name', (r) => r.draft.company],
    ['Job Title', (r) => r.title],
    ['Email Subject', (r) => r.draft.subject],
    ['Email Body', (r) => r.draft.body],
  ],
  salesforce: [
    ['Email', (r) => r.draft.to ?? ''],
    ['FirstName', (r) => r.firstName],
    ['LastName', (r) => r.lastName],
    ['Company', (r) => r.draft.company],
    ['Title', (r) => r.title],
    ['Email_Subject__c', (r) => r.draft.subject],
    ['Email_Body__c', (r) => r.draft.body],
  ],
  apollo: [
    ['Email', (r) => r.draft.to ?? ''],
    ['First Name', (r) => r.firstName],
    ['Last Name', (r) => r.lastName],
    ['Company', (r) => r.draft.company],
    ['Title', (r) => r.title],
    ['Personalized Subject', (r) => r.draft.subject],
    ['Personalized Email', (r) => r.draft.body],
  ],
};

export function mailMergeHeaders(format: MailMergeFormat): string[] {
  return FORMATS[format].map(([header]) => header);
}

export function mailMergeRow(format: MailMergeFormat, row: MergeRow): string[] {
  return FORMATS[format].map(([, value]) => value(row));
}
