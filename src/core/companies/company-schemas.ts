import { z } from 'zod';

export const COMPANY_SORT_COLUMNS = [
  'name',
  'domain',
  'industry',
  'headquarters',
  'latestRound',
  'latestRoundDate',
  'employees',
  'refreshedAt',
  'leads',
  'watched',
] as const;
export type CompanySortColumn = (typeof COMPANY_SORT_COLUMNS)[number];

/** A day or a coarser date as reports write them (YYYY-MM-DD, YYYY-MM, YYYY). */
const isoDate = z
  .string()
  .max(10)
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY-MM-DD');

// Bounded like every string the renderer sends (src/core/ipc/limits.ts).
export const companyFilterSchema = z.object({
  /** Part of the name or the domain. */
  search: z.string().max(500).optional(),
  /** Part of the industry, as the latest report states it. */
  industry: z.string().max(200).optional(),
  /** Part of the headquarters (a city or a country). */
  headquarters: z.string().max(200).optional(),
  /** Part of the latest round's name ("series b", "seed"). */
  round: z.string().max(200).optional(),
  /** The latest round's date within these bounds (inclusive); a company with no dated round is left out. */
  roundFrom: isoDate.optional(),
  roundTo: isoDate.optional(),
  employeesMin: z.number().int().min(0).optional(),
  employeesMax: z.number().int().min(0).optional(),
  /** Last refreshed before this day, or never looked up: the companies due a refresh. */
  refreshedBefore: isoDate.optional(),
  hasLeads: z.boolean().optional(),
  watched: z.boolean().optional(),
});
export type CompanyFilter = z.infer<typeof companyFilterSchema>;

export const companyListQuerySchema = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
  sort: z
    .object({ column: z.enum(COMPANY_SORT_COLUMNS).default('name'), direction: z.enum(['asc', 'desc']).default('asc') })
    .prefault({}),
  filter: companyFilterSchema.prefault({}),
});
export type CompanyListQuery = z.input<typeof companyListQuerySchema>;

/** The most companies one lookup batch takes (`enrichment:start`), so the most "select all matching" ticks. */
export const MAX_BATCH_COMPANIES = 100_000;

export const companyCountQuerySchema = z.object({ filter: companyFilterSchema.prefault({}) });
export type CompanyCountQuery = z.input<typeof companyCountQuerySchema>;

export const companyRowSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  headquarters: z.string().nullable(),
  latestRound: z.string().nullable(),
  latestRoundDate: z.string().nullable(),
  employees: z.number().int().nullable(),
  /** When its latest report was stored; null for a company imported and never looked up. */
  refreshedAt: z.string().nullable(),
  leads: z.number().int(),
  watched: z.boolean(),
});
export type CompanyRow = z.infer<typeof companyRowSchema>;
