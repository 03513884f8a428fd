import { z } from 'zod';
import { WHY_NOW_KINDS } from './compose/grounding-fact';

export const DRAFT_STATUSES = ['draft', 'approved', 'rejected', 'copied'] as const;
export const draftStatusSchema = z.enum(DRAFT_STATUSES);
export type DraftStatus = z.infer<typeof draftStatusSchema>;

export const generatorKindSchema = z.enum(['template', 'llm']);
export type GeneratorKind = z.infer<typeof generatorKindSchema>;

export const toneSchema = z.enum(['friendly', 'formal', 'direct']);
export type Tone = z.infer<typeof toneSchema>;

export const lengthSchema = z.enum(['short', 'medium', 'long']);
export type DraftLength = z.infer<typeof lengthSchema>;

/** Most words a body of each length may have before the lint warns. */
export const BODY_WORD_LIMITS: Record<DraftLength, number> = { short: 90, medium: 150, long: 220 };
/** Fewer words than this read as a form letter: too little to be about the person. */
export const BODY_WORD_MINIMUM = 50;
/** Longer subjects are cut off in most inboxes. */
export const SUBJECT_CHARACTER_LIMIT = 60;

/** A fact a draft relies on, with where it came from. */
export const draftFactSchema = z.object({
  id: z.number().int(),
  text: z.string(),
  sourceUrl: z.string(),
  /** The kind of "why now" event the fact is, when it is one: lets the lint accept "Congrats on the launch". */
  trigger: z.enum(WHY_NOW_KINDS).nullable().optional(),
  /** When the event happened (YYYY-MM-DD), when known: lets the lint catch an old event presented as news. */
  date: z.string().nullable().optional(),
});
export type DraftFact = z.infer<typeof draftFactSchema>;

export const LINT_RULES = [
  'unresolved_placeholder',
  'too_long',
  'too_short',
  'ungrounded_claim',
  'foreign_link',
  'spam_phrase',
  'missing_personal_detail',
  'dangling_reference',
  'repeated_company',
  'stale_news',
] as const;
export const lintRuleSchema = z.enum(LINT_RULES);
export type LintRule = z.infer<typeof lintRuleSchema>;

/** A warning about one part of a draft: `start`/`end` are character offsets into `field`. */
export const lintWarningSchema = z.object({
  rule: lintRuleSchema,
  message: z.string(),
  field: z.enum(['subject', 'body']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type LintWarning = z.infer<typeof lintWarningSchema>;

/** The words of a draft before it is stored. */
export interface ComposedDraft {
  subject: string;
  body: string;
  generator: GeneratorKind;
  template: string | null;
  facts: DraftFact[];
  lint: LintWarning[];
  /** Why the LLM's draft was replaced by this template draft (recorded on the lead's activity). */
  llmFallback?: string;
}

export const draftSchema = z.object({
  id: z.number().int(),
  leadId: z.number().int(),
  to: z.string().nullable(),
  toName: z.string(),
  company: z.string(),
  /** The lead's stored source (the sample lead file's marks its drafts as sample data). */
  leadSource: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  status: draftStatusSchema,
  generator: generatorKindSchema,
  template: z.string().nullable(),
  /** Why this is the template's draft though the LLM was asked to write it; null when written as asked. */
  llmFallback: z.string().nullable(),
  facts: z.array(draftFactSchema),
  lint: z.array(lintWarningSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Draft = z.infer<typeof draftSchema>;
