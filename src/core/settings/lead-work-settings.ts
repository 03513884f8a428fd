import { z } from 'zod';

/** The statuses every lead can have; settings add the team's own (`leads.customStatuses`). */
export const BUILTIN_LEAD_STATUSES = ['new', 'contacted', 'replied', 'qualified', 'disqualified'] as const;

/** How senior a title is, most senior first (read from the title by `leads/score/seniority.ts`). */
export const SENIORITY_LEVELS = ['executive', 'vp', 'director', 'manager', 'individual'] as const;
export type Seniority = (typeof SENIORITY_LEVELS)[number];

/** The areas `outreach/compose/role.ts` reads from a title. */
export const LEAD_FUNCTIONS = [
  'the business',
  'engineering',
  'IT',
  'sales',
  'marketing',
  'finance',
  'operations',
  'product',
  'people',
  'data',
  'customer success',
] as const;

const statusName = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u, 'must be letters, digits, spaces, - or _, starting with a letter or digit');

const points = z.number().min(-1000).max(1000);

export const leadScoreWeightsSchema = z.object({
  recentRound: points.default(30),
  whyNowNews: points.default(20),
  seniority: points.default(15),
  function: points.default(15),
  email: points.default(10),
  /** Points per status (built-in or custom); a status not listed counts 0. */
  status: z
    .record(statusName, points)
    .default({ new: 0, contacted: 5, replied: 15, qualified: 25, disqualified: -100 }),
});
export type LeadScoreWeights = z.infer<typeof leadScoreWeightsSchema>;

export const leadWorkSettingsSchema = z
  .object({
    customStatuses: z
      .array(statusName)
      .max(50)
      .refine(
        (names) => names.every((name) => !(BUILTIN_LEAD_STATUSES as readonly string[]).includes(name.toLowerCase())),
        'must not repeat a built-in status (new, contacted, replied, qualified, disqualified)',
      )
      .default([]),
    /** Whom the team sells to: a lead whose title matches scores the seniority and function signals. */
    targetRoles: z
      .object({
        seniority: z
          .array(z.enum(SENIORITY_LEVELS))
          .max(SENIORITY_LEVELS.length)
          .default(['executive', 'vp', 'director']),
        functions: z.array(z.enum(LEAD_FUNCTIONS)).max(LEAD_FUNCTIONS.length).default([]),
      })
      .prefault({}),
    scoreWeights: leadScoreWeightsSchema.prefault({}),
  })
  .prefault({});
export type LeadWorkSettings = z.infer<typeof leadWorkSettingsSchema>;

/** The statuses a lead may be set to: the built-in ones, then the team's own. */
export function leadStatuses(settings: LeadWorkSettings): string[] {
  return [...BUILTIN_LEAD_STATUSES, ...settings.customStatuses];
}
