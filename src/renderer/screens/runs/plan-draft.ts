import type { PlanInput, PlanView } from '../../../core/ipc/channels/plans';
import { nextFire, type PlanIssue, type PlanStepName } from '../../../core/schedule/plan-definition';
import type { AlertKind } from '../../../core/watch/alert-diff';

export type TriggerKind = 'cron' | 'every' | 'alerts';

/** A step being edited; an export folder picked in this form also has main's token for it. */
export interface DraftStep {
  step: PlanStepName;
  importId?: number;
  folder?: string;
  folderToken?: string;
}

/** The plan form's state: every trigger kind's fields are kept, so switching kinds loses nothing typed. */
export interface PlanDraft {
  name: string;
  kind: TriggerKind;
  cron: string;
  timezone: string;
  everyHours: number;
  alertKinds: AlertKind[];
  /** One company a line; empty for every company. */
  companies: string;
  steps: DraftStep[];
}

export const STEP_LABELS: Record<PlanStepName, string> = {
  'refresh-watches': 'Refresh the watch list',
  'enrich-import': 'Enrich an import',
  'draft-alerts': 'Draft for new alerts',
  'export-drafts': 'Export approved drafts',
  notify: 'Send alerts to webhooks',
};

export const NEW_PLAN: PlanDraft = {
  name: '',
  kind: 'cron',
  cron: '0 8 * * 1-5',
  timezone: '',
  everyHours: 24,
  alertKinds: [],
  companies: '',
  steps: [{ step: 'refresh-watches' }],
};

export function toDraft(plan: PlanView): PlanDraft {
  const { trigger } = plan;
  return {
    ...NEW_PLAN,
    name: plan.name,
    kind: 'cron' in trigger ? 'cron' : 'everyHours' in trigger ? 'every' : 'alerts',
    ...('cron' in trigger && { cron: trigger.cron, timezone: trigger.timezone ?? '' }),
    ...('everyHours' in trigger && { everyHours: trigger.everyHours }),
    ...('alertKinds' in trigger && { alertKinds: trigger.alertKinds, companies: (trigger.companies ?? []).join('\n') }),
    steps: plan.steps.map((s) => ({ ...s })),
  };
}

/**
 * The plan as core's schema reads it. `forMain` sends a folder picked here as its token (main writes only to
 * folders from its own dialog); the page's own check reads the path.
 */
export function toInput(draft: PlanDraft, forMain = false): PlanInput {
  const companies = draft.companies
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const trigger: PlanInput['trigger'] =
    draft.kind === 'cron'
      ? { cron: draft.cron.trim(), ...(draft.timezone.trim() && { timezone: draft.timezone.trim() }) }
      : draft.kind === 'every'
        ? { everyHours: draft.everyHours }
        : { alertKinds: draft.alertKinds, ...(companies.length > 0 && { companies }) };
  const steps = draft.steps.map((s) => {
    if (s.step === 'enrich-import') return { step: s.step, importId: s.importId };
    if (s.step === 'export-drafts') return { step: s.step, folder: (forMain && s.folderToken) || (s.folder ?? '') };
    return { step: s.step };
  });
  return { name: draft.name.trim(), trigger, steps };
}

/** The next `count` times the draft's cron expression fires after `from`; none for an invalid one. */
export function nextCronRuns(draft: PlanDraft, from: Date, count = 3): Date[] {
  const trigger = { cron: draft.cron.trim(), timezone: draft.timezone.trim() || undefined };
  const times: Date[] = [];
  try {
    for (let at = nextFire(trigger, from); at && times.length < count; at = nextFire(trigger, at)) times.push(at);
  } catch {
    return []; // not a cron expression or time zone: the field's own problem says so
  }
  return times;
}

const pad = (n: number) => String(n).padStart(2, '0');
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A run's time on this computer's clock, with its weekday (cron expressions are mostly about weekdays). */
export function formatRunTime(at: Date): string {
  return `${WEEKDAYS[at.getDay()]} ${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** The issues at one field: exactly there, or inside it (`trigger.alertKinds` also shows `trigger.alertKinds[1]`). */
export const issuesAt = (issues: readonly PlanIssue[], field: string) =>
  issues.filter((i) => i.field === field || i.field.startsWith(`${field}[`)).map((i) => i.message);
