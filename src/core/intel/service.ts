import type { Db } from '../store/database';
import type { SecretStore } from '../secrets/secret-store';
import type { Settings } from '../settings/schema';
import { UserFacingError } from '../errors';
import type { CompanyReport, Fact, FactSection, IntelService, LookupOptions } from './domain';
import { RequestCache } from '../providers/gateway/request-cache-store';
import type { ProviderGateway } from '../providers/gateway/provider-gateway';
import { WorkflowCatalog } from './workflow-catalog';
import { ResearchLibrary } from '../research/library';
import type { CompanyTarget } from './component';
import { prepareExtraction } from './extract/prepare';
import { customComponent } from './components/custom';
import { IntelStore } from './intel-store';
import { CompanyStore } from '../companies/company-store';
import { emptyReport } from './report';
import { assembleRun, recuratedReport, type StoredForReport } from './report-assembly';
import { PROFILE_COMPONENT } from './profile';
import { ProfileStore } from './profile-store';
import { ownerIsGone } from '../processes/process-owner';
import { LookupRunner, type Outcome } from './lookup-runner';
import { normaliseKey } from './text';

export interface IntelServiceOptions {
  db: Db;
  secrets: SecretStore;
  settings: () => Settings;
  /** The research library lookups search when a research folder is set; by default one that reads documents in this thread. */
  library?: ResearchLibrary;
  /** The process's provider gateway when others (drafting) share its rate limits; by default this service's own. */
  gateway?: () => ProviderGateway;
  /** What time lookups judge a page's age by (`Date.now` by default). */
  clock?: () => number;
}

/**
 * Company lookups: records a run, has `LookupRunner` run it, has `assembleRun` (report-assembly.ts) make the
 * report from the steps' outcomes and what is stored (the company's curated profile, its previous report),
 * then has `IntelStore` store it all at once.
 */
export class IntelServiceImpl implements IntelService {
  private readonly store: IntelStore;
  private readonly companies: CompanyStore;
  private readonly profiles: ProfileStore;
  private readonly runner: LookupRunner;
  /** The answers the lookups' searches were given, written with each report (see `finish`). */
  private readonly requestCache: RequestCache;
  /** What `assembleRun` reads of a company: its id as `IntelStore` will record it, its profile, its previous report. */
  private readonly storedForReport: StoredForReport = {
    companyId: (company) => this.companies.existingId(company.domain, normaliseKey(company.name)) ?? null,
    profile: (companyId) => this.profiles.list(companyId),
    previous: (companyId, beforeRunId) => this.store.latestRun(companyId, beforeRunId),
  };

  constructor(private readonly options: IntelServiceOptions) {
    this.store = new IntelStore(options.db);
    this.companies = new CompanyStore(options.db);
    this.profiles = new ProfileStore(options.db);
    this.requestCache = new RequestCache(options.db);
    this.runner = new LookupRunner({
      secrets: options.secrets,
      library: options.library ?? new ResearchLibrary(options.db),
      cache: this.requestCache,
      workflows: new WorkflowCatalog(options.db, options.settings),
      gateway: options.gateway,
      clock: options.clock,
    });
  }

  async lookup(query: string, options: LookupOptions = {}): Promise<CompanyReport> {
    const name = query.trim();
    if (!name) throw new UserFacingError('invalid_query', 'Type a company name to look up.');
    const settings = this.options.settings();
    const workflow = options.workflow ?? 'standard';
    const steps = this.runner.plan(workflow, options.types, settings);
    const { providers, llm } = await this.runner.tools(settings);
    if (!llm) await prepareExtraction();
    const { runId, stepIds, startedAt } = this.store.createRun(
      name,
      workflow,
      steps.map((s) => s.component),
    );
    const report = emptyReport(name, workflow, startedAt);
    report.run.id = runId;
    const outcome = await this.runner.execute({
      runId,
      steps,
      stepIds,
      settings,
      providers,
      llm,
      options,
      query: name,
    });
    return this.finish(report, outcome, null);
  }

  /**
   * Marks runs left `running` by a process that stopped (killed, crashed, closed) as failed with their
   * unfinished steps; called when services start and before runs are listed. Runs of live processes (the
   * app and the command line may run lookups at the same time) are never touched.
   */
  interruptOrphanedRuns(): number[] {
    return this.store.interruptOrphanedRuns(ownerIsGone);
  }

  async rerunStep(
    runId: number,
    component: string,
    options: Pick<LookupOptions, 'refresh' | 'signal' | 'onProgress'> = {},
  ): Promise<CompanyReport> {
    const interrupted = this.store.interruptedRun(runId);
    if (interrupted) return this.resumeInterrupted(runId, interrupted, options);
    const previous = this.store.report(runId);
    const target = this.store.target(runId);
    const stepId = this.store.stepIds(runId).get(component);
    if (!previous || !target || stepId === undefined || component === 'identity') {
      throw new UserFacingError(
        'not_found',
        `Run ${runId} has no stored ${component} step to re-run (identity is re-run by a new lookup).`,
      );
    }
    const settings = this.options.settings();
    const custom = settings.intel.customComponents.find((c) => c.name === component);
    const step = { component, dependsOn: [] };
    const outcome = await this.runner.execute({
      runId,
      steps: [step],
      stepIds: new Map([[component, stepId]]),
      settings,
      ...(await this.runner.tools(settings)),
      options,
      query: previous.query,
      knownTarget: target,
      componentOverride: custom ? customComponent(custom) : undefined,
    });
    return this.finish(previous, outcome, target, component);
  }

  /**
   * An interrupted run stored nothing but its plan (its steps' results were to be written together at the
   * end), so retrying any of its steps runs the whole lookup again, in the same run.
   */
  private async resumeInterrupted(
    runId: number,
    run: { query: string; workflow: string; startedAt: string; components: string[] },
    options: Pick<LookupOptions, 'refresh' | 'signal' | 'onProgress'>,
  ): Promise<CompanyReport> {
    const settings = this.options.settings();
    const workflow = run.workflow;
    const steps = this.runner.plan(workflow, run.components, settings);
    const { providers, llm } = await this.runner.tools(settings);
    if (!this.store.claimInterruptedRun(runId))
      throw new UserFacingError('run_busy', `Run ${runId} is already being retried.`);
    const report = emptyReport(run.query, workflow, run.startedAt);
    report.run.id = runId;
    const outcome = await this.runner.execute({
      runId,
      steps,
      stepIds: this.store.stepIds(runId),
      settings,
      providers,
      llm,
      options,
      query: run.query,
    });
    return this.finish(report, outcome, null);
  }

  latestReport(companyId: number): CompanyReport | null {
    return this.store.latestRun(companyId)?.report ?? null;
  }

  report(runId: number): CompanyReport | null {
    return this.store.report(runId);
  }

  latestFacts(companyId: number, sections?: FactSection[]): Fact[] {
    const facts = this.latestReport(companyId)?.facts ?? [];
    return sections ? facts.filter((f) => sections.includes(f.section)) : facts;
  }

  runs(options: { companyId?: number; limit?: number } = {}) {
    this.interruptOrphanedRuns();
    return this.store.runs(options);
  }

  run(runId: number) {
    this.interruptOrphanedRuns();
    return this.store.runSummary(runId);
  }

  /**
   * Merges the company's curated profile as it is now into a stored report, in place of the one merged when
   * it was stored, without calling any provider: how an edit in the report screen shows at once.
   */
  recurate(runId: number): CompanyReport {
    return this.options.db
      .transaction(() => {
        const stored = this.store.report(runId);
        if (!stored || stored.companyId === null)
          throw new UserFacingError('not_found', `Run ${runId} has no stored company report to curate.`);
        const { report, curated, providers } = recuratedReport(
          { ...stored, companyId: stored.companyId },
          this.profiles.list(stored.companyId),
        );
        return this.store.storeRevision(report, curated, providers, [PROFILE_COMPONENT]);
      })
      .immediate();
  }

  /**
   * Builds the report from the step outcomes and stores steps, company, facts and report in one transaction,
   * with the provider answers not yet written to the request cache: one commit for what the lookup learnt.
   */
  private finish(
    base: CompanyReport,
    outcome: Outcome,
    knownTarget: CompanyTarget | null,
    rerunComponent?: string,
  ): CompanyReport {
    // Immediate: what the report is assembled from (profile, previous report, the run's row) stays as read
    // until the run is stored, and no other connection's write can make the store's writes fail.
    return this.options.db
      .transaction(() => {
        this.requestCache.flush();
        return this.store.storeRun(assembleRun(base, outcome, knownTarget, rerunComponent, this.storedForReport));
      })
      .immediate();
  }
}
