import { z } from 'zod';

export const LEAD_SORT_COLUMNS = [
  'name',
  'email',
  'company',
  'title',
  'city',
  'country',
  'status',
  'source',
  'createdAt',
  'owner',
  'score',
] as const;

// Bounded like every string the renderer sends (src/core/ipc/limits.ts).
export const leadFilterSchema = z.object({
  status: z.string().max(200).optional(),
  importId: z.number().int().optional(),
  companyId: z.number().int().optional(),
  /** Company name or part of it. */
  company: z.string().max(200).optional(),
  hasEmail: z.boolean().optional(),
  hasPhone: z.boolean().optional(),
  owner: z.string().max(200).optional(),
  /** Leads carrying this tag (any case). */
  tag: z.string().max(60).optional(),
  /** Full-text search over name, email, company, title and city; words match as prefixes. */
  search: z.string().max(500).optional(),
});
export type LeadFilter = z.infer<typeof leadFilterSchema>;

export const leadListQuerySchema = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
  /** Count the matching leads (a scan of every match); a table asks `leads:count` once per query instead. */
  withTotal: z.boolean().default(true),
  sort: z
    .object({
      column: z.enum(LEAD_SORT_COLUMNS).default('createdAt'),
      direction: z.enum(['asc', 'desc']).default('desc'),
    })
    .prefault({}),
  filter: leadFilterSchema.prefault({}),
});
export type LeadListQuery = z.input<typeof leadListQuerySchema>;

/** How many leads match a filter: the leads table asks for it after painting a query's first page. */
export const leadCountQuerySchema = z.object({ filter: leadFilterSchema.prefault({}) });
export type LeadCountQuery = z.input<typeof leadCountQuerySchema>;
export const leadCountSchema = z.object({ total: z.number().int() });

export const leadRowSchema = z.object({
  id: z.number().int(),
  contactId: z.number().int(),
  importId: z.number().int().nullable(),
  companyId: z.number().int().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  fullName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  country: z.string().nullable(),
  website: z.string().nullable(),
  linkedinUrl: z.string().nullable(),
  status: z.string().nullable(),
  source: z.string().nullable(),
  notes: z.string().nullable(),
  owner: z.string().nullable(),
  /** The lead's tags joined by ", " (null when none), as the table and a CSV show them. */
  tags: z.string().nullable(),
  /** The stored lead score (see leads/score); null until first scored. */
  score: z.number().nullable(),
  createdAt: z.string(),
});
export type LeadRow = z.infer<typeof leadRowSchema>;

/** `total` is null when the query asked for no count (`withTotal: false`). */
export const leadPageSchema = z.object({ total: z.number().int().nullable(), rows: z.array(leadRowSchema) });
export type LeadPage = z.infer<typeof leadPageSchema>;

export const leadDetailSchema = z.object({
  lead: leadRowSchema.extend({
    rowNumber: z.number().int().nullable(),
    phoneRaw: z.string().nullable(),
    domain: z.string().nullable(),
  }),
  customFields: z.array(z.object({ name: z.string(), value: z.string().nullable() })),
  activities: z.array(
    z.object({
      /** null for the event derived from the lead (imported). */ id: z.number().int().nullable(),
      kind: z.string(),
      detail: z.unknown(),
      createdAt: z.string(),
    }),
  ),
  company: z.object({ id: z.number().int(), name: z.string(), domain: z.string().nullable() }).nullable(),
  import: z.object({ id: z.number().int(), fileName: z.string(), startedAt: z.string() }).nullable(),
  /** Other leads of the same contact (from other imports or sources). */
  otherLeadIds: z.array(z.number().int()),
});
export type LeadDetail = z.infer<typeof leadDetailSchema>;
