import { z } from 'zod';

/** The lead fields an import column can map to. Anything else becomes a custom field of the lead. */
export const LEAD_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'email',
  'phone',
  'company',
  'title',
  'website',
  'linkedinUrl',
  'city',
  'state',
  'country',
  'leadSource',
  'leadStatus',
  'notes',
] as const;
export const leadFieldSchema = z.enum(LEAD_FIELDS);
export type LeadField = z.infer<typeof leadFieldSchema>;

/** Where one column goes: a lead field, a custom field named after the column, or nowhere (our own export columns). */
export const columnTargetSchema = z.union([leadFieldSchema, z.literal('custom'), z.literal('skip')]);
export type ColumnTarget = z.infer<typeof columnTargetSchema>;

/** Column name (as made unique by the reader) → target. */
export const columnMappingSchema = z.record(z.string(), columnTargetSchema);
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const DUPLICATE_POLICIES = ['skip', 'update', 'merge'] as const;
export const duplicatePolicySchema = z.enum(DUPLICATE_POLICIES);
export type DuplicatePolicy = z.infer<typeof duplicatePolicySchema>;

/** Columns our rejected-rows export adds; a re-import of the fixed file ignores them. */
export const REJECTED_EXPORT_COLUMNS = { row: 'Import row', error: 'Import error' } as const;
