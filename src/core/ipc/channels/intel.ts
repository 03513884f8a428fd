import { z } from 'zod';
import { channel } from '../define';
import { companyReportSchema, factSchema, factSectionSchema, libraryHitSchema, libraryIndexSummarySchema, profileEntrySchema, profileInputSchema, progressEventSchema, recentCompanySchema, runSummarySchema, workflowSchema } from '../../domain/intel';

const runId = z.number().int().positive();

export const intelChannels = {
  /** Runs a lookup; progress arrives as `intel:progress` events tagged with the caller's `lookupId`. */
  'intel:lookup': channel(
    z.object({
      query: z.string().trim().min(1, 'type a company name').max(200),
      workflow: workflowSchema.default('standard'),
      types: z.array(z.string()).optional(),
      refresh: z.boolean().default(false),
      pick: z.number().int().positive().optional(),
      lookupId: z.string().min(1).max(100),
    }),
    companyReportSchema,
  ),
  'intel:cancel': channel(z.object({ lookupId: z.string() }), z.object({ cancelled: z.boolean() })),
  /** Re-runs one component of a stored run (also: retry a failed step). */
  'intel:rerunStep': channel(z.object({ runId, component: z.string().min(1), refresh: z.boolean().default(false) }), companyReportSchema),
  'intel:recentCompanies': channel(z.object({ limit: z.number().int().positive().max(200).default(20) }), z.array(recentCompanySchema)),
  'intel:report': channel(z.object({ runId: runId.optional(), companyId: z.number().int().positive().optional() }), companyReportSchema.nullable()),
  'intel:facts': channel(z.object({ companyId: z.number().int().positive(), sections: z.array(factSectionSchema).optional() }), z.array(factSchema)),
  'intel:runs': channel(z.object({ companyId: z.number().int().positive().optional(), limit: z.number().int().positive().max(500).default(50) }), z.array(runSummarySchema)),
  'intel:exportMarkdown': channel(z.object({ runId }), z.object({ fileName: z.string(), markdown: z.string() })),
  /** Analyst-curated company profile: entries win over found facts from the next lookup on. */
  'intel:profile': channel(z.object({ company: z.union([z.number().int().positive(), z.string().trim().min(1)]) }), z.array(profileEntrySchema)),
  'intel:profileAdd': channel(profileInputSchema, profileEntrySchema),
  'intel:profileRemove': channel(z.object({ id: z.number().int().positive() }), z.object({ removed: z.boolean() })),
  /** The local research library: incremental re-index of the folder in settings, and full-text search. */
  'intel:libraryIndex': channel(z.object({}), libraryIndexSummarySchema),
  'intel:librarySearch': channel(z.object({ query: z.string().trim().min(1).max(500), limit: z.number().int().positive().max(100).default(10) }), z.array(libraryHitSchema)),
};

export const intelEvents = {
  'intel:progress': progressEventSchema.extend({ lookupId: z.string() }),
};
