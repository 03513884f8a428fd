import { z } from 'zod';
import { channel } from '../define';
import { cellText, idText, nameText } from '../limits';
import { fileTokenSchema } from '../file-tokens';
import { columnMappingSchema, columnTargetSchema, duplicatePolicySchema } from '../../leads/fields';
import { importRecordSchema, rejectedRowSchema } from '../../leads/import/import-store';
import {
  leadCountQuerySchema,
  leadCountSchema,
  leadDetailSchema,
  leadFilterSchema,
  leadListQuerySchema,
  leadPageSchema,
} from '../../leads/query/lead-schemas';
import { editResultSchema, leadChangeSchema, undoResultSchema } from '../../leads/edit/lead-edit-schemas';
import { leadScoreSchema } from '../../leads/score/lead-score';
import { LEAD_EXPORT_COLUMN_KEYS } from '../../leads/export/lead-export';

const rowIssueSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  message: z.string(),
});

export const importSummarySchema = z.object({
  importId: z.number().int().nullable(),
  rowsTotal: z.number().int(),
  imported: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(rowIssueSchema),
  warnings: z.array(rowIssueSchema),
});

export const importPreviewSchema = z.object({
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().optional(),
  delimiter: z.string().optional(),
  sheets: z.array(z.string()).optional(),
  sheet: z.string().optional(),
  headerRowNumber: z.number().int(),
  headers: z.array(z.string()),
  sampleRows: z.array(z.object({ rowNumber: z.number().int(), cells: z.array(z.string()) })),
  columns: z.array(
    z.object({ column: z.string(), target: columnTargetSchema, confidence: z.number(), reason: z.string() }),
  ),
  fileSha256: z.string(),
  alreadyImported: z.array(z.object({ id: z.number().int(), startedAt: z.string() })),
});

/** Progress of a running import, pushed about five times a second. */
export const importProgressSchema = z.object({
  jobId: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
  totalBytes: z.number().int(),
  rowsPerSecond: z.number(),
});

const jobId = idText.min(1);
const exportResultSchema = z.object({ file: z.string(), rows: z.number().int() });

export const leadChannels = {
  'leads:list': channel(leadListQuerySchema, leadPageSchema),
  /** The total apart from the page, so a table paints a query's first rows before the count is known. */
  'leads:count': channel(leadCountQuerySchema, leadCountSchema),
  'leads:get': channel(z.object({ id: z.number().int() }), leadDetailSchema),
  /** The leads shown: those the filter matches, in the table's order, with the table's columns (default: all leads, every field). */
  'leads:export': channel(
    z.object({
      file: fileTokenSchema,
      importId: z.number().int().optional(),
      filter: leadFilterSchema.optional(),
      sort: leadListQuerySchema.shape.sort.optional(),
      columns: z.array(z.enum(LEAD_EXPORT_COLUMN_KEYS)).min(1).max(LEAD_EXPORT_COLUMN_KEYS.length).optional(),
    }),
    exportResultSchema,
  ),
  /** Status, owner, tags or notes of one lead or a selection; one `edited` activity per lead changed. */
  'leads:edit': channel(
    z.object({ leadIds: z.array(z.number().int()).min(1).max(100_000), change: leadChangeSchema }),
    editResultSchema,
  ),
  /** Undoes an edit by its batch, a lead's last edit, or (neither given) the last edit of all. */
  'leads:undo': channel(z.object({ batch: idText.optional(), leadId: z.number().int().optional() }), undoResultSchema),
  'leads:score': channel(z.object({ id: z.number().int() }), leadScoreSchema),
  /** The statuses a lead may be set to: built in, then settings' custom ones. */
  'leads:statuses': channel(z.void(), z.array(z.string())),
  'imports:preview': channel(z.object({ file: fileTokenSchema, sheet: idText.optional() }), importPreviewSchema),
  /** Resolves when the import ends; `jobId` (chosen by the caller) tags its progress events and lets it cancel. */
  'imports:start': channel(
    z.object({
      file: fileTokenSchema,
      sheet: idText.optional(),
      overrides: z.record(nameText, columnMappingSchema.valueType).optional(),
      onDuplicate: duplicatePolicySchema.optional(),
      dryRun: z.boolean().optional(),
      jobId: jobId.optional(),
    }),
    importSummarySchema,
  ),
  'imports:cancel': channel(z.object({ jobId }), z.object({ cancelled: z.boolean() })),
  'imports:list': channel(z.void(), z.array(importRecordSchema)),
  'imports:undo': channel(
    z.object({ importId: z.number().int() }),
    z.object({
      importId: z.number().int(),
      leadsRemoved: z.number().int(),
      contactsRemoved: z.number().int(),
      companiesRemoved: z.number().int(),
    }),
  ),
  'imports:rejected': channel(
    z.object({
      importId: z.number().int(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    z.object({ total: z.number().int(), rows: z.array(rejectedRowSchema) }),
  ),
  'imports:exportRejected': channel(
    z.object({ importId: z.number().int(), file: fileTokenSchema }),
    exportResultSchema,
  ),
  /** Re-imports rejected rows fixed in the app, as a new import with the original mapping. */
  'imports:retryRejected': channel(
    z.object({
      importId: z.number().int(),
      fixes: z
        .array(z.object({ row: z.number().int(), values: z.record(nameText, cellText) }))
        .min(1)
        .max(100_000),
      onDuplicate: duplicatePolicySchema.optional(),
      jobId: jobId.optional(),
    }),
    importSummarySchema,
  ),
};

export const leadEvents = {
  'import:progress': importProgressSchema,
};
