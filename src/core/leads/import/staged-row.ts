import type { DuplicatePolicy } from '../fields';
import type { LeadRecord } from '../normalise/row';
import { CONTACT_COLUMNS, type StagedLead } from './columns';
import { customFieldsJson } from './custom-fields';

/**
 * The columns of a staged row (`temp.import_rows`, see staging-store.ts) and the record fields they hold,
 * followed by the custom fields' JSON (`custom`). The company link is not staged with the row: it is
 * written to `temp.import_company_links` once the chunk's rows are in.
 */
export const STAGED_COLUMNS: ReadonlyArray<readonly [column: string, field: keyof StagedLead]> = [
  ['row_number', 'rowNumber'],
  ...CONTACT_COLUMNS.filter(([column]) => column !== 'company_id'),
  ['email_key', 'emailKey'],
  ['lead_source', 'leadSource'],
  ['lead_status', 'leadStatus'],
  ['notes', 'notes'],
];

/** A staged row's values in `STAGED_COLUMNS` order, then `custom`: what the staging insert binds. */
export type StagedRow = unknown[];

/**
 * A valid row as the staging insert binds it, made by the thread that normalises: one array of plain values
 * crosses to the writing thread instead of a record and its custom fields, and that thread only binds it.
 */
export function stagedRow(lead: LeadRecord, policy: DuplicatePolicy): StagedRow {
  const row: unknown[] = STAGED_COLUMNS.map(([, field]) => lead[field as keyof LeadRecord]);
  row.push(customFieldsJson(lead.customFields, policy));
  return row;
}
