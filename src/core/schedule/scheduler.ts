import type { Db } from '../store/database';
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
  type AlertTrigger,
  type PlanIssue,
  type PlanStepName,
  type PlanStepSpec,
} from './plan-definition';
import { PlanStore, type Plan, type PlanRun, type RunningPlan, type RunTrigger } from './plan-store';
import { every, realTimers, type Timers } from './timers';

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
  /** How long a claimed plan stays ours without news; renewed at each check-in (after each step, and on a timer). */
  leaseMinutes?: number;
  /** Runs that finished longer ago than this many days are pruned from the log (setting `schedule.keepRunDays`). */
  keepRunDays?: () => number;
  /** The timer of a run's check-in (lease renewed, cancel requests read); tests fire it by hand. */
  timers?: Timers;
  /** How often a run checks in during a step (default 5 s): how soon a cancel from another process is seen. */
  checkInMs?: number;
}

/** What a run's steps did (counts summed), and why they stopped: a step's error, or a cancel. */
interface StepsEnd {
  summary: Record<string, number>;
  error: string | null;
  cancelled: boolean;
}

/** Where `cancel` found the run: running here (stopped now), or in another process (asked to stop). */
export type CancelOutcome = 'here' | 'elsewhere';

/** Why `runNow` found nothing to do: another process holds the plan's lease. */
export const planBusy = (name: string) =>
  new UserFacingError('plan_busy', `Plan ${name} is running in another process; try again when it finishes.`);

/** A plan stored, or its problems by field. */
export type PlanSave = { ok: true; plan: Plan } | { ok: false; issues: PlanIssue[] };

const DAY_MS = 24 * 3_600_000;
/** Alerts one run of an alert-triggered plan acts on at most; the rest start the next run. */
const ALERT_BATCH = 500;
/** The `alert_actions` entry of an alert a run of the plan has finished with. */
const planAction = (planId: number) => `plan:${planId}`;

function savedOrThrow(saved: PlanSave): Plan {
  if (!saved.ok) throw new UserFacingError('invalid_plan', `Invalid plan: ${describePlanIssues(saved.issues)}.`);
  return saved.plan;
}

/**
 * Execution plans: runs each due plan once (runs missed while no process was up fold into that one run),
 * never the same plan twice at once across processes (a lease in SQLite that expires, so a killed process
 * does not hold a plan forever), and logs every run. Driven by the app's main process and by
 * `crm-intel schedule run-due`, which may run side by side.
 */
export class Scheduler {
  private readonly plans: PlanStore;
  private readonly leaseMs: number;
  private readonly alertActions: AlertActionsStore;
  /** The runs this scheduler is running now, by plan id: what `cancel` stops. */
  private readonly running = new Map<number, AbortController>();

  constructor(private readonly options: SchedulerOptions) {
    this.leaseMs = (options.leaseMinutes ?? 30) * 60_000;
    this.alertActions = new AlertActionsStore(options.db);
    this.plans = new PlanStore(options.db);
  }

  /** `save` for the command line: the plan added, or its problems in one message. */
  add(input: unknown): Plan {
    return savedOrThrow(this.save(input));
  }

  /** `save` of an edit for the command line: the plan named `existing` as edited, or its problems in one message. */
  edit(existing: string, input: unknown): Plan {
    return savedOrThrow(this.save(input, existing));
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
    const holder = this.plans.byName(name);
    if (holder && holder.id !== before?.id)
      return { ok: false, issues: [{ field: 'name', message: `a plan named ${name} exists already` }] };
    const now = this.options.now();
    if (!before) {
      this.plans.insert(checked.plan, 'everyHours' in trigger ? now : nextFire(trigger, now), now);
    } else {
      const sameTrigger = JSON.stringify(before.trigger) === JSON.stringify(trigger);
      this.plans.update(
        before.id,
        checked.plan,
        sameTrigger ? before.nextDueAt : (nextFire(trigger, now)?.toISOString() ?? null),
        sameTrigger ? before.alertsSince : now.toISOString(),
      );
    }
    return { ok: true, plan: this.plan(name) };
  }

  list(): Plan[] {
    return this.plans.all();
  }

  plan(name: string): Plan {
    const plan = this.plans.byName(name);
    if (!plan) throw new UserFacingError('not_found', `No plan named ${name} (crm-intel plans list).`);
    return plan;
  }

  setPaused(name: string, paused: boolean): Plan {
    this.plan(name);
    this.plans.setPaused(name, paused);
    return this.plan(name);
  }

  /** Removes a plan and its log; refused while a process runs it (its run would be left writing to nothing). */
  remove(name: string): void {
    this.plan(name);
    if (!this.plans.remove(name, this.options.now().toISOString()))
      throw new UserFacingError('plan_busy', `Plan ${name} is running; remove it when the run finishes.`);
  }

  /** The plan's latest runs, newest first, each with its steps. */
  log(name: string, limit = 20): PlanRun[] {
    return this.plans.runsOf(this.plan(name).id, limit);
  }

  /** Every plan's latest runs, newest first, each with its steps: the Runs view. */
  recent(limit = 50): PlanRun[] {
    return this.plans.recentRuns(limit);
  }

  /** When the earliest plan is due (null when none is scheduled): how long the app's loop may sleep. */
  nextDueAt(): Date | null {
    return this.plans.nextDueAt();
  }

  /**
   * Runs every due plan once, one after the other; plans another process is running are left to it. Plans
   * on a time come first, so alerts their refreshes raise start alert-triggered plans in the same pass.
   */
  async runDue(signal: AbortSignal = new AbortController().signal): Promise<PlanRun[]> {
    const runs: PlanRun[] = [];
    const due = [
      ...this.plans.due(this.options.now()),
      ...this.plans.alertTriggered().filter((plan) => this.triggeringAlerts(plan).length > 0),
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
   * Cancels the plan's run in progress: in this process its step is asked to stop at once; in another (the app,
   * `crm-intel plans run` or `schedule run-due`) the request is stored on the run, and that process stops it at
   * its next check-in. Either way the run ends `cancelled` with its lease released, and its caller gets the
   * cancelled run back. Refused, saying why, when the plan is not running.
   */
  cancel(name: string): CancelOutcome {
    const plan = this.plan(name);
    const run = this.running.get(plan.id);
    if (run) {
      run.abort();
      return 'here';
    }
    const now = this.options.now().toISOString();
    if (this.plans.requestCancel(plan.id, now)) return 'elsewhere';
    if (this.plans.leasedAt(plan.id, now))
      throw new UserFacingError(
        'plan_busy',
        `Plan ${name} is starting in another process; cancel it again in a moment.`,
      );
    throw new UserFacingError('not_running', `Plan ${name} is not running.`);
  }

  /** The plans running now, in this process (`here`) or another (a run whose lease expired is not running). */
  runningNow(): (RunningPlan & { here: boolean })[] {
    return this.plans
      .running(this.options.now().toISOString())
      .map((run) => ({ ...run, here: this.running.has(run.planId) }));
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

  private async execute(plan: Plan, outer: AbortSignal, trigger: RunTrigger): Promise<PlanRun | null> {
    const { owner, now } = this.options;
    const startedAt = now();
    const leaseUntil = () => new Date(now().getTime() + this.leaseMs).toISOString();
    if (!this.plans.claim(plan.id, owner, leaseUntil(), startedAt.toISOString())) return null;
    // Read under the lease: another process cannot take the same alerts between this read and the run.
    const alertIds = isAlertTrigger(plan.trigger) ? this.triggeringAlerts(plan) : undefined;
    if (trigger === 'alerts' && alertIds?.length === 0) {
      this.plans.release(plan.id, owner, plan.nextDueAt);
      return null;
    }
    // The run stops when its caller's signal fires (the app closing, Ctrl-C) or when `cancel` is asked for it.
    const controller = new AbortController();
    const stop = () => controller.abort();
    outer.addEventListener('abort', stop, { once: true });
    if (outer.aborted) stop();
    this.running.set(plan.id, controller);
    try {
      return await this.runSteps(plan, trigger, startedAt, alertIds, controller);
    } finally {
      this.running.delete(plan.id);
      outer.removeEventListener('abort', stop);
    }
  }

  private async runSteps(
    plan: Plan,
    trigger: RunTrigger,
    startedAt: Date,
    alertIds: readonly number[] | undefined,
    controller: AbortController,
  ): Promise<PlanRun> {
    const { owner, now } = this.options;
    const signal = controller.signal;
    const leaseUntil = () => new Date(now().getTime() + this.leaseMs).toISOString();
    this.plans.interruptRuns(plan.id, startedAt.toISOString());
    const missed = trigger === 'schedule' ? firesBetween(plan.trigger, new Date(plan.nextDueAt), startedAt) : 0;
    const runId = this.plans.startRun(plan.id, {
      dueAt: plan.nextDueAt,
      missed,
      startedAt: startedAt.toISOString(),
      trigger,
      alertIds,
    });
    // A check-in keeps the lease and hears a cancel asked for by another process, which then stops the run
    // here as a local cancel would: after each step, and on a timer while a step works.
    const checkIn = () => {
      this.plans.renew(plan.id, owner, leaseUntil());
      if (this.plans.cancelRequested(runId)) controller.abort();
    };
    const stopCheckIns = every(this.options.timers ?? realTimers, this.options.checkInMs ?? 5_000, checkIn);
    let ended: StepsEnd;
    try {
      ended = await this.stepsOf(plan, runId, alertIds, signal, checkIn);
    } finally {
      stopCheckIns();
    }
    return this.finish(plan, trigger, runId, alertIds, ended);
  }

  /** Runs the plan's steps in order until one fails or the run is cancelled; what they did, and why they stopped. */
  private async stepsOf(
    plan: Plan,
    runId: number,
    alertIds: readonly number[] | undefined,
    signal: AbortSignal,
    checkIn: () => void,
  ): Promise<StepsEnd> {
    const summary: Record<string, number> = {};
    let error: string | null = null;
    let cancelled = false;
    for (const [position, spec] of plan.steps.entries()) {
      const where = `step ${position + 1} of ${plan.steps.length} (${describeStep(spec)})`;
      if (signal.aborted) {
        cancelled = true;
        error = `Stopped before ${where}`;
        break;
      }
      const outcome = await this.runStep(runId, position, spec, signal, alertIds);
      for (const [key, value] of Object.entries(outcome.counts)) summary[key] = (summary[key] ?? 0) + value;
      checkIn();
      if (outcome.cancelled) {
        cancelled = true;
        error = `Stopped during ${where}`;
        break;
      }
      // A failed step ends the run: the steps after it (draft, export, notify) build on what it did.
      if (outcome.error !== null) {
        error = `${describeStep(spec)}: ${outcome.error}`;
        break;
      }
    }
    return { summary, error, cancelled };
  }

  /** Logs the run's end, prunes the log, and gives the lease up with the plan's next time. */
  private finish(
    plan: Plan,
    trigger: RunTrigger,
    runId: number,
    alertIds: readonly number[] | undefined,
    { summary, error, cancelled }: StepsEnd,
  ): PlanRun {
    const { owner, now } = this.options;
    const finishedAt = now();
    // A finished run (failed too: its error is logged, and retrying on every pass would repeat it) is done with
    // its alerts. A cancelled one is not: the next run takes them again, and the steps' own records of what
    // they did (a message sent, a lead drafted for) keep that from being done twice.
    if (alertIds && !cancelled) this.alertActions.markDone(alertIds, planAction(plan.id), finishedAt.toISOString());
    this.plans.finishRun(runId, { at: finishedAt.toISOString(), summary, error, cancelled });
    const keepDays = this.options.keepRunDays?.();
    if (keepDays !== undefined) this.plans.pruneRuns(new Date(finishedAt.getTime() - keepDays * DAY_MS).toISOString());
    // The next run is the trigger's next time after now: however many were missed, one catch-up run (a
    // cancelled run counts as that run, or the loop would start it again within a minute). The trigger is
    // read again: the analyst may have edited the plan while it ran.
    const current = this.plans.byId(plan.id)!;
    const nextDue =
      trigger === 'schedule' ? (nextFire(current.trigger, finishedAt)?.toISOString() ?? null) : current.nextDueAt;
    this.plans.release(plan.id, owner, nextDue);
    return this.plans.run(runId);
  }

  /**
   * Runs one step and logs it (start, end, status, counts, provider calls, credits, error). A step that ends
   * once the run was cancelled is logged `cancelled`, whether it stopped by throwing or returned what it had done.
   */
  private async runStep(
    runId: number,
    position: number,
    spec: PlanStepSpec,
    signal: AbortSignal,
    alertIds: readonly number[] | undefined,
  ): Promise<{ counts: Record<string, number>; error: string | null; cancelled: boolean }> {
    const stepId = this.plans.startStep(runId, position, describeStep(spec), this.options.now().toISOString());
    let counts: Record<string, number> = {};
    let error: string | null = null;
    try {
      counts = await (this.options.steps[spec.step] as PlanStep)({ signal, spec, alertIds });
    } catch (caught) {
      if (caught instanceof StepFailure) counts = caught.counts;
      error = caught instanceof Error ? caught.message : String(caught);
    }
    const cancelled = signal.aborted;
    this.plans.finishStep({
      id: stepId,
      at: this.options.now().toISOString(),
      status: cancelled ? 'cancelled' : error === null ? 'completed' : 'failed',
      counts,
      error: cancelled ? null : error,
    });
    return { counts, error, cancelled };
  }
}
