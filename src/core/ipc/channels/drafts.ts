import { z } from 'zod';
import { channel } from '../define';
import { nameText } from '../limits';
import { fileTokenSchema } from '../file-tokens';
import { draftSchema, draftStatusSchema, lengthSchema, toneSchema } from '../../outreach/draft-schema';
import { storedTemplateSchema, templateInputSchema } from '../../outreach/compose/template-store';
import { MAIL_MERGE_FORMATS } from '../../outreach/export/mail-merge';
import { LLM_PROVIDER_IDS } from '../../providers/registry';

const id = z.number().int().positive();
const ids = z.array(id).min(1, 'choose at least one draft').max(100_000);

const generatorOptionsSchema = z.object({
  template: nameText.optional(),
  llm: z.boolean().optional(),
  /** With `llm`: the provider to write with, and a model other than its settings' one. */
  provider: z.enum(LLM_PROVIDER_IDS).optional(),
  model: nameText.trim().optional(),
  tone: toneSchema.optional(),
  length: lengthSchema.optional(),
});

export const draftSourceSchema = z.object({
  url: z.string(),
  title: z.string().nullable(),
  publishedDate: z.string().nullable(),
});

export const draftDetailSchema = z.object({
  draft: draftSchema,
  /** The sources of the facts the draft lists, as stored. */
  sources: z.array(draftSourceSchema),
  revisions: z.array(z.object({ subject: z.string(), body: z.string(), reason: z.string(), createdAt: z.string() })),
});

export const draftRunSchema = z.object({
  draftIds: z.array(z.number().int()),
  drafted: z.number().int(),
  skipped: z.number().int(),
  llmFallbacks: z.number().int(),
  /** Leads given no draft, with why (no title, no value proposition to build on). */
  heldBack: z.array(z.object({ leadId: z.number().int(), reason: z.string() })),
});

export const DRAFT_EXPORT_FORMATS = ['csv', 'eml', ...MAIL_MERGE_FORMATS] as const;

export const draftChannels = {
  'drafts:list': channel(
    z
      .object({
        status: draftStatusSchema.optional(),
        importId: id.optional(),
        leadId: id.optional(),
        limit: z.number().int().positive().max(10_000).optional(),
        offset: z.number().int().nonnegative().optional(),
      })
      .prefault({}),
    z.object({ drafts: z.array(draftSchema), counts: z.record(draftStatusSchema, z.number().int()) }),
  ),
  'drafts:get': channel(z.object({ id }), draftDetailSchema),
  'drafts:generate': channel(
    generatorOptionsSchema
      .extend({
        importId: id.optional(),
        leadIds: z.array(id).max(100_000).optional(),
        regenerate: z.boolean().optional(),
      })
      .refine((r) => (r.importId === undefined) !== (r.leadIds === undefined), 'give either importId or leadIds'),
    draftRunSchema,
  ),
  'drafts:update': channel(z.object({ id, subject: z.string().max(500), body: z.string().max(20_000) }), draftSchema),
  'drafts:approve': channel(z.object({ ids }), z.array(draftSchema)),
  'drafts:reject': channel(z.object({ ids }), z.array(draftSchema)),
  'drafts:markCopied': channel(z.object({ ids }), z.array(draftSchema)),
  'drafts:regenerate': channel(generatorOptionsSchema.extend({ ids }), z.array(draftSchema)),
  'drafts:export': channel(
    z.object({
      format: z.enum(DRAFT_EXPORT_FORMATS),
      file: fileTokenSchema,
      importId: id.optional(),
      ids: z.array(id).optional(),
    }),
    z.object({ path: z.string(), drafts: z.number().int() }),
  ),
  /** The LLM providers drafting can write with, each with its settings' model, or why it is not ready. */
  'drafts:llmProviders': channel(
    z.void(),
    z.array(
      z.object({
        id: z.enum(LLM_PROVIDER_IDS),
        label: z.string(),
        model: z.string(),
        problem: z.string().nullable(),
      }),
    ),
  ),
  'templates:list': channel(z.void(), z.array(storedTemplateSchema)),
  'templates:create': channel(templateInputSchema, storedTemplateSchema),
  'templates:update': channel(z.object({ name: nameText, template: templateInputSchema }), storedTemplateSchema),
  'templates:delete': channel(z.object({ name: nameText }), z.object({ deleted: z.literal(true) })),
};
