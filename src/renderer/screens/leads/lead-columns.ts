import type { LeadListQuery, LeadRow } from '../../../core/leads/query/lead-schemas';
import type { LeadExportColumn } from '../../../core/leads/export/lead-export';
import type { Column, Row } from './VirtualTable';

/** Every column the leads table can show; each key is also an export column (`leads:export`). */
export const LEAD_COLUMNS: Array<Column & { key: LeadExportColumn }> = [
  // Room for a short name and a "Sample" badge when the lead detail narrows the table.
  { key: 'name', label: 'Name', width: 'minmax(150px, 1.3fr)', sortable: true },
  { key: 'email', label: 'Email', width: 'minmax(110px, 1.5fr)', sortable: true },
  { key: 'company', label: 'Company', width: 'minmax(100px, 1.2fr)', sortable: true },
  { key: 'title', label: 'Title', width: 'minmax(80px, 1fr)', sortable: true },
  { key: 'city', label: 'City', width: 'minmax(64px, 0.6fr)', sortable: true },
  { key: 'country', label: 'Country', width: 'minmax(76px, 0.6fr)', sortable: true },
  { key: 'status', label: 'Status', width: 'minmax(64px, 0.6fr)', sortable: true },
  { key: 'owner', label: 'Owner', width: 'minmax(64px, 0.6fr)', sortable: true },
  { key: 'tags', label: 'Tags', width: 'minmax(80px, 0.8fr)' },
  // Wide enough for "Score ▼": the table is usually sorted by it.
  { key: 'score', label: 'Score', width: 'minmax(84px, 0.4fr)', sortable: true },
];

/** Shown until the analyst picks others; the name column is always shown (it opens the lead). */
export const DEFAULT_COLUMNS: LeadExportColumn[] = ['name', 'email', 'company', 'title', 'status', 'owner', 'score'];

export function leadName(lead: Pick<LeadRow, 'fullName' | 'firstName' | 'lastName' | 'email'>): string {
  return lead.fullName || [lead.firstName, lead.lastName].filter(Boolean).join(' ') || lead.email || 'Unnamed lead';
}

/** A page row as the table shows it: the name column is derived, the rest are the stored fields. */
export function toRow(lead: LeadRow): Row {
  return { ...lead, name: leadName(lead) };
}

export type LeadSort = NonNullable<LeadListQuery['sort']>;
export type LeadFilter = NonNullable<LeadListQuery['filter']>;
