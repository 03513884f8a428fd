import type { Db } from '../store/database';
import { sql, statements } from '../store/statements';
import { UserFacingError } from '../errors';
import { AlertActionsStore } from '../notify/alert-actions-store';
import { normaliseKey } from '../intel/text';
import {
  checkPlan,
  describePlanIssues,
  describeStep,
  firesBetween,
  isAlertTrigger,
  nextFire,
  planDefinitionSchema,
  type AlertTrigger,
  type PlanDefinition,
  type PlanIssue,
  type PlanStepName,
  type PlanStepSpec,
} from './plan-definition';

/**
 * One step of a plan: does its work and returns counts for the execution log (`providerCalls` and
 * `credits` also get columns of their own). Throws `StepFailure` to fail with the counts of what it did.
 */
export type PlanStep<S extends PlanStepSpec = PlanStepSpec> = (context: {
  signal: AbortSignal;
  spec: S;
  /** The alerts that started the run: its steps act on these alone. Absent for a scheduled run. */
  alertIds?: readonly number[];
}) => Promise<Record<string, number>>;
/** Each step of the fixed set, given its own options. */
export type PlanSteps = { [K in PlanStepName]: PlanStep<Extract<PlanStepSpec, { step: K }>> };

/** A step that did part of its work and failed: its counts still reach the log. */
export class StepFailure extends Error {
  constructor(
    message: string,
    readonly counts: Record<string, number>,
  ) {
    super(message);
  }
}

export interface SchedulerOptions {
  db: Db;
  /** The clock; tests pass a fake one and never wait. */
  now: () => Date;
  /** Who holds a lease: unique per process (e.g. `app:<pid>` or `cli:<pid>`). */
  owner: string;
  steps: PlanSteps;
  /** How long a claimed plan stays ours without news; renewed after each step. */
  leaseMinutes?: number;
  /** Runs that finished longer ago than this many days are pruned from the log (setting `schedule.keepRunDays`). */
  keepRunDays?: () => number;
}

export interface Plan extends PlanDefinition {
  id: number;
  paused: boolean;
  nextDueAt: string;
  createdAt: string;
  /** Alerts raised since then start an alert-triggered plan: when it was added, or when its trigger last changed. */
  alertsSince: string;
}

/** Why `runNow` found nothing to do: another process holds the plan's lease. */
export const planBusy = (name: string) =>
  new UserFacingError('plan_busy', `Plan ${name} is running in another process; try again when it finishes.`);

/** A plan stored, or its problems by field. */
export type PlanSave = { ok: true; plan: Plan } | { ok: false; issues: PlanIssue[] };

/** What started a run: its schedule, the analyst (`plans run`), or new alerts for an alert-triggered plan. */
export type RunTrigger = 'schedule' | 'manual' | 'alerts';

export interface PlanRun {
  id: number;
  planId: number;
  planName: string;
  trigger: RunTrigger;
  /** The alerts the run acted on (an alert-triggered plan's); empty otherwise. */
  alertIds: number[];
  dueAt: string;
  missed: number;
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'completed' | 'failed' | 'interrupted';
  summary: Record<string, number> | null;
  error: string | null;
  steps: PlanRunStep[];
}

/** One step of a run, as the execution log keeps it. */
export interface PlanRunStep {
  step: string;
  startedAt: string;
  finishedAt: string | null;
  status: PlanRun['status'];
  counts: Record<string, number> | null;
  providerCalls: number;
  credits: number;
  error: string | null;
}

type PlanRow = {
  id: number;
  definition: string;
  paused: number;
  next_due_at: string;
  created_at: string;
  alerts_since: string;
};
type RunRow = {
  id: number;
  plan_id: number;
  plan_name: string;
  trigger: RunTrigger;
  alert_ids: string | null;
  due_at: string;
  missed: number;
  started_at: string;
  finished_at: string | null;
  status: PlanRun['status'];
  summary: string | null;
  error: string | null;
};
type StepRow = {
  run_id: number;
  step: string;
  started_at: string;
  finished_at: string | null;
  status: PlanRun['status'];
  counts: string | null;
  provider_calls: number;
  credits: number;
  error: string | null;
};

const NEVER = '9999-12-31T00:00:00.000Z';
/** When the plan runs next on its own: null for an alert-triggered plan, and a cron that never fires again. */
export const nextRunOf = (plan: Plan): string | null => (plan.nextDueAt === NEVER ? null : plan.nextDueAt);
const DAY_MS = 24 * 3_600_000;
/** Alerts one run of an alert-triggered plan acts on at most; the rest start the next run. */
const ALERT_BATCH = 500;
const RUN_COLUMNS = 'r.*, p.name AS plan_name';
// Parsed again: plans stored before steps had options list bare names.
const toPlan = (row: PlanRow): Plan => ({
  ...planDefinitionSchema.parse(JSON.parse(row.definition)),
  id: row.id,
  paused: row.paused === 1,
  nextDueAt: row.next_due_at,
  createdAt: row.created_at,
  alertsSince: row.alerts_since,
});
/** The `alert_actions` entry of an alert a run of the plan has finished with. */
const planAction = (planId: number) => `plan:${planId}`;
const counts = (json: string | null) => (json ? (JSON.parse(json) as Record<string, number>) : null);
const toStep = (row: StepRow): PlanRunStep => ({
  step: row.step,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  status: row.status,
  counts: counts(row.counts),
  providerCalls: row.provider_calls,
  credits: row.credits,
  error: row.error,
});
const toRun = (row: RunRow, steps: PlanRunStep[]): PlanRun => ({
  id: row.id,
  planId: row.plan_id,
  planName: row.plan_name,
  trigger: row.trigger,
  alertIds: row.alert_ids ? (JSON.parse(row.alert_ids) as number[]) : [],
  dueAt: row.due_at,
  missed: row.missed,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  status: row.status,
  summary: counts(row.summary),
  error: row.error,
  steps,
});

/**
 * Execution plans: runs each due plan once (runs missed while no process was up fold into that one run),
 * never the same plan twice at once across processes (a lease in SQLite that expires, so a killed process
 * does not hold a plan forever), and logs every run. Driven by the app's main process and by
 * `crm-intel schedule run-due`, which may run side by side.
 */
export class Scheduler {
  private readonly statements;
  private readonly leaseMs: number;
  private readonly alertActions: AlertActionsStore;

  constructor(private readonly options: SchedulerOptions) {
    this.leaseMs = (options.leaseMinutes ?? 30) * 60_000;
    this.alertActions = new AlertActionsStore(options.db);
    this.statements = statements(options.db, {
      insert: sql<[{ name: string; definition: string; nextDue: string; now: string }]>(
        'INSERT INTO plans (name, definition, next_due_at, created_at, alerts_since) VALUES (:name, :definition, :nextDue, :now, :now)',
      ),
      update: sql<[{ id: number; name: string; definition: string; nextDue: string; alertsSince: string }]>(
        'UPDATE plans SET name = :name, definition = :definition, next_due_at = :nextDue, alerts_since = :alertsSince WHERE id = :id',
      ),
      all: sql<[], PlanRow>('SELECT * FROM plans ORDER BY name'),
      byName: sql<[string], PlanRow>('SELECT * FROM plans WHERE name = ?'),
      byId: sql<[number], PlanRow>('SELECT * FROM plans WHERE id = ?'),
      due: sql<[string], PlanRow>('SELECT * FROM plans WHERE paused = 0 AND next_due_at <= ? ORDER BY next_due_at, id'),
      alertPlans: sql<[], PlanRow>(
        "SELECT * FROM plans WHERE paused = 0 AND json_extract(definition, '$.trigger.alertKinds') IS NOT NULL ORDER BY id",
      ),
      nextDue: sql<[], { at: string | null }>('SELECT min(next_due_at) AS at FROM plans WHERE paused = 0'),
      pause: sql<[number, string]>('UPDATE plans SET paused = ? WHERE name = ?'),
      remove: sql<[string, string]>(
        'DELETE FROM plans WHERE name = ? AND (lease_owner IS NULL OR lease_expires_at <= ?)',
      ),
      claim: sql<[string, string, number, string]>(
        'UPDATE plans SET lease_owner = ?, lease_expires_at = ? WHERE id = ? AND (lease_owner IS NULL OR lease_expires_at <= ?)',
      ),
      renew: sql<[string, number, string]>('UPDATE plans SET lease_expires_at = ? WHERE id = ? AND lease_owner = ?'),
      release: sql<[string, number, string]>(
        'UPDATE plans SET next_due_at = ?, lease_owner = NULL, lease_expires_at = NULL WHERE id = ? AND lease_owner = ?',
      ),
      interruptSteps: sql<[string, number]>(
        "UPDATE plan_run_steps SET status = 'interrupted', finished_at = ? WHERE status = 'running' AND run_id IN (SELECT id FROM plan_runs WHERE plan_id = ? AND status = 'running')",
      ),
      interrupt: sql<[string, number]>(
        "UPDATE plan_runs SET status = 'interrupted', finished_at = ?, error = 'The process running it stopped before it finished (its lease expired).' WHERE plan_id = ? AND status = 'running'",
      ),
      startStep: sql<[number, number, string, string], { id: number }>(
        "INSERT INTO plan_run_steps (run_id, position, step, started_at, status) VALUES (?, ?, ?, ?, 'running') RETURNING id",
      ),
      finishStep: sql<
        [
          {
            id: number;
            at: string;
            status: string;
            counts: string;
            providerCalls: number;
            credits: number;
            error: string | null;
          },
        ]
      >(
        'UPDATE plan_run_steps SET finished_at = :at, status = :status, counts = :counts, provider_calls = :providerCalls, credits = :credits, error = :error WHERE id = :id',
      ),
      steps: sql<[string], StepRow>(
        'SELECT * FROM plan_run_steps WHERE run_id IN (SELECT value FROM json_each(?)) ORDER BY run_id, position',
      ),
      prune: sql<[string]>('DELETE FROM plan_runs WHERE finished_at IS NOT NULL AND finished_at < ?'),
      start: sql<[number, string, number, string, RunTrigger, string | null], { id: number }>(
        "INSERT INTO plan_runs (plan_id, due_at, missed, started_at, status, trigger, alert_ids) VALUES (?, ?, ?, ?, 'running', ?, ?) RETURNING id",
      ),
      finish: sql<[string, string, string, string | null, number]>(
        'UPDATE plan_runs SET finished_at = ?, status = ?, summary = ?, error = ? WHERE id = ?',
      ),
      log: sql<[number, number], RunRow>(
        `SELECT ${RUN_COLUMNS} FROM plan_runs r JOIN plans p ON p.id = r.plan_id WHERE r.plan_id = ? ORDER BY r.id DESC LIMIT ?`,
      ),
      recent: sql<[number], RunRow>(
        `SELECT ${RUN_COLUMNS} FROM plan_runs r JOIN plans p ON p.id = r.plan_id ORDER BY r.started_at DESC, r.id DESC LIMIT ?`,
      ),
      run: sql<[number], RunRow>(
        `SELECT ${RUN_COLUMNS} FROM plan_runs r JOIN plans p ON p.id = r.plan_id WHERE r.id = ?`,
      ),
    });
  }

  /** `save` for the command line: the plan added, or its problems in one message. */
  add(input: unknown): Plan {
    const saved = this.save(input);
    if (!saved.ok) throw new UserFacingError('invalid_plan', `Invalid plan: ${describePlanIssues(saved.issues)}.`);
    return saved.plan;
  }

  /**
   * Validates and stores a plan: a new one, or with `existing` (its current name) an edit of that plan, which
   * keeps its log, pause and lease. A new every-N-hours plan is due at once, a cron plan at its next time, an
   * alert-triggered plan when an alert of its kinds is raised after it was added. An edit that keeps the
   * trigger keeps the next run; a changed trigger counts from now (for alerts: those raised from now on).
   */
  save(input: unknown, existing?: string): PlanSave {
    const before = existing === undefined ? undefined : this.plan(existing);
    const checked = checkPlan(input);
    if (!checked.ok) return checked;
    const { name, trigger } = checked.plan;
    const holder = this.statements.byName.get(name);
    if (holder && holder.id !== before?.id)
      return { ok: false, issues: [{ field: 'name', message: `a plan named ${name} exists already` }] };
    const now = this.options.now();
    const definition = JSON.stringify(checked.plan);
    if (!before) {
      const firstDue = 'everyHours' in trigger ? now : nextFire(trigger, now);
      this.statements.insert.run({
        name,
        definition,
        nextDue: firstDue?.toISOString() ?? NEVER,
        now: now.toISOString(),
      });
    } else {
      const sameTrigger = JSON.stringify(before.trigger) === JSON.stringify(trigger);
      this.statements.update.run({
        id: before.id,
        name,
        definition,
        nextDue: sameTrigger ? before.nextDueAt : (nextFire(trigger, now)?.toISOString() ?? NEVER),
        alertsSince: sameTrigger ? before.alertsSince : now.toISOString(),
      });
    }
    return { ok: true, plan: this.plan(name) };
  }

  list(): Plan[] {
    return this.statements.all.all().map(toPlan);
  }

  plan(name: string): Plan {
    const row = this.statements.byName.get(name);
    if (!row) throw new UserFacingError('not_found', `No plan named ${name} (crm-intel plans list).`);
    return toPlan(row);
  }

  setPaused(name: string, paused: boolean): Plan {
    this.plan(name);
    this.statements.pause.run(paused ? 1 : 0, name);
    return this.plan(name);
  }

  /** Removes a plan and its log; refused while a process runs it (its run would be left writing to nothing). */
  remove(name: string): void {
    this.plan(name);
    if (this.statements.remove.run(name, this.options.now().toISOString()).changes === 0)
      throw new UserFacingError('plan_busy', `Plan ${name} is running; remove it when the run finishes.`);
  }

  /** The plan's latest runs, newest first, each with its steps. */
  log(name: string, limit = 20): PlanRun[] {
    return this.withSteps(this.statements.log.all(this.plan(name).id, limit));
  }

  private withSteps(rows: RunRow[]): PlanRun[] {
    const steps = this.statements.steps.all(JSON.stringify(rows.map((r) => r.id)));
    return rows.map((row) => toRun(row, steps.filter((s) => s.run_id === row.id).map(toStep)));
  }

  /** Every plan's latest runs, newest first, each with its steps: the Runs view. */
  recent(limit = 50): PlanRun[] {
    return this.withSteps(this.statements.recent.all(limit));
  }

  /** When the earliest plan is due (null when none is scheduled): how long the app's loop may sleep. */
  nextDueAt(): Date | null {
    const at = this.statements.nextDue.get()!.at;
    return at === null || at === NEVER ? null : new Date(at);
  }

  /**
   * Runs every due plan once, one after the other; plans another process is running are left to it. Plans
   * on a time come first, so alerts their refreshes raise start alert-triggered plans in the same pass.
   */
  async runDue(signal: AbortSignal = new AbortController().signal): Promise<PlanRun[]> {
    const runs: PlanRun[] = [];
    const due = [
      ...this.statements.due.all(this.options.now().toISOString()).map(toPlan),
      ...this.statements.alertPlans
        .all()
        .map(toPlan)
        .filter((plan) => this.triggeringAlerts(plan).length > 0),
    ];
    for (const plan of due) {
      if (signal.aborted) break;
      const run = await this.execute(plan, signal, isAlertTrigger(plan.trigger) ? 'alerts' : 'schedule');
      if (run) runs.push(run);
    }
    return runs;
  }

  /**
   * Runs a plan now whether due or not (`crm-intel plans run`); an alert-triggered plan acts on the alerts
   * waiting for it, if any. Null when another process is running it.
   */
  runNow(name: string, signal: AbortSignal = new AbortController().signal): Promise<PlanRun | null> {
    return this.execute(this.plan(name), signal, 'manual');
  }

  /**
   * Alerts of the plan's kinds (and companies) raised since it was added (or its trigger last changed) that no run of it has finished
   * with: a run killed midway leaves its alerts here for the next one, so none is lost or acted on twice.
   */
  private triggeringAlerts(plan: Plan): number[] {
    if (!isAlertTrigger(plan.trigger)) return [];
    const trigger: AlertTrigger = plan.trigger;
    return this.alertActions
      .pending(planAction(plan.id), plan.alertsSince, ALERT_BATCH, {
        kinds: trigger.alertKinds,
        companyKeys: trigger.companies?.map(normaliseKey),
      })
      .map((alert) => alert.id);
  }

  private async execute(plan: Plan, signal: AbortSignal, trigger: RunTrigger): Promise<PlanRun | null> {
    const { owner, now } = this.options;
    const startedAt = now();
    const leaseUntil = () => new Date(now().getTime() + this.leaseMs).toISOString();
    if (this.statements.claim.run(owner, leaseUntil(), plan.id, startedAt.toISOString()).changes === 0) return null;
    // Read under the lease: another process cannot take the same alerts between this read and the run.
    const alertIds = isAlertTrigger(plan.trigger) ? this.triggeringAlerts(plan) : undefined;
    if (trigger === 'alerts' && alertIds?.length === 0) {
      this.statements.release.run(plan.nextDueAt, plan.id, owner);
      return null;
    }
    this.statements.interruptSteps.run(startedAt.toISOString(), plan.id);
    this.statements.interrupt.run(startedAt.toISOString(), plan.id);
    const missed = trigger === 'schedule' ? firesBetween(plan.trigger, new Date(plan.nextDueAt), startedAt) : 0;
    const runId = this.statements.start.get(
      plan.id,
      plan.nextDueAt,
      missed,
      startedAt.toISOString(),
      trigger,
      alertIds ? JSON.stringify(alertIds) : null,
    )!.id;
    const summary: Record<string, number> = {};
    let error: string | null = null;
    for (const [position, spec] of plan.steps.entries()) {
      const outcome = await this.runStep(runId, position, spec, signal, alertIds);
      for (const [key, value] of Object.entries(outcome.counts)) summary[key] = (summary[key] ?? 0) + value;
      this.statements.renew.run(leaseUntil(), plan.id, owner);
      // A failed step ends the run: the steps after it (draft, export, notify) build on what it did.
      if (outcome.error !== null) {
        error = `${describeStep(spec)}: ${outcome.error}`;
        break;
      }
    }
    const finishedAt = now();
    // A finished run (failed too: its error is logged, and retrying on every pass would repeat it) is done with its alerts.
    if (alertIds) this.alertActions.markDone(alertIds, planAction(plan.id), finishedAt.toISOString());
    this.statements.finish.run(
      finishedAt.toISOString(),
      error ? 'failed' : 'completed',
      JSON.stringify(summary),
      error,
      runId,
    );
    const keepDays = this.options.keepRunDays?.();
    if (keepDays !== undefined)
      this.statements.prune.run(new Date(finishedAt.getTime() - keepDays * DAY_MS).toISOString());
    // The next run is the trigger's next time after now: however many were missed, one catch-up run. The
    // trigger is read again: the analyst may have edited the plan while it ran.
    const current = toPlan(this.statements.byId.get(plan.id)!);
    const nextDue =
      trigger === 'schedule' ? (nextFire(current.trigger, finishedAt)?.toISOString() ?? NEVER) : current.nextDueAt;
    this.statements.release.run(nextDue, plan.id, owner);
    return this.withSteps([this.statements.run.get(runId)!])[0]!;
  }

  /** Runs one step and logs it (start, end, status, counts, provider calls, credits, error). */
  private async runStep(
    runId: number,
    position: number,
    spec: PlanStepSpec,
    signal: AbortSignal,
    alertIds: readonly number[] | undefined,
  ): Promise<{ counts: Record<string, number>; error: string | null }> {
    const stepId = this.statements.startStep.get(
      runId,
      position,
      describeStep(spec),
      this.options.now().toISOString(),
    )!.id;
    let counts: Record<string, number> = {};
    let error: string | null = null;
    try {
      counts = await (this.options.steps[spec.step] as PlanStep)({ signal, spec, alertIds });
    } catch (caught) {
      if (caught instanceof StepFailure) counts = caught.counts;
      error = caught instanceof Error ? caught.message : String(caught);
    }
    this.statements.finishStep.run({
      id: stepId,
      at: this.options.now().toISOString(),
      status: error === null ? 'completed' : 'failed',
      counts: JSON.stringify(counts),
      providerCalls: counts.providerCalls ?? 0,
      credits: counts.credits ?? 0,
      error,
    });
    return { counts, error };
  }
}
