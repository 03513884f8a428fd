import { writeCsvFile, type CsvCell } from '../../export/csv';
import type { Db } from '../../store/database';
import { REJECTED_EXPORT_COLUMNS } from '../fields';
import { getImport, iterateRejectedRows } from '../import/import-store';
import type { LeadFilter, LeadListQuery, LeadRow } from '../query/lead-schemas';
import { customFieldNames, exportedLeads, rejectedRowColumns } from './lead-export-queries';

/** Export columns by the table's column keys, headed so that a re-import maps each back to its field. */
export const LEAD_EXPORT_COLUMNS = {
  firstName: ['First Name', (l) => l.firstName],
  lastName: ['Last Name', (l) => l.lastName],
  name: ['Full Name', (l) => l.fullName || [l.firstName, l.lastName].filter(Boolean).join(' ') || null],
  email: ['Email', (l) => l.email],
  phone: ['Phone', (l) => l.phone],
  company: ['Company', (l) => l.company],
  title: ['Title', (l) => l.title],
  website: ['Website', (l) => l.website],
  linkedinUrl: ['LinkedIn URL', (l) => l.linkedinUrl],
  city: ['City', (l) => l.city],
  state: ['State', (l) => l.state],
  country: ['Country', (l) => l.country],
  source: ['Lead Source', (l) => l.source],
  status: ['Lead Status', (l) => l.status],
  notes: ['Notes', (l) => l.notes],
  owner: ['Owner', (l) => l.owner],
  tags: ['Tags', (l) => l.tags],
  score: ['Score', (l) => l.score],
  createdAt: ['Created', (l) => l.createdAt],
} satisfies Record<string, [header: string, pick: (lead: LeadRow) => CsvCell]>;
export type LeadExportColumn = keyof typeof LEAD_EXPORT_COLUMNS;
export const LEAD_EXPORT_COLUMN_KEYS = Object.keys(LEAD_EXPORT_COLUMNS) as [LeadExportColumn, ...LeadExportColumn[]];

/** What `crm-intel leads export` writes by default: every field an import reads, then the custom fields. */
const FULL_EXPORT: LeadExportColumn[] = [
  'firstName',
  'lastName',
  'name',
  'email',
  'phone',
  'company',
  'title',
  'website',
  'linkedinUrl',
  'city',
  'state',
  'country',
  'source',
  'status',
  'notes',
];

export interface LeadExportOptions {
  importId?: number;
  filter?: LeadFilter;
  sort?: LeadListQuery['sort'];
  /** Only these columns, in this order, and no custom fields (the leads shown in the app); default all. */
  columns?: LeadExportColumn[];
}

/** Writes leads (those a filter matches, default all) to a formula-safe CSV, in the table's order. Streams. */
export async function exportLeads(
  db: Db,
  file: string,
  options: LeadExportOptions = {},
): Promise<{ file: string; rows: number }> {
  const filter = { ...options.filter, ...(options.importId === undefined ? {} : { importId: options.importId }) };
  const columns = (options.columns ?? FULL_EXPORT).map((key) => LEAD_EXPORT_COLUMNS[key]);
  const customNames = options.columns ? [] : customFieldNames(db, filter);
  // Rows are read as the file is written (see exportedLeads).
  function* rows() {
    for (const lead of exportedLeads(db, filter, options.sort ?? { column: 'createdAt', direction: 'asc' })) {
      const custom = JSON.parse(lead.custom ?? '{}') as Record<string, string | null>;
      yield [...columns.map(([, pick]) => pick(lead)), ...customNames.map((name) => custom[name])];
    }
  }
  const count = await writeCsvFile(file, [...columns.map(([header]) => header), ...customNames], rows());
  return { file, rows: count };
}

/**
 * Writes an import's rejected rows as they were in the file (original columns, original order), after
 * two columns saying where and why: fix them in a spreadsheet and import the file again — the mapping is
 * remembered and the two added columns are ignored.
 */
export async function exportRejectedRows(
  db: Db,
  importId: number,
  file: string,
): Promise<{ file: string; rows: number }> {
  getImport(db, importId);
  const columns = rejectedRowColumns(db, importId);
  function* rows() {
    for (const rejected of iterateRejectedRows(db, importId)) {
      const why = rejected.errors.map((e) => (e.column ? `${e.column}: ${e.message}` : e.message)).join('; ');
      yield [rejected.row, why, ...columns.map((column) => rejected.raw[column])];
    }
  }
  const count = await writeCsvFile(
    file,
    [REJECTED_EXPORT_COLUMNS.row, REJECTED_EXPORT_COLUMNS.error, ...columns],
    rows(),
  );
  return { file, rows: count };
}
