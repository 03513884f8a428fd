import { z } from 'zod';
import { alertEvidenceSchema, alertKindSchema } from './alert-diff';

/** A watched company: what the watch list, `crm-intel watch list` and `watch:list` show. */
export const watchSchema = z.object({
  id: z.number().int(),
  query: z.string(),
  companyId: z.number().int().nullable(),
  workflow: z.string(),
  everyMinutes: z.number().int(),
  nextDueAt: z.string(),
  lastRunId: z.number().int().nullable(),
  lastRefreshedAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type Watch = z.infer<typeof watchSchema>;

/** Something a refresh found changed, with the sentences and sources behind it. */
export const alertSchema = z.object({
  id: z.number().int(),
  watchId: z.number().int().nullable(),
  companyId: z.number().int(),
  companyName: z.string(),
  runId: z.number().int(),
  previousRunId: z.number().int().nullable(),
  kind: alertKindSchema,
  summary: z.string(),
  evidence: z.array(alertEvidenceSchema),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Alert = z.infer<typeof alertSchema>;
