import type { Db } from '../store/database';
import { sql, statements } from '../store/statements';
import { planDefinitionSchema, type PlanDefinition } from './plan-definition';

export interface Plan extends PlanDefinition {
  id: number;
  paused: boolean;
  nextDueAt: string;
  createdAt: string;
  /** Alerts raised since then start an alert-triggered plan: when it was added, or when its trigger last changed. */
  alertsSince: string;
}

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
  status: 'running' | 'completed' | 'failed' | 'interrupted' | 'cancelled';
  summary: Record<string, number> | null;
  error: string | null;
  /** When another process asked this run to stop (it stops at its next check); null if none did. */
  cancelRequestedAt: string | null;
  steps: PlanRunStep[];
}

/** A plan running now, in this process or another: its run, and which process holds the plan's lease. */
export interface RunningPlan {
  planId: number;
  runId: number;
  owner: string;
  startedAt: string;
  trigger: RunTrigger;
  cancelRequestedAt: string | null;
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

/** How a step ended, for the execution log. */
export interface StepEnd {
  id: number;
  at: string;
  status: 'completed' | 'failed' | 'cancelled';
  counts: Record<string, number>;
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
  cancel_requested_at: string | null;
};
type RunningRow = {
  plan_id: number;
  run_id: number;
  lease_owner: string;
  started_at: string;
  trigger: RunTrigger;
  cancel_requested_at: string | null;
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

/** `next_due_at` of a plan that has no next time (an alert-triggered plan, a cron that never fires again). */
const NEVER = '9999-12-31T00:00:00.000Z';
/** When the plan runs next on its own: null for an alert-triggered plan, and a cron that never fires again. */
export const nextRunOf = (plan: Plan): string | null => (plan.nextDueAt === NEVER ? null : plan.nextDueAt);
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
  cancelRequestedAt: row.cancel_requested_at,
  steps,
});

/**
 * Tables `plans` (with each plan's lease), `plan_runs` and `plan_run_steps` (the execution log): what the
 * `Scheduler` decides, stored. A lease is taken only from no owner or an expired one, and is renewed and
 * released only by its owner, so two processes never run the same plan at once.
 */
export class PlanStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = statements(db, {
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
      requestCancel: sql<[{ planId: number; now: string }]>(
        "UPDATE plan_runs SET cancel_requested_at = coalesce(cancel_requested_at, :now) WHERE plan_id = :planId AND status = 'running' AND EXISTS (SELECT 1 FROM plans WHERE id = :planId AND lease_owner IS NOT NULL AND lease_expires_at > :now)",
      ),
      cancelRequested: sql<[number], { requested: number }>(
        'SELECT cancel_requested_at IS NOT NULL AS requested FROM plan_runs WHERE id = ?',
      ),
      running: sql<[string], RunningRow>(
        "SELECT r.plan_id, r.id AS run_id, p.lease_owner, r.started_at, r.trigger, r.cancel_requested_at FROM plan_runs r JOIN plans p ON p.id = r.plan_id WHERE r.status = 'running' AND p.lease_owner IS NOT NULL AND p.lease_expires_at > ? ORDER BY r.started_at",
      ),
      leased: sql<[number, string], { id: number }>(
        'SELECT id FROM plans WHERE id = ? AND lease_owner IS NOT NULL AND lease_expires_at > ?',
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

  /** A new plan, first due at `firstDue` (null: not on a time); alerts start it from `createdAt` on. */
  insert(definition: PlanDefinition, firstDue: Date | null, createdAt: Date): void {
    this.statements.insert.run({
      name: definition.name,
      definition: JSON.stringify(definition),
      nextDue: firstDue?.toISOString() ?? NEVER,
      now: createdAt.toISOString(),
    });
  }

  /** Rewrites a plan's definition (its name too), next due at `nextDue` (null: not on a time); log, pause and lease stay. */
  update(planId: number, definition: PlanDefinition, nextDue: string | null, alertsSince: string): void {
    this.statements.update.run({
      id: planId,
      name: definition.name,
      definition: JSON.stringify(definition),
      nextDue: nextDue ?? NEVER,
      alertsSince,
    });
  }

  all(): Plan[] {
    return this.statements.all.all().map(toPlan);
  }

  byName(name: string): Plan | undefined {
    const row = this.statements.byName.get(name);
    return row && toPlan(row);
  }

  byId(planId: number): Plan | undefined {
    const row = this.statements.byId.get(planId);
    return row && toPlan(row);
  }

  /** Plans not paused whose time has come by `at`, earliest first. */
  due(at: Date): Plan[] {
    return this.statements.due.all(at.toISOString()).map(toPlan);
  }

  /** Plans not paused that alerts start. */
  alertTriggered(): Plan[] {
    return this.statements.alertPlans.all().map(toPlan);
  }

  /** When the earliest plan not paused is due; null when none is on a time. */
  nextDueAt(): Date | null {
    const at = this.statements.nextDue.get()!.at;
    return at === null || at === NEVER ? null : new Date(at);
  }

  setPaused(name: string, paused: boolean): void {
    this.statements.pause.run(paused ? 1 : 0, name);
  }

  /** Removes the plan and its log unless a process holds its lease at `now`; false when it does. */
  remove(name: string, now: string): boolean {
    return this.statements.remove.run(name, now).changes > 0;
  }

  /** Takes the plan's lease until `until` unless another owner holds one that has not expired by `now`. */
  claim(planId: number, owner: string, until: string, now: string): boolean {
    return this.statements.claim.run(owner, until, planId, now).changes > 0;
  }

  /** Whether some process holds the plan's lease at `now` (a lease past its expiry is held by no one). */
  leasedAt(planId: number, now: string): boolean {
    return this.statements.leased.get(planId, now) !== undefined;
  }

  /**
   * Asks the plan's running run to stop, for the process that holds its lease; false when no process does
   * (or it has not started its run yet). A second request keeps the time of the first.
   */
  requestCancel(planId: number, now: string): boolean {
    return this.statements.requestCancel.run({ planId, now }).changes > 0;
  }

  /** Whether another process has asked the run to stop. */
  cancelRequested(runId: number): boolean {
    return this.statements.cancelRequested.get(runId)?.requested === 1;
  }

  /** The runs in progress at `now` under a lease that has not expired: a killed process's run is not among them. */
  running(now: string): RunningPlan[] {
    return this.statements.running.all(now).map((row) => ({
      planId: row.plan_id,
      runId: row.run_id,
      owner: row.lease_owner,
      startedAt: row.started_at,
      trigger: row.trigger,
      cancelRequestedAt: row.cancel_requested_at,
    }));
  }

  renew(planId: number, owner: string, until: string): void {
    this.statements.renew.run(until, planId, owner);
  }

  /** Gives the lease up, the plan next due at `nextDue` (null: not on a time). */
  release(planId: number, owner: string, nextDue: string | null): void {
    this.statements.release.run(nextDue ?? NEVER, planId, owner);
  }

  /** Marks the plan's runs (and their steps) still `running` as interrupted: their process lost the lease. */
  interruptRuns(planId: number, at: string): void {
    this.statements.interruptSteps.run(at, planId);
    this.statements.interrupt.run(at, planId);
  }

  startRun(
    planId: number,
    run: { dueAt: string; missed: number; startedAt: string; trigger: RunTrigger; alertIds?: readonly number[] },
  ): number {
    return this.statements.start.get(
      planId,
      run.dueAt,
      run.missed,
      run.startedAt,
      run.trigger,
      run.alertIds ? JSON.stringify(run.alertIds) : null,
    )!.id;
  }

  /** Ends a run: `cancelled` when the analyst stopped it (`error` then says where), else failed or completed by `error`. */
  finishRun(
    runId: number,
    end: { at: string; summary: Record<string, number>; error: string | null; cancelled: boolean },
  ): void {
    const status = end.cancelled ? 'cancelled' : end.error ? 'failed' : 'completed';
    this.statements.finish.run(end.at, status, JSON.stringify(end.summary), end.error, runId);
  }

  startStep(runId: number, position: number, step: string, at: string): number {
    return this.statements.startStep.get(runId, position, step, at)!.id;
  }

  finishStep(end: StepEnd): void {
    this.statements.finishStep.run({
      id: end.id,
      at: end.at,
      status: end.status,
      counts: JSON.stringify(end.counts),
      providerCalls: end.counts.providerCalls ?? 0,
      credits: end.counts.credits ?? 0,
      error: end.error,
    });
  }

  /** Removes the runs that finished before `before`. */
  pruneRuns(before: string): void {
    this.statements.prune.run(before);
  }

  /** The plan's latest runs, newest first, each with its steps. */
  runsOf(planId: number, limit: number): PlanRun[] {
    return this.withSteps(this.statements.log.all(planId, limit));
  }

  /** Every plan's latest runs, newest first, each with its steps. */
  recentRuns(limit: number): PlanRun[] {
    return this.withSteps(this.statements.recent.all(limit));
  }

  run(runId: number): PlanRun {
    return this.withSteps([this.statements.run.get(runId)!])[0]!;
  }

  private withSteps(rows: RunRow[]): PlanRun[] {
    const steps = this.statements.steps.all(JSON.stringify(rows.map((r) => r.id)));
    return rows.map((row) => toRun(row, steps.filter((s) => s.run_id === row.id).map(toStep)));
  }
}
