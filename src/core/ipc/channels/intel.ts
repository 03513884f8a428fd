import { z } from 'zod';
import { channel } from '../define';
import { idText, nameText, searchText } from '../limits';
import {
  companyReportSchema,
  curatedEntryInputSchema,
  factSchema,
  factSectionSchema,
  libraryHitSchema,
  libraryIndexSummarySchema,
  profileEntrySchema,
  profileInputSchema,
  progressEventSchema,
  recentCompanySchema,
  runSummarySchema,
  workflowSchema,
} from '../../intel/domain';

const runId = z.number().int().positive();
const entryId = z.number().int().positive();

export const intelChannels = {
  /** Runs a lookup; progress arrives as `intel:progress` events tagged with the caller's `lookupId`. */
  'intel:lookup': channel(
    z.object({
      query: nameText.trim().min(1, 'type a company name'),
      workflow: workflowSchema.default('standard'),
      types: z.array(idText).max(20).optional(),
      refresh: z.boolean().default(false),
      pick: z.number().int().positive().optional(),
      lookupId: idText.min(1),
    }),
    companyReportSchema,
  ),
  'intel:cancel': channel(z.object({ lookupId: idText }), z.object({ cancelled: z.boolean() })),
  /** Re-runs one component of a stored run (also: retry a failed step). */
  'intel:rerunStep': channel(
    z.object({ runId, component: idText.min(1), refresh: z.boolean().default(false) }),
    companyReportSchema,
  ),
  'intel:recentCompanies': channel(
    z.object({ limit: z.number().int().positive().max(200).default(20) }),
    z.array(recentCompanySchema),
  ),
  'intel:report': channel(
    z.object({ runId: runId.optional(), companyId: z.number().int().positive().optional() }),
    companyReportSchema.nullable(),
  ),
  'intel:facts': channel(
    z.object({ companyId: z.number().int().positive(), sections: z.array(factSectionSchema).optional() }),
    z.array(factSchema),
  ),
  'intel:runs': channel(
    z.object({
      companyId: z.number().int().positive().optional(),
      limit: z.number().int().positive().max(500).default(50),
    }),
    z.array(runSummarySchema),
  ),
  'intel:exportMarkdown': channel(z.object({ runId }), z.object({ fileName: z.string(), markdown: z.string() })),
  /**
   * Analyst-curated company profile: entries win over found facts. Adding or removing one merges the profile
   * into the company's latest stored report at once (no provider call); `recuratedRunId` names that run, null
   * when the company has no report yet (or nothing was removed).
   */
  'intel:profile': channel(
    z.object({ company: z.union([z.number().int().positive(), nameText.trim().min(1)]) }),
    z.array(profileEntrySchema),
  ),
  'intel:profileAdd': channel(profileInputSchema, profileEntrySchema.extend({ recuratedRunId: runId.nullable() })),
  'intel:profileRemove': channel(
    z.object({ id: z.number().int().positive() }),
    z.object({ removed: z.boolean(), recuratedRunId: runId.nullable() }),
  ),
  /**
   * Curates the company of a stored report from the report screen: adds, edits or removes one entry, then
   * merges the profile as it now is into that report (no provider call). Returns the report and the entries.
   */
  'intel:curate': channel(
    z.discriminatedUnion('action', [
      z.object({ action: z.literal('add'), runId, entry: curatedEntryInputSchema }),
      z.object({ action: z.literal('edit'), runId, id: entryId, entry: curatedEntryInputSchema }),
      z.object({ action: z.literal('remove'), runId, id: entryId }),
    ]),
    z.object({ report: companyReportSchema, entries: z.array(profileEntrySchema) }),
  ),
  /**
   * The local research library: incremental re-index of the folder in settings (progress as
   * `intel:libraryProgress` events tagged with `indexId`, cancelled by `intel:libraryCancel`), and search.
   */
  'intel:libraryIndex': channel(z.object({ indexId: idText.optional() }), libraryIndexSummarySchema),
  'intel:libraryCancel': channel(z.object({ indexId: idText }), z.object({ cancelled: z.boolean() })),
  'intel:librarySearch': channel(
    z.object({ query: searchText.trim().min(1), limit: z.number().int().positive().max(100).default(10) }),
    z.array(libraryHitSchema),
  ),
  /** Opens a hit's document with the system's viewer (a PDF at its page where the viewer allows). */
  'intel:libraryOpen': channel(
    z.object({ path: z.string().max(4096), page: z.number().int().positive().nullable().default(null) }),
    z.object({ path: z.string(), page: z.number().int().positive().nullable() }),
  ),
};

export const intelEvents = {
  'intel:progress': progressEventSchema.extend({ lookupId: z.string() }),
  'intel:libraryProgress': z.object({
    indexId: z.string(),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
};
