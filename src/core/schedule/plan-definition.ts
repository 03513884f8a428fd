import { z } from 'zod';
import { Cron } from 'croner';
import { ALERT_KINDS } from '../watch/alert-diff';

/** What a plan can do, from a fixed set; each is a `PlanStep` in plan-steps.ts. */
export const PLAN_STEPS = ['refresh-watches', 'enrich-import', 'draft-alerts', 'export-drafts', 'notify'] as const;
export type PlanStepName = (typeof PLAN_STEPS)[number];

/** Steps and their options; a step without options may be written as its bare name. */
export const planStepSpecSchema = z.discriminatedUnion('step', [
  z.strictObject({ step: z.literal('refresh-watches') }),
  z.strictObject({
    step: z.literal('enrich-import'),
    importId: z.number({ error: 'choose the import to enrich' }).int().positive('choose the import to enrich'),
  }),
  z.strictObject({ step: z.literal('draft-alerts') }),
  z.strictObject({
    step: z.literal('export-drafts'),
    folder: z.string().min(1, 'choose the folder to export to').max(4096),
  }),
  z.strictObject({ step: z.literal('notify') }),
]);
export const planStepSchema = z.union(
  [z.enum(['refresh-watches', 'draft-alerts', 'notify']).transform((step) => ({ step })), planStepSpecSchema],
  {
    error:
      'must be refresh-watches, draft-alerts, notify, {"step": "enrich-import", "importId": N} or {"step": "export-drafts", "folder": "..."}',
  },
);
export type PlanStepSpec = z.infer<typeof planStepSpecSchema>;

/** A step as the log and `crm-intel plans list` show it: its name and options. */
export function describeStep(spec: PlanStepSpec): string {
  if (spec.step === 'enrich-import') return `enrich-import=${spec.importId}`;
  if (spec.step === 'export-drafts') return `export-drafts=${spec.folder}`;
  return spec.step;
}

const cronTrigger = z
  .strictObject({
    cron: z
      .string()
      .max(100)
      .refine(
        (expression) => isCron(expression),
        'not a cron expression (minute hour day-of-month month day-of-week, e.g. "0 9 * * 1-5")',
      ),
    /** IANA time zone the expression is read in; the computer's own by default. */
    timezone: z.string().max(60).optional(),
  })
  // croner accepts any zone name and fails only when asked for a time: ask once here, not in the scheduler.
  .refine((trigger) => trigger.timezone === undefined || !isCron(trigger.cron) || isZone(trigger.timezone), {
    path: ['timezone'],
    message: 'not a time zone (an IANA name such as "Europe/Berlin" or "UTC")',
  });
const MAX_EVERY_HOURS = 24 * 31;
const everyTrigger = z.strictObject({
  everyHours: z
    .number({ error: 'enter a number of hours' })
    .positive('must be more than 0 hours')
    .max(MAX_EVERY_HOURS, `must be at most ${MAX_EVERY_HOURS} hours (31 days)`),
});

/** Runs when a watch refresh raises an alert of one of these kinds, optionally only for these companies. */
const alertTrigger = z.strictObject({
  alertKinds: z
    .array(
      z.enum(ALERT_KINDS, {
        error: (issue) => `unknown alert kind ${JSON.stringify(issue.input)} (one of ${ALERT_KINDS.join(', ')})`,
      }),
    )
    .min(1, `name at least one alert kind (${ALERT_KINDS.join(', ')})`)
    .max(ALERT_KINDS.length),
  /** Company names as watched or looked up (matched without case and punctuation); every company when absent. */
  companies: z.array(z.string().trim().min(1, 'a company name may not be empty').max(200)).min(1).max(200).optional(),
});

const TRIGGER_SHAPES = 'must be {"cron": "..."}, {"everyHours": N} or {"alertKinds": [...]}';
const triggerKinds = [
  ['cron', cronTrigger],
  ['everyHours', everyTrigger],
  ['alertKinds', alertTrigger],
] as const;
type Trigger = z.infer<typeof cronTrigger> | z.infer<typeof everyTrigger> | z.infer<typeof alertTrigger>;

/** The trigger's kind is read from its key, so a mistake is reported against that kind, not as "no union member". */
const triggerSchema = z.unknown().transform((value, ctx): Trigger => {
  const kind =
    typeof value === 'object' && value !== null ? triggerKinds.find(([key]) => key in value)?.[1] : undefined;
  if (!kind) {
    ctx.addIssue({ code: 'custom', message: TRIGGER_SHAPES });
    return z.NEVER;
  }
  const parsed = kind.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
});

export const planDefinitionSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9_-]*$/, 'must be lower-case letters, digits, - or _')
      .max(60),
    trigger: triggerSchema,
    steps: z.array(planStepSchema).min(1).max(10),
  })
  .superRefine((plan, ctx) => {
    // Its own refresh would raise the alerts that start it again.
    if ('alertKinds' in plan.trigger) {
      const index = plan.steps.findIndex((s) => s.step === 'refresh-watches');
      if (index >= 0)
        ctx.addIssue({
          code: 'custom',
          path: ['steps', index],
          message: 'a plan started by alerts cannot refresh the watch list (its alerts would start it again)',
        });
    }
  });
export type PlanDefinition = z.infer<typeof planDefinitionSchema>;
export type PlanTrigger = PlanDefinition['trigger'];
export type AlertTrigger = z.infer<typeof alertTrigger>;
export const isAlertTrigger = (trigger: PlanTrigger): trigger is AlertTrigger => 'alertKinds' in trigger;

function isCron(expression: string): boolean {
  try {
    new Cron(expression, { paused: true });
    return true;
  } catch {
    return false;
  }
}

function isZone(timezone: string): boolean {
  try {
    new Cron('0 0 * * *', { paused: true, timezone }).nextRun();
    return true;
  } catch {
    return false;
  }
}

/** A problem with a plan at its field (`trigger.cron`, `steps[1].folder`; '' for the plan as a whole). */
export interface PlanIssue {
  field: string;
  message: string;
}
export type PlanCheck = { ok: true; plan: PlanDefinition } | { ok: false; issues: PlanIssue[] };

/** Checks a plan with the one schema; the CLI, main and the plan editor in the page all read its issues from here. */
export function checkPlan(input: unknown): PlanCheck {
  const parsed = planDefinitionSchema.safeParse(input);
  if (parsed.success) return { ok: true, plan: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({ field: z.core.toDotPath(issue.path), message: issue.message })),
  };
}

/** The issues as one line each with where it is (`trigger.cron: ...`): what the command line shows. */
export const describePlanIssues = (issues: readonly PlanIssue[]) =>
  issues.map((issue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message)).join('; ');

/** A trigger in a few words, as `crm-intel plans list` and the app's plan list show it. */
export function describeTrigger(trigger: PlanTrigger): string {
  if ('cron' in trigger) return `cron "${trigger.cron}"${trigger.timezone ? ` ${trigger.timezone}` : ''}`;
  if ('everyHours' in trigger) return `every ${trigger.everyHours} h`;
  return `on ${trigger.alertKinds.join(' or ')} alerts${trigger.companies ? ` at ${trigger.companies.join(', ')}` : ''}`;
}

/**
 * The first time the trigger fires strictly after `after`; null when a cron expression never fires again,
 * and for an alert trigger, which has no time.
 */
export function nextFire(trigger: PlanTrigger, after: Date): Date | null {
  if (isAlertTrigger(trigger)) return null;
  if ('everyHours' in trigger) return new Date(after.getTime() + trigger.everyHours * 3_600_000);
  return new Cron(trigger.cron, { paused: true, timezone: trigger.timezone }).nextRun(after);
}

/** How many times the trigger fired in (from, to]: the runs a sleeping computer missed, counted up to `cap`. */
export function firesBetween(trigger: PlanTrigger, from: Date, to: Date, cap = 1000): number {
  let count = 0;
  for (let at = nextFire(trigger, from); at && at <= to && count < cap; at = nextFire(trigger, at)) count++;
  return count;
}
