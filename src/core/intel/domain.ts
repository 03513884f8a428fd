import { z } from 'zod';

/**
 * Company intelligence: the types every other area reads (outreach drafts facts from `Fact`, batch
 * enrichment calls `IntelService.lookup`, the UI renders `CompanyReport`). Keep these stable.
 *
 * The rule behind every shape here: a fact with no source does not exist. Every value carries the
 * URL(s) it came from, and `Fact` also carries the quoted sentence.
 */

export const WORKFLOWS = ['standard', 'comprehensive'] as const;
export const workflowSchema = z.enum(WORKFLOWS);
export type Workflow = z.infer<typeof workflowSchema>;

/** Built-in components; custom components from settings use their own names. */
export const BUILTIN_COMPONENTS = ['identity', 'overview', 'executives', 'funding', 'news'] as const;
export type BuiltinComponent = (typeof BUILTIN_COMPONENTS)[number];

/** Where something was read: a web page or a document of the local research library (a `file://` URL). */
export const sourceSchema = z.object({
  /** 1-based number of the source within one report; facts and records refer to sources by URL. */
  id: z.number().int().positive(),
  url: z.string(),
  title: z.string(),
  publishedDate: z.string().nullable(),
  provider: z.string(),
});
export type Source = z.infer<typeof sourceSchema>;

export const FACT_SECTIONS = ['identity', 'overview', 'executives', 'funding', 'news', 'custom'] as const;
export const factSectionSchema = z.enum(FACT_SECTIONS);
export type FactSection = z.infer<typeof factSectionSchema>;

/**
 * One sourced statement. `kind` names the field (`industry`, `headquarters`, `executive`, `funding_round`,
 * `news_event`, or a custom component's field); `value` is that field's value as JSON.
 */
export const factSchema = z.object({
  /** Database id once stored (stable across reads of the same run); 0 before it is stored. */
  id: z.number().int().nonnegative(),
  section: factSectionSchema,
  /** For custom components: the component's name; else equal to `section`. */
  component: z.string(),
  kind: z.string(),
  value: z.unknown(),
  /** The value as one readable line (what a draft or a table shows). */
  text: z.string(),
  source: z.object({ url: z.string(), title: z.string(), publishedDate: z.string().nullable() }),
  /** The sentence of the source the value was read from, verbatim. */
  evidence: z.string(),
  confidence: z.number().min(0).max(1),
});
export type Fact = z.infer<typeof factSchema>;

/** A value of a single-valued field with the sources that state it. Several entries = sources disagree. */
export const sourcedValueSchema = z.object({ value: z.string(), sources: z.array(z.string()) });
export type SourcedValue = z.infer<typeof sourcedValueSchema>;

export const OVERVIEW_FIELDS = ['description', 'industry', 'headquarters', 'founded', 'employees', 'products'] as const;
export type OverviewField = (typeof OVERVIEW_FIELDS)[number];

/** Each field: the values found, side by side when sources conflict; empty = not found (see `notFound`). */
export const overviewSchema = z.object({
  description: z.array(sourcedValueSchema),
  industry: z.array(sourcedValueSchema),
  headquarters: z.array(sourcedValueSchema),
  founded: z.array(sourcedValueSchema),
  employees: z.array(sourcedValueSchema),
  products: z.array(sourcedValueSchema),
});
export type Overview = z.infer<typeof overviewSchema>;

export const SENIORITIES = ['c_level', 'founder', 'vp', 'director', 'head', 'board', 'other'] as const;
export const FUNCTIONS = [
  'executive',
  'finance',
  'technology',
  'operations',
  'sales',
  'marketing',
  'product',
  'people',
  'legal',
  'investment',
  'other',
] as const;

export const executiveSchema = z.object({
  name: z.string(),
  title: z.string(),
  function: z.enum(FUNCTIONS),
  seniority: z.enum(SENIORITIES),
  sources: z.array(z.string()),
  /** `profile`: from the analyst-curated company profile, which wins over found facts on conflict. */
  origin: z.enum(['found', 'profile']),
});
export type Executive = z.infer<typeof executiveSchema>;

export const fundingEventSchema = z.object({
  /** ISO date (YYYY-MM-DD, or YYYY-MM / YYYY when the source is that coarse); null when undated. */
  date: z.string().nullable(),
  round: z.string().nullable(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  leadInvestors: z.array(z.string()),
  investors: z.array(z.string()),
  sources: z.array(z.string()),
});
export type FundingEvent = z.infer<typeof fundingEventSchema>;

/** For an investment firm: what sources say about its strategies and holdings. */
export const investmentSchema = z.object({
  kind: z.enum(['strategy', 'holding']),
  value: z.string(),
  sources: z.array(z.string()),
});
export type Investment = z.infer<typeof investmentSchema>;

/** Why a news event is a reason to reach out now. */
export const TRIGGER_KINDS = [
  'funding',
  'launch',
  'partnership',
  'expansion',
  'hire',
  'acquisition',
  'award',
  'other',
] as const;
export const triggerKindSchema = z.enum(TRIGGER_KINDS);
export type TriggerKind = z.infer<typeof triggerKindSchema>;

export const newsEventSchema = z.object({
  date: z.string().nullable(),
  title: z.string(),
  summary: z.string(),
  trigger: triggerKindSchema,
  /** "Why now" rank, 0..1: trigger weight times recency. The list is sorted by it, highest first. */
  score: z.number().min(0).max(1),
  sources: z.array(z.string()),
});
export type NewsEvent = z.infer<typeof newsEventSchema>;

export const companyIdentitySchema = z.object({
  name: z.string(),
  domain: z.string().nullable(),
  aliases: z.array(z.string()),
});
export type CompanyIdentity = z.infer<typeof companyIdentitySchema>;

/** One of several companies the typed name may mean; pass its `index` as `pick`. */
export const candidateSchema = z.object({
  index: z.number().int().positive(),
  name: z.string(),
  domain: z.string().nullable(),
  description: z.string(),
  sources: z.array(z.string()),
});
export type Candidate = z.infer<typeof candidateSchema>;

export const customSectionSchema = z.object({
  name: z.string(),
  fields: z.record(z.string(), z.array(sourcedValueSchema)),
});
export type CustomSection = z.infer<typeof customSectionSchema>;

export const STEP_STATUSES = ['pending', 'running', 'completed', 'failed', 'skipped', 'cancelled'] as const;
export const stepStatusSchema = z.enum(STEP_STATUSES);
export type StepStatus = z.infer<typeof stepStatusSchema>;

export const PROVIDER_ERROR_KINDS = [
  'auth',
  'rate_limit',
  'quota',
  'bad_request',
  'network',
  'timeout',
  'server',
  'invalid_response',
  'cancelled',
] as const;
export const providerErrorSchema = z.object({
  kind: z.enum(PROVIDER_ERROR_KINDS),
  message: z.string(),
  retryAfterMs: z.number().optional(),
});

export const stepSummarySchema = z.object({
  id: z.number().int(),
  component: z.string(),
  status: stepStatusSchema,
  providerCalls: z.number().int(),
  cacheHits: z.number().int(),
  credits: z.number(),
  durationMs: z.number().nullable(),
  error: providerErrorSchema.nullable(),
  skippedReason: z.string().nullable(),
});
export type StepSummary = z.infer<typeof stepSummarySchema>;

export const RUN_STATUSES = ['running', 'completed', 'partial', 'failed', 'cancelled'] as const;
export const runSummarySchema = z.object({
  id: z.number().int(),
  query: z.string(),
  workflow: z.string(),
  status: z.enum(RUN_STATUSES),
  providerCalls: z.number().int(),
  cacheHits: z.number().int(),
  credits: z.number(),
  partial: z.boolean(),
  /** True when at least one response was served from an expired cache entry because the provider was unreachable. */
  stale: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  steps: z.array(stepSummarySchema),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

/** What is new in this report compared with the previous stored report of the same company. */
export const reportChangesSchema = z.object({
  previousRunId: z.number().int().nullable(),
  previousAt: z.string().nullable(),
  newExecutives: z.array(z.string()),
  newFunding: z.array(z.string()),
  newNews: z.array(z.string()),
});
export type ReportChanges = z.infer<typeof reportChangesSchema>;

/** What `crm-intel lookup --json` prints and what `IntelService.lookup` returns. */
export const companyReportSchema = z.object({
  /** Stored company id; null when the lookup stopped at ambiguous candidates. */
  companyId: z.number().int().nullable(),
  query: z.string(),
  workflow: z.string(),
  generatedAt: z.string(),
  company: companyIdentitySchema,
  overview: overviewSchema,
  executives: z.array(executiveSchema),
  funding: z.array(fundingEventSchema),
  investments: z.array(investmentSchema),
  news: z.array(newsEventSchema),
  custom: z.array(customSectionSchema),
  facts: z.array(factSchema),
  sources: z.array(sourceSchema),
  /** Non-empty when the name matched several companies and none was picked; the report is then empty. */
  candidates: z.array(candidateSchema),
  /** Fields searched for with no evidence found, as `section.field` (e.g. `overview.founded`). */
  notFound: z.array(z.string()),
  /** Components that did not complete, and why: the report is partial when this is non-empty. */
  partial: z.array(z.object({ component: z.string(), status: stepStatusSchema, reason: z.string() })),
  changes: reportChangesSchema,
  run: runSummarySchema,
  /**
   * The decision makers and overview as the lookup found them, before the curated profile was merged in, so
   * an edited or removed entry can be re-applied without a lookup. Absent in reports stored before it was kept.
   */
  uncurated: z
    .object({ executives: z.array(executiveSchema), overview: overviewSchema, notFound: z.array(z.string()) })
    .optional(),
});
export type CompanyReport = z.infer<typeof companyReportSchema>;

export const progressEventSchema = z.object({
  runId: z.number().int(),
  component: z.string(),
  status: stepStatusSchema,
  message: z.string(),
  providerCalls: z.number().int().optional(),
  cacheHits: z.number().int().optional(),
});
export type ProgressEvent = z.infer<typeof progressEventSchema>;

export interface LookupOptions {
  /** A built-in workflow or one of the analyst's (see workflow-catalog.ts); `standard` by default. */
  workflow?: string;
  /** Run only these components (and what they depend on), e.g. `['executives']`. */
  types?: string[];
  /** Ignore cached responses and re-fetch. */
  refresh?: boolean;
  /** 1-based candidate index when the name is ambiguous. */
  pick?: number;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
}

export const recentCompanySchema = z.object({
  companyId: z.number().int(),
  name: z.string(),
  domain: z.string().nullable(),
  lastRunId: z.number().int(),
  lastLookupAt: z.string(),
});
export type RecentCompany = z.infer<typeof recentCompanySchema>;

/** What an analyst may curate in a company profile: a decision maker, or an overview field. */
export const PROFILE_KINDS = ['executive', ...OVERVIEW_FIELDS] as const;
export const profileKindSchema = z.enum(PROFILE_KINDS);
export type ProfileKind = z.infer<typeof profileKindSchema>;

/**
 * One analyst-curated entry. It wins over found facts on conflict (a curated title replaces a found one, a
 * curated decision maker appears even if no source names them) and is cited as its own source: the analyst
 * and the date (`profile:<id>`).
 */
export const profileEntrySchema = z.object({
  id: z.number().int(),
  companyId: z.number().int(),
  kind: profileKindSchema,
  /** The executive's name, or the overview field's value. */
  value: z.string(),
  /** The executive's title; null for overview fields. */
  title: z.string().nullable(),
  /** The analyst's note, e.g. where they learned it; quoted as the fact's evidence. */
  note: z.string().nullable(),
  curator: z.string(),
  updatedAt: z.string(),
});
export type ProfileEntry = z.infer<typeof profileEntrySchema>;

const profileEntryFields = z.object({
  kind: profileKindSchema,
  value: z.string().trim().min(1).max(500),
  title: z.string().trim().min(1).max(200).optional(),
  note: z.string().trim().max(1000).optional(),
  curator: z.string().trim().min(1).max(100).optional(),
});
const executiveHasTitle = (input: { kind: ProfileKind; title?: string }) => input.kind !== 'executive' || input.title;
const executiveNeedsTitle = { message: 'an executive needs a title', path: ['title'] };

/** An entry for a company already known (the report screen's company). */
export const curatedEntryInputSchema = profileEntryFields.refine(executiveHasTitle, executiveNeedsTitle);
export type CuratedEntryInput = z.input<typeof curatedEntryInputSchema>;

export const profileInputSchema = profileEntryFields
  .extend({
    /** A stored company's name or domain; a company never looked up is created by name. */
    company: z.string().trim().min(1).max(200),
  })
  .refine(executiveHasTitle, executiveNeedsTitle);
export type ProfileInput = z.input<typeof profileInputSchema>;

export const libraryIndexSummarySchema = z.object({
  folder: z.string(),
  added: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  unchanged: z.number().int(),
  /** Files not indexed, or only in part (an unreadable, encrypted or too large PDF), each named; the others are indexed. */
  warnings: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type LibraryIndexSummary = z.infer<typeof libraryIndexSummarySchema>;

/**
 * A research-library hit: the search providers' result shape, with a `file://` URL (`#page=N` for a PDF
 * page), the file and page to open, and the passage as plain and matched segments (text, never markup).
 */
export const libraryHitSchema = z.object({
  path: z.string(),
  page: z.number().int().positive().nullable(),
  url: z.string(),
  title: z.string(),
  content: z.string(),
  passage: z.array(z.object({ text: z.string(), match: z.boolean() })),
  publishedDate: z.string().nullable(),
  score: z.number(),
});
export type LibraryHit = z.infer<typeof libraryHitSchema>;

/**
 * The service other areas call. Obtain it as `services.intel` (see `src/core/services/app-services.ts`).
 * Curated profiles are `services.profiles` and the research library `services.library`.
 */
export interface IntelService {
  /** Researches a company; never throws for provider failures (they show in `report.partial`). */
  lookup(query: string, options?: LookupOptions): Promise<CompanyReport>;
  /** Re-runs one component of a stored run (and nothing else), returning the updated report. A run that was interrupted stored no results, so it runs whole again. */
  rerunStep(
    runId: number,
    component: string,
    options?: Pick<LookupOptions, 'refresh' | 'signal' | 'onProgress'>,
  ): Promise<CompanyReport>;
  /** The latest stored report of a company, or null if it was never looked up. */
  latestReport(companyId: number): CompanyReport | null;
  /** The stored report of one run. */
  report(runId: number): CompanyReport | null;
  /** A stored report with the company's curated profile as it is now merged in (no provider call), stored. */
  recurate(runId: number): CompanyReport;
  /** The facts of a company's latest report (what outreach drafts cite), optionally of some sections. */
  latestFacts(companyId: number, sections?: FactSection[]): Fact[];
  /** Newest first. A run left `running` by a process that stopped reads as `failed`, its unfinished steps failed and retryable. */
  runs(options?: { companyId?: number; limit?: number }): RunSummary[];
  /** One run with its steps, or null. */
  run(runId: number): RunSummary | null;
  /** Marks runs whose process stopped mid-lookup as failed (never a run of a live process); returns their ids. Done on start and by `runs`/`run`. */
  interruptOrphanedRuns(): number[];
}
