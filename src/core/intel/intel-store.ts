import type { Db } from '../store/database';
import { sql, statements } from '../store/statements';
import type { CompanyReport, Fact, RunSummary, StepStatus, StepSummary } from './domain';
import { companyReportSchema } from './domain';
import type { ProviderError } from '../providers/types';
import type { CompanyTarget } from './component';
import type { CallStats } from '../providers/gateway/provider-gateway';
import { thisProcess, type ProcessOwner } from '../processes/process-owner';
import { CompanyStore } from '../companies/company-store';

const nowIso = () => new Date().toISOString();

/** A lookup is bounded by its step timeouts; a run older than this that has no owner recorded cannot still be running. */
const OWNERLESS_RUN_MS = 60 * 60 * 1000;

interface RunRow {
  id: number;
  query: string;
  workflow: string;
  status: RunSummary['status'];
  partial: number;
  provider_calls: number;
  cache_hits: number;
  credits: number;
  stale: number | null;
  started_at: string;
  finished_at: string | null;
  company_id: number | null;
}

/** A run's columns without the report text, and whether its report was served stale (read inside SQLite). */
const RUN_COLUMNS =
  "id, query, workflow, status, partial, provider_calls, cache_hits, credits, started_at, finished_at, company_id, json_extract(report, '$.run.stale') AS stale";

interface StepRow {
  id: number;
  component: string;
  status: StepStatus;
  provider_calls: number;
  cache_hits: number;
  credits: number;
  duration_ms: number | null;
  error: string | null;
  skipped_reason: string | null;
}

/** How one step of a run ended, as stored. */
export interface StepRecord {
  stepId: number;
  status: StepStatus;
  stats: CallStats;
  error?: ProviderError;
  skippedReason?: string;
  startedAt: string | null;
  finishedAt: string;
  durationMs: number | null;
}

/** How a run ended: its status and counts (how each step ended is a `StepRecord`). */
export type RunOutcome = Pick<
  RunSummary,
  'status' | 'partial' | 'stale' | 'providerCalls' | 'cacheHits' | 'credits' | 'finishedAt'
>;

/** A finished run as `IntelService` assembled it, ready to store. */
export interface FinishedRun {
  runId: number;
  /** The report but for its run, which is read back as stored; among its facts, `newFacts` have no ids yet. */
  report: Omit<CompanyReport, 'run'>;
  outcome: RunOutcome;
  /** The company the facts are about; null while the name is ambiguous, and then nothing is stored of them. */
  target: CompanyTarget | null;
  steps: StepRecord[];
  newFacts: Fact[];
  /** The provider that found each source URL. */
  sourceProviders: Map<string, string>;
  /** Components whose facts of this run the new facts replace (a rerun step's, the curated profile's). */
  replaceComponents: string[];
}

/**
 * Persistence of runs, steps, sources, facts and report snapshots (`intel_runs.report`); the company a run
 * is about is recorded through `CompanyStore`, the `companies` table's one writer.
 */
export class IntelStore {
  /** Prepared once per store: a lookup runs a few dozen of them. */
  private readonly statements;
  private readonly companies: CompanyStore;

  constructor(private readonly db: Db) {
    this.companies = new CompanyStore(db);
    this.statements = statements(db, {
      insertRun: sql<[string, string, string, number, number]>(
        "INSERT INTO intel_runs (query, workflow, status, started_at, owner_pid, owner_started_at) VALUES (?, ?, 'running', ?, ?, ?)",
      ),
      insertStep: sql<[number, string]>("INSERT INTO intel_steps (run_id, component, status) VALUES (?, ?, 'pending')"),
      runningRuns: sql<
        [],
        { id: number; owner_pid: number | null; owner_started_at: number | null; started_at: string }
      >("SELECT id, owner_pid, owner_started_at, started_at FROM intel_runs WHERE status = 'running'"),
      // The owner check in WHERE: a run retried (re-owned) since it was read is left alone.
      markRunInterrupted: sql<[string, string, string, number, number | null, number | null]>(
        "UPDATE intel_runs SET status = 'failed', partial = 1, error = ?, interrupted_at = ?, finished_at = ? WHERE id = ? AND status = 'running' AND owner_pid IS ? AND owner_started_at IS ?",
      ),
      failUnfinishedSteps: sql<[string, string, number]>(
        "UPDATE intel_steps SET status = 'failed', error = ?, finished_at = ? WHERE run_id = ? AND status IN ('pending', 'running')",
      ),
      interruptedRun: sql<[number], { query: string; workflow: string; started_at: string }>(
        'SELECT query, workflow, started_at FROM intel_runs WHERE id = ? AND interrupted_at IS NOT NULL',
      ),
      claimRun: sql<[number, number, number]>(
        "UPDATE intel_runs SET status = 'running', partial = 0, error = NULL, interrupted_at = NULL, finished_at = NULL, owner_pid = ?, owner_started_at = ? WHERE id = ? AND interrupted_at IS NOT NULL",
      ),
      resetSteps: sql<[number]>(
        "UPDATE intel_steps SET status = 'pending', error = NULL, skipped_reason = NULL, started_at = NULL, finished_at = NULL, duration_ms = NULL WHERE run_id = ?",
      ),
      stepIds: sql<[number], { id: number; component: string }>(
        'SELECT id, component FROM intel_steps WHERE run_id = ?',
      ),
      saveStep: sql<
        [string, number, number, number, string | null, string | null, string | null, string, number | null, number]
      >(
        'UPDATE intel_steps SET status = ?, provider_calls = ?, cache_hits = ?, credits = ?, error = ?, skipped_reason = ?, started_at = ?, finished_at = ?, duration_ms = ? WHERE id = ?',
      ),
      deleteComponentFacts: sql<[number, string]>(
        "DELETE FROM facts WHERE run_id = ? AND json_extract(value, '$.component') = ?",
      ),
      upsertSource: sql<[string, string, string | null, string, string], { id: number }>(
        `INSERT INTO sources (url, title, published_date, retrieved_at, provider) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(url) DO UPDATE SET title = excluded.title, published_date = COALESCE(excluded.published_date, published_date), retrieved_at = excluded.retrieved_at RETURNING id`,
      ),
      insertFact: sql<[number, number, string, string, string, number, string, number]>(
        'INSERT INTO facts (company_id, run_id, section, kind, value, source_id, evidence, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      finishRun: sql<
        [number | null, string, number, number, number, number, string, string | null, string | null, number]
      >(
        'UPDATE intel_runs SET company_id = ?, status = ?, partial = ?, provider_calls = ?, cache_hits = ?, credits = ?, report = ?, target = ?, finished_at = ? WHERE id = ?',
      ),
      report: sql<[number], { report: string | null }>('SELECT report FROM intel_runs WHERE id = ?'),
      replaceReport: sql<[string, number]>('UPDATE intel_runs SET report = ? WHERE id = ?'),
      target: sql<[number], { target: string | null }>('SELECT target FROM intel_runs WHERE id = ?'),
      latestRun: sql<[number, number], { id: number; started_at: string; report: string }>(
        'SELECT id, started_at, report FROM intel_runs WHERE company_id = ? AND report IS NOT NULL AND id < ? ORDER BY id DESC LIMIT 1',
      ),
      runs: sql<[number | null, number | null, number], RunRow>(
        `SELECT ${RUN_COLUMNS} FROM intel_runs WHERE (? IS NULL OR company_id = ?) ORDER BY id DESC LIMIT ?`,
      ),
      run: sql<[number], RunRow>(`SELECT ${RUN_COLUMNS} FROM intel_runs WHERE id = ?`),
      steps: sql<[number], StepRow>('SELECT * FROM intel_steps WHERE run_id = ? ORDER BY id'),
    });
  }

  /** A new run, owned by this process until it finishes (see `interruptOrphanedRuns`). */
  createRun(
    query: string,
    workflow: string,
    components: string[],
  ): { runId: number; stepIds: Map<string, number>; startedAt: string } {
    const startedAt = nowIso();
    const owner = thisProcess();
    return this.db.transaction(() => {
      const runId = Number(
        this.statements.insertRun.run(query, workflow, startedAt, owner.pid, owner.startedAt).lastInsertRowid,
      );
      const stepIds = new Map(
        components.map((c) => [c, Number(this.statements.insertStep.run(runId, c).lastInsertRowid)]),
      );
      return { runId, stepIds, startedAt };
    })();
  }

  /**
   * Marks `running` runs whose owner process is gone as failed, with their unfinished steps, so they read as
   * retryable rather than running forever. A run recorded before owners were (migration 009) counts as
   * orphaned once it is older than any lookup lasts. Returns the ids marked.
   */
  interruptOrphanedRuns(isGone: (owner: ProcessOwner) => boolean): number[] {
    const running = this.statements.runningRuns.all();
    const orphaned = running.filter((run) =>
      run.owner_pid === null || run.owner_started_at === null
        ? Date.now() - Date.parse(run.started_at) > OWNERLESS_RUN_MS
        : isGone({ pid: run.owner_pid, startedAt: run.owner_started_at }),
    );
    const now = nowIso();
    return this.db.transaction(() =>
      orphaned.flatMap((run) => {
        const who =
          run.owner_pid === null
            ? 'the process running this lookup'
            : `the process running this lookup (pid ${run.owner_pid})`;
        const marked = this.statements.markRunInterrupted.run(
          `interrupted: ${who} stopped`,
          now,
          now,
          run.id,
          run.owner_pid,
          run.owner_started_at,
        );
        if (marked.changes === 0) return [];
        const error: ProviderError = {
          kind: 'cancelled',
          message: `Interrupted: ${who} stopped before this step finished. Retry to run the lookup again.`,
        };
        this.statements.failUnfinishedSteps.run(JSON.stringify(error), now, run.id);
        return [run.id];
      }),
    )();
  }

  /** What an interrupted run was asked to do (it stored no report), or null when the run was not interrupted. */
  interruptedRun(runId: number): { query: string; workflow: string; startedAt: string; components: string[] } | null {
    const run = this.statements.interruptedRun.get(runId);
    return run
      ? {
          query: run.query,
          workflow: run.workflow,
          startedAt: run.started_at,
          components: [...this.stepIds(runId).keys()],
        }
      : null;
  }

  /** Takes an interrupted run over for this process to run again; false when another retry took it first. */
  claimInterruptedRun(runId: number): boolean {
    const owner = thisProcess();
    return this.db.transaction(() => {
      const claimed = this.statements.claimRun.run(owner.pid, owner.startedAt, runId);
      if (claimed.changes === 0) return false;
      this.statements.resetSteps.run(runId);
      return true;
    })();
  }

  stepIds(runId: number): Map<string, number> {
    return new Map(this.statements.stepIds.all(runId).map((r) => [r.component, r.id]));
  }

  /**
   * Stores a finished run in one transaction: how its steps ended, its company (when the lookup settled on
   * one), its new facts with their sources, and the report. Returns the report as stored: with the company's
   * id, the new facts' ids, and the run summary as `runSummary` reads it (its steps as just saved).
   */
  storeRun(run: FinishedRun): CompanyReport {
    return this.db.transaction(() => {
      for (const step of run.steps) this.saveStep(step);
      const stored = this.runSummary(run.runId);
      if (!stored) throw new Error(`Run ${run.runId} was never created, so it cannot be stored.`);
      const { status, partial, stale, providerCalls, cacheHits, credits, finishedAt } = run.outcome;
      const summary = { ...stored, status, partial, stale, providerCalls, cacheHits, credits, finishedAt };
      let report: CompanyReport = { ...run.report, run: summary };
      if (run.target) {
        const ofCompany = { ...report, companyId: this.companies.upsert(report.company) };
        report = this.withStoredFacts(ofCompany, run.newFacts, run.sourceProviders, run.replaceComponents);
      }
      this.finishRun(report, run.target);
      return report;
    })();
  }

  /**
   * Stores a finished run's report again, with new facts in place of its facts of `replaceComponents` (the
   * curated profile merged anew); the run's status and counts stay. Returns the report with the facts' ids.
   */
  storeRevision(
    report: CompanyReport & { companyId: number },
    newFacts: Fact[],
    sourceProviders: Map<string, string>,
    replaceComponents: string[],
  ): CompanyReport {
    return this.db.transaction(() => {
      const stored = this.withStoredFacts(report, newFacts, sourceProviders, replaceComponents);
      this.statements.replaceReport.run(JSON.stringify(stored), stored.run.id);
      return stored;
    })();
  }

  /** Stores `newFacts` (among the report's facts) for the report's company and run; the report with their ids. */
  private withStoredFacts(
    report: CompanyReport & { companyId: number },
    newFacts: Fact[],
    sourceProviders: Map<string, string>,
    replaceComponents: string[],
  ): CompanyReport {
    const stored = this.saveFacts(report.companyId, report.run.id, newFacts, sourceProviders, replaceComponents);
    const withId = new Map(newFacts.map((fact, index) => [fact, stored[index]!]));
    return { ...report, facts: report.facts.map((fact) => withId.get(fact) ?? fact) };
  }

  private saveStep(step: StepRecord): void {
    this.statements.saveStep.run(
      step.status,
      step.stats.providerCalls,
      step.stats.cacheHits,
      step.stats.credits,
      step.error ? JSON.stringify(step.error) : null,
      step.skippedReason ?? null,
      step.startedAt,
      step.finishedAt,
      step.durationMs,
      step.stepId,
    );
  }

  /** Stores facts (and their sources) of a run, replacing that run's facts of the given components; returns them with ids. */
  private saveFacts(
    companyId: number,
    runId: number,
    facts: Fact[],
    providers: Map<string, string>,
    replaceComponents: string[],
  ): Fact[] {
    for (const component of replaceComponents) {
      this.statements.deleteComponentFacts.run(runId, component);
    }
    const { upsertSource, insertFact } = this.statements;
    // Most facts share their source with others: a source is written again only when it reads differently.
    const written = new Map<string, { title: string; publishedDate: string | null; id: number }>();
    const sourceIdOf = ({ url, title, publishedDate }: Fact['source']) => {
      const last = written.get(url);
      if (last?.title === title && last.publishedDate === publishedDate) return last.id;
      const { id } = upsertSource.get(url, title, publishedDate, nowIso(), providers.get(url) ?? 'web')!;
      written.set(url, { title, publishedDate, id });
      return id;
    };
    return facts.map((fact) => {
      const sourceId = sourceIdOf(fact.source);
      const stored = JSON.stringify({ component: fact.component, value: fact.value, text: fact.text });
      const id = Number(
        insertFact.run(companyId, runId, fact.section, fact.kind, stored, sourceId, fact.evidence, fact.confidence)
          .lastInsertRowid,
      );
      return { ...fact, id };
    });
  }

  private finishRun(report: CompanyReport, target: CompanyTarget | null): void {
    const run = report.run;
    this.statements.finishRun.run(
      report.companyId,
      run.status,
      run.partial ? 1 : 0,
      run.providerCalls,
      run.cacheHits,
      run.credits,
      JSON.stringify(report),
      target ? JSON.stringify(target) : null,
      run.finishedAt,
      run.id,
    );
  }

  report(runId: number): CompanyReport | null {
    const row = this.statements.report.get(runId);
    return row?.report ? companyReportSchema.parse(JSON.parse(row.report)) : null;
  }

  target(runId: number): CompanyTarget | null {
    const row = this.statements.target.get(runId);
    return row?.target ? (JSON.parse(row.target) as CompanyTarget) : null;
  }

  /** The newest stored report of a company, optionally older than a run. */
  latestRun(companyId: number, beforeRunId?: number): { runId: number; at: string; report: CompanyReport } | null {
    const row = this.statements.latestRun.get(companyId, beforeRunId ?? Number.MAX_SAFE_INTEGER);
    // Written by finishRun from a checked report: parsed, not re-validated (zod would cost more than the lookup).
    return row ? { runId: row.id, at: row.started_at, report: JSON.parse(row.report) as CompanyReport } : null;
  }

  runs(options: { companyId?: number; limit?: number }): RunSummary[] {
    const rows = this.statements.runs.all(options.companyId ?? null, options.companyId ?? null, options.limit ?? 50);
    return rows.map((row) => this.summary(row));
  }

  runSummary(runId: number): RunSummary | null {
    const row = this.statements.run.get(runId);
    return row ? this.summary(row) : null;
  }

  private summary(row: RunRow): RunSummary {
    const steps: StepSummary[] = this.statements.steps.all(row.id).map((s) => ({
      id: s.id,
      component: s.component,
      status: s.status,
      providerCalls: s.provider_calls,
      cacheHits: s.cache_hits,
      credits: s.credits,
      durationMs: s.duration_ms,
      error: s.error ? (JSON.parse(s.error) as ProviderError) : null,
      skippedReason: s.skipped_reason,
    }));
    return {
      id: row.id,
      query: row.query,
      workflow: row.workflow,
      status: row.status,
      providerCalls: row.provider_calls,
      cacheHits: row.cache_hits,
      credits: row.credits,
      partial: row.partial === 1,
      stale: row.stale === 1,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      steps,
    };
  }
}
