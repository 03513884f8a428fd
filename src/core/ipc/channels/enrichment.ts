import { z } from 'zod';
import { channel } from '../define';
import { nameText } from '../limits';
import { workflowSchema } from '../../intel/domain';
import { batchSummarySchema } from '../../enrichment/batch-store';
import { MAX_BATCH_COMPANIES } from '../../companies/company-schemas';

const id = z.number().int().positive();

export const enrichmentProgressSchema = z.object({
  batchId: z.number().int(),
  companiesDone: z.number().int(),
  companiesFailed: z.number().int(),
  companiesTotal: z.number().int(),
  etaMs: z.number().nullable(),
  last: z.object({ company: z.string(), ok: z.boolean(), error: z.string().optional() }).nullable(),
});

export const enrichmentChannels = {
  /** Plans (or finds) the batch and starts it in a worker; progress arrives as `enrichment:progress` events. */
  'enrichment:start': channel(
    z
      .object({
        importId: id.optional(),
        leadIds: z.array(id).max(100_000).optional(),
        companyIds: z.array(id).max(MAX_BATCH_COMPANIES).optional(),
        workflow: workflowSchema.optional(),
      })
      .refine(
        (r) => [r.importId, r.leadIds, r.companyIds].filter((given) => given !== undefined).length === 1,
        'give one of importId, leadIds or companyIds',
      ),
    batchSummarySchema,
  ),
  /** The persisted state: `running` while a live runner has it, `interrupted` when its runner died (resume with start). */
  'enrichment:status': channel(z.object({ batchId: id }), batchSummarySchema),
  /** Asks the batch's runner to stop, in whichever process it runs; `cancelled` is false when nothing runs it. */
  'enrichment:cancel': channel(z.object({ batchId: id }), z.object({ cancelled: z.boolean() })),
  /** The import's enrichment batch, if it has one (an import has at most one), without starting anything. */
  'enrichment:list': channel(z.object({ importId: id }), z.array(batchSummarySchema)),
  /** Retries the batch's failed companies, or only the one named. */
  'enrichment:retry': channel(z.object({ batchId: id, companyKey: nameText.optional() }), batchSummarySchema),
};

export const enrichmentEvents = {
  'enrichment:progress': enrichmentProgressSchema,
  'enrichment:finished': batchSummarySchema,
};
