import { z } from 'zod';
import { channel } from '../define';
import { idText, nameText } from '../limits';
import { alertKindSchema } from '../../watch/alert-diff';
import { planStepSpecSchema } from '../../schedule/plan-definition';

const status = z.enum(['running', 'completed', 'failed', 'interrupted', 'cancelled']);
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
  cancelRequestedAt: z.string().nullable(),
  steps: z.array(planRunStepSchema),
});
export type PlanRunView = z.infer<typeof planRunSchema>;

/** A stored plan (`Plan`); `nextDueAt` is null when it runs only on alerts (or a cron that never fires again). */
export const planSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  trigger: z.union([
    z.object({ cron: z.string(), timezone: z.string().optional() }),
    z.object({ everyHours: z.number() }),
    z.object({ alertKinds: z.array(alertKindSchema), companies: z.array(z.string()).optional() }),
  ]),
  steps: z.array(planStepSpecSchema),
  paused: z.boolean(),
  nextDueAt: z.string().nullable(),
  createdAt: z.string(),
  /**
   * Its run in progress, from the lease and the log: in this app (`here`) or another process (`owner`, e.g.
   * `cli:4242` for `crm-intel`); `cancelRequested` once a cancel was asked for. Null when it is not running.
   */
  running: z
    .object({
      runId: z.number().int(),
      startedAt: z.string(),
      trigger: z.enum(['schedule', 'manual', 'alerts']),
      here: z.boolean(),
      owner: z.string(),
      cancelRequested: z.boolean(),
    })
    .nullable(),
});
export type PlanView = z.infer<typeof planSchema>;

/**
 * A plan as the editor sends it: bounded here, checked in full by core's plan schema, whose problems come
 * back by field. An export step's folder is a folder token from main's dialog, or the path the plan has now.
 */
const planInput = z.object({
  name: idText,
  trigger: z.union([
    z.object({ cron: idText, timezone: idText.optional() }),
    z.object({ everyHours: z.number() }),
    z.object({ alertKinds: z.array(idText).max(20), companies: z.array(nameText).max(200).optional() }),
  ]),
  steps: z
    .array(z.object({ step: idText, importId: z.number().optional(), folder: z.string().max(4096).optional() }))
    .max(20),
});
export type PlanInput = z.input<typeof planInput>;

const planName = z.object({ name: idText.min(1) });

/** Execution plans and their log (`src/core/schedule/`), over the scheduler the CLI uses. */
export const planChannels = {
  /** Every plan's latest runs, newest first, each with its steps. */
  'plans:runs': channel(z.object({ limit: z.number().int().positive().max(500).default(50) }), z.array(planRunSchema)),
  /** Every plan by name, with its trigger, steps and next run. */
  'plans:list': channel(z.object({}), z.array(planSchema)),
  /** Adds a plan, or edits `existing` (its current name); otherwise its problems by field. */
  'plans:save': channel(
    z.object({ plan: planInput, existing: idText.min(1).optional() }),
    z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), plan: planSchema }),
      z.object({ ok: z.literal(false), issues: z.array(z.object({ field: z.string(), message: z.string() })) }),
    ]),
  ),
  /** Stops a plan from running on its trigger, or lets it again. */
  'plans:setPaused': channel(planName.extend({ paused: z.boolean() }), planSchema),
  /** Removes a plan and its log. */
  'plans:remove': channel(planName, z.object({ removed: z.string() })),
  /** Runs a plan now, due or not, and answers its run when it ends; refused while another process runs it. */
  'plans:run': channel(planName, planRunSchema),
  /**
   * Cancels the plan's run in progress: in the app (by "Run now" or on its trigger) at once, and `plans:run`
   * then answers the run, `cancelled`; in another process (`elsewhere`) by a request it acts on within seconds.
   * Refused, saying why, when the plan is not running.
   */
  'plans:cancel': channel(planName, z.object({ cancelling: z.string(), elsewhere: z.boolean() })),
};
