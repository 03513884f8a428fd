import pLimit from 'p-limit';
import type { Db } from '../store/database';
import type { Settings } from '../settings/schema';
import type { IntelService, LookupOptions } from '../intel/domain';
import { WorkflowCatalog } from '../intel/workflow-catalog';
import { normaliseKey } from '../intel/text';
import { companyKey } from '../leads/normalise/keys';
import { UserFacingError } from '../errors';
import { alertsBetween } from './alert-diff';
import { parseEvery } from './interval';
import { WatchStore, type Alert, type AlertFilter, type Watch } from './watch-store';

export interface WatchServiceOptions {
  db: Db;
  intel: IntelService;
  settings: () => Settings;
  /** The clock; tests pass a fake one. */
  now?: () => Date;
}

export interface RefreshOutcome {
  watch: Watch;
  runId: number | null;
  providerCalls: number;
  alerts: number;
  /** The new alerts' one-line summaries, for a notification. */
  summaries: string[];
  error: string | null;
}

/**
 * The watch list: companies refreshed with a workflow every so often. A refresh is an ordinary lookup that
 * uses the request cache (a section whose cache lifetime has not run out costs no provider call and cannot
 * change), and what changed since the company's previous report becomes alerts.
 */
export class WatchService {
  private readonly store: WatchStore;
  private readonly workflows: WorkflowCatalog;
  private readonly now: () => Date;

  constructor(private readonly options: WatchServiceOptions) {
    this.store = new WatchStore(options.db);
    this.workflows = new WorkflowCatalog(options.db, options.settings);
    this.now = options.now ?? (() => new Date());
  }

  /** Watches a company (or changes how an existing watch runs); due at once, so its first refresh sets the baseline. */
  add(query: string, options: { workflow?: string; every?: string } = {}): Watch {
    const name = query.trim();
    if (!name) throw new UserFacingError('invalid_query', 'Name the company to watch.');
    const workflow = this.workflows.get(options.workflow ?? 'standard').name;
    return this.store.add({
      query: name,
      key: normaliseKey(name),
      companyKey: companyKey(name),
      workflow,
      everyMinutes: parseEvery(options.every ?? '1d'),
      nextDueAt: this.now().toISOString(),
    });
  }

  list(): Watch[] {
    return this.store.list();
  }

  /** Removes one of the analyst's workflows, unless a watch runs it: that watch's every refresh would fail. */
  removeWorkflow(name: string): boolean {
    const users = this.store
      .list()
      .filter((w) => w.workflow === name)
      .map((w) => w.query);
    if (users.length)
      throw new UserFacingError(
        'workflow_in_use',
        `${users.join(', ')} ${users.length === 1 ? 'is' : 'are'} watched with workflow ${name}: watch ${users.length === 1 ? 'it' : 'them'} with another workflow first.`,
      );
    return this.workflows.remove(name);
  }

  remove(query: string): void {
    this.store.remove(this.find(query).id);
  }

  /** Stops watching these companies (the Companies screen's selection); how many were watched. Their alerts stay. */
  removeCompanies(companyIds: readonly number[]): number {
    return this.store.removeCompanies(companyIds);
  }

  find(query: string): Watch {
    const watch = this.store.byKey(normaliseKey(query));
    if (!watch) throw new UserFacingError('not_found', `"${query}" is not on the watch list (crm-intel watch list).`);
    return watch;
  }

  due(): Watch[] {
    return this.store.due(this.now().toISOString());
  }

  /**
   * Refreshes every due watch, as many at once as the gateway runs calls (`intel.concurrency`): one at a
   * time, a lookup's round trips would leave the provider's rate limit unused; more at once only queue.
   */
  async refreshDue(options: Pick<LookupOptions, 'signal' | 'onProgress'> = {}): Promise<RefreshOutcome[]> {
    const limit = pLimit(this.options.settings().intel.concurrency);
    // A refresh cut short by the signal is no refresh: nothing is recorded and the watch stays due.
    const refreshed = (watch: Watch) =>
      this.refresh(watch, options).catch((error: unknown) => {
        if (options.signal?.aborted) return null;
        throw error;
      });
    const outcomes = await Promise.all(
      this.due().map((watch) => limit(() => (options.signal?.aborted ? null : refreshed(watch)))),
    );
    return outcomes.filter((outcome) => outcome !== null);
  }

  /**
   * Looks the company up with the watch's workflow and stores the alerts with the refresh. The next refresh
   * is due one interval from now, not from when this one was due: a computer that slept through several
   * intervals catches up once. A lookup stopped by `options.signal` records nothing and rejects.
   */
  async refresh(watch: Watch, options: Pick<LookupOptions, 'signal' | 'onProgress'> = {}): Promise<RefreshOutcome> {
    const nextDueAt = () => new Date(this.now().getTime() + watch.everyMinutes * 60_000).toISOString();
    try {
      const report = await this.options.intel.lookup(watch.query, { workflow: watch.workflow, ...options });
      options.signal?.throwIfAborted();
      const previousRunId = report.changes.previousRunId;
      const previous = previousRunId === null ? null : this.options.intel.report(previousRunId);
      const alerts = previous && report.companyId !== null ? alertsBetween(report, previous) : [];
      const error =
        report.companyId === null
          ? `"${watch.query}" matches several companies; watch it by a more precise name or its domain.`
          : null;
      this.store.recordRefresh(watch, {
        companyId: report.companyId,
        runId: report.run.id,
        previousRunId,
        at: this.now().toISOString(),
        error,
        nextDueAt: nextDueAt(),
        alerts,
      });
      return {
        watch,
        runId: report.run.id,
        providerCalls: report.run.providerCalls,
        alerts: alerts.length,
        summaries: alerts.map((a) => a.summary),
        error,
      };
    } catch (error) {
      if (options.signal?.aborted || !(error instanceof UserFacingError)) throw error;
      this.store.recordRefresh(watch, {
        companyId: null,
        runId: null,
        previousRunId: null,
        at: this.now().toISOString(),
        error: error.message,
        nextDueAt: nextDueAt(),
        alerts: [],
      });
      return { watch, runId: null, providerCalls: 0, alerts: 0, summaries: [], error: error.message };
    }
  }

  alerts(filter: AlertFilter = {}): Alert[] {
    return this.store.alerts(filter);
  }

  markRead(ids: number[] | 'all'): number {
    return this.store.markRead(ids, this.now().toISOString());
  }

  unreadCount(): number {
    return this.store.unreadCount();
  }
}
