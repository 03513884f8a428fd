import { z } from 'zod';
import { channel } from '../define';

const status = z.enum(['running', 'completed', 'failed', 'interrupted']);
const counts = z.record(z.string(), z.number()).nullable();

/** One step of a plan run as the execution log keeps it (`schedule/plan-store.ts`, `PlanRunStep`). */
export const planRunStepSchema = z.object({
  step: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status,
  counts,
  providerCalls: z.number(),
  credits: z.number(),
  error: z.string().nullable(),
});

/** A plan run with its steps (`PlanRun`): what the Runs view lists beside lookups. */
export const planRunSchema = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  planName: z.string(),
  trigger: z.enum(['schedule', 'manual', 'alerts']),
  alertIds: z.array(z.number().int()),
  dueAt: z.string(),
  missed: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status,
  summary: counts,
  error: z.string().nullable(),
  steps: z.array(planRunStepSchema),
});
export type PlanRunView = z.infer<typeof planRunSchema>;

/** The execution log of plans (`src/core/schedule/`). */
export const planChannels = {
  /** Every plan's latest runs, newest first, each with its steps. */
  'plans:runs': channel(z.object({ limit: z.number().int().positive().max(500).default(50) }), z.array(planRunSchema)),
};
