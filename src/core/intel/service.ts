import type { Db } from '../store/database';
import type { SecretStore } from '../secrets/secret-store';
import type { Settings } from '../settings/schema';
import { UserFacingError } from '../errors';
import type { CompanyReport, Fact, FactSection, IntelService, LookupOptions, ProgressEvent, StepStatus } from './domain';
import { RequestCache } from '../providers/gateway/request-cache';
import { ProviderGateway, emptyStats, gatewayLimits, type CallStats, type GatewayCall } from '../providers/gateway/provider-gateway';
import { runGraph, StepFailure, type StepEnd } from './run-graph';
import type { StepDefinition } from './workflows';
import { WorkflowCatalog } from './workflow-catalog';
import { tunedSearch } from './step-options';
import { TavilyProvider } from '../providers/tavily';
import { LocalLibraryProvider } from '../providers/local-library';
import type { StructuredExtractor } from '../providers/llm';
import { extractionLlm } from '../providers/llm-choice';
import type { SearchProvider, SearchRequest } from '../providers/types';
import { ResearchLibrary } from '../research/library';
import type { Component, CompanyTarget, Document } from './component';
import { resolveIdentity } from './components/identity';
import { overviewComponent } from './components/overview';
import { executivesComponent } from './components/executives';
import { fundingComponent } from './components/funding';
import { newsComponent } from './components/news';
import { prepareExtraction } from './extract/prepare';
import { customComponent } from './components/custom';
import { IntelStore, type StepRecord } from './intel-store';
import { CompanyStore } from '../companies/company-store';
import { diffReports, emptyReport, numberSources } from './report';
import { applyStepOutcomes, runAfterSteps, type StepOutput } from './report-assembly';
import { reportToMarkdown } from './markdown';
import { applyProfile, PROFILE_COMPONENT, ProfileStore } from './profile';
import { ownerIsGone } from '../processes/process-owner';

const BUILTIN: Component[] = [overviewComponent, executivesComponent, fundingComponent, newsComponent];

/** What a run of the graph produced, for `finish` to store. */
interface Outcome {
  ends: Map<string, StepEnd<StepOutput>>;
  stats: Map<string, CallStats>;
  sourceProviders: Map<string, string>;
  steps: StepRecord[];
}

export interface IntelServiceOptions {
  db: Db;
  secrets: SecretStore;
  settings: () => Settings;
  /** The research library lookups search when a research folder is set; by default one that reads documents in this thread. */
  library?: ResearchLibrary;
  /** The process's provider gateway when others (drafting) share its rate limits; by default this service's own. */
  gateway?: () => ProviderGateway;
}

/** Company lookups: plans the workflow, runs components through the gateway, stores runs, facts and snapshots. */
export class IntelServiceImpl implements IntelService {
  private readonly store: IntelStore;
  private readonly companies: CompanyStore;
  private readonly cache: RequestCache;
  private readonly library: ResearchLibrary;
  private readonly profiles: ProfileStore;
  private readonly workflows: WorkflowCatalog;
  private gateway: ProviderGateway | undefined;
  private libraryProvider: LocalLibraryProvider | undefined;

  constructor(private readonly options: IntelServiceOptions) {
    this.store = new IntelStore(options.db);
    this.companies = new CompanyStore(options.db);
    this.cache = new RequestCache(options.db);
    this.library = options.library ?? new ResearchLibrary(options.db);
    this.profiles = new ProfileStore(options.db);
    this.workflows = new WorkflowCatalog(options.db, options.settings);
  }

  async lookup(query: string, options: LookupOptions = {}): Promise<CompanyReport> {
    const name = query.trim();
    if (!name) throw new UserFacingError('invalid_query', 'Type a company name to look up.');
    const settings = this.options.settings();
    const workflow = options.workflow ?? 'standard';
    const steps = this.workflows.plan(workflow, options.types);
    const providers = await this.searchProviders(settings);
    const llm = await this.extractor(settings);
    if (!llm) await prepareExtraction();
    const { runId, stepIds, startedAt } = this.store.createRun(name, workflow, steps.map((s) => s.component));
    const report = emptyReport(name, workflow, startedAt);
    report.run.id = runId;
    const outcome = await this.execute({ runId, steps, stepIds, settings, providers, llm, options, query: name });
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

  async rerunStep(runId: number, component: string, options: Pick<LookupOptions, 'refresh' | 'signal' | 'onProgress'> = {}): Promise<CompanyReport> {
    const interrupted = this.store.interruptedRun(runId);
    if (interrupted) return this.resumeInterrupted(runId, interrupted, options);
    const previous = this.store.report(runId);
    const target = this.store.target(runId);
    const stepId = this.store.stepIds(runId).get(component);
    if (!previous || !target || stepId === undefined || component === 'identity') {
      throw new UserFacingError('not_found', `Run ${runId} has no stored ${component} step to re-run (identity is re-run by a new lookup).`);
    }
    const settings = this.options.settings();
    const custom = settings.intel.customComponents.find((c) => c.name === component);
    const step = { component, dependsOn: [] };
    const outcome = await this.execute({
      runId,
      steps: [step],
      stepIds: new Map([[component, stepId]]),
      settings,
      providers: await this.searchProviders(settings),
      llm: await this.extractor(settings),
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
  private async resumeInterrupted(runId: number, run: { query: string; workflow: string; startedAt: string; components: string[] }, options: Pick<LookupOptions, 'refresh' | 'signal' | 'onProgress'>): Promise<CompanyReport> {
    const settings = this.options.settings();
    const workflow = run.workflow;
    const steps = this.workflows.plan(workflow, run.components);
    const providers = await this.searchProviders(settings);
    const llm = await this.extractor(settings);
    if (!this.store.claimInterruptedRun(runId)) throw new UserFacingError('run_busy', `Run ${runId} is already being retried.`);
    const report = emptyReport(run.query, workflow, run.startedAt);
    report.run.id = runId;
    const outcome = await this.execute({ runId, steps, stepIds: this.store.stepIds(runId), settings, providers, llm, options, query: run.query });
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

  findCompany(nameOrDomain: string) {
    return this.companies.find(nameOrDomain);
  }

  recentCompanies(limit = 20) {
    return this.companies.recent(limit);
  }

  runs(options: { companyId?: number; limit?: number } = {}) {
    this.interruptOrphanedRuns();
    return this.store.runs(options);
  }

  run(runId: number) {
    this.interruptOrphanedRuns();
    return this.store.runSummary(runId);
  }

  toMarkdown(report: CompanyReport): string {
    return reportToMarkdown(report);
  }

  private async execute(run: {
    runId: number;
    steps: StepDefinition[];
    stepIds: Map<string, number>;
    settings: Settings;
    providers: SearchProvider[];
    llm: StructuredExtractor | null;
    options: Pick<LookupOptions, 'refresh' | 'signal' | 'onProgress' | 'pick'>;
    query: string;
    knownTarget?: CompanyTarget;
    componentOverride?: Component;
  }) {
    const { settings, options } = run;
    const gateway = this.gatewayFor(settings);
    const stats = new Map<string, CallStats>();
    const startedAt = new Map<string, { at: string; time: number }>();
    // Step ends are written with the report, in one transaction (see finish).
    const steps: StepRecord[] = [];
    const sourceProviders = new Map<string, string>();
    const emit = (component: string, status: StepStatus, message: string) => {
      const s = stats.get(component);
      const event: ProgressEvent = { runId: run.runId, component, status, message, providerCalls: s?.providerCalls, cacheHits: s?.cacheHits };
      options.onProgress?.(event);
    };

    const tavily = run.providers.find((p): p is TavilyProvider => p instanceof TavilyProvider);
    const gatewayCall = (component: string, section: keyof Settings['cacheTtlHours'], signal: AbortSignal): GatewayCall => ({ section, ttlHours: settings.cacheTtlHours[section], refresh: options.refresh ?? false, signal, stats: stats.get(component)! });

    const searchFor = (call: GatewayCall) => async (request: SearchRequest): Promise<Document[]> => {
      const results = await Promise.all(run.providers.map((p) => gateway.search(p, request, call)));
      const succeeded = results.flatMap((r) => (r.ok ? [r] : []));
      if (succeeded.length === 0) {
        const failure = results.find((r) => !r.ok);
        throw new StepFailure(failure && !failure.ok ? failure.error : { kind: 'bad_request', message: 'No search provider is configured.' });
      }
      return succeeded.flatMap((r) =>
        r.data.results.map((hit) => {
          sourceProviders.set(hit.url, r.meta.provider);
          return { ...hit, provider: r.meta.provider };
        }),
      );
    };

    // A page that cannot be read leaves the report as the snippets made it: not a step failure.
    const readPagesFor = (call: GatewayCall) => async (urls: string[]): Promise<Map<string, string>> => {
      if (!tavily || urls.length === 0) return new Map();
      const result = await gateway.request({ provider: tavily.id, endpoint: '/extract', params: { urls }, send: (signal) => tavily.extract(urls, { signal }) }, call);
      return new Map(result.ok ? result.data.results.map((r) => [r.url, r.rawContent]) : []);
    };

    const llmFor = (call: GatewayCall): StructuredExtractor | null => {
      const llm = run.llm;
      if (!llm) return null;
      return {
        id: llm.id,
        model: llm.model,
        extract: async (request) => {
          const params = { model: llm.model, system: request.system, schemaName: request.schemaName, instruction: request.instruction, documents: request.documents };
          const result = await gateway.request({ provider: llm.id, endpoint: '/structured', params, send: (signal) => llm.extract(request, { signal }) }, call);
          // A cached answer was checked before it was stored; check again so a changed schema cannot pass an old shape.
          if (!result.ok || !result.meta.cached) return result;
          const parsed = request.schema.safeParse(result.data);
          return parsed.success ? { ...result, data: parsed.data } : { ok: false, error: { kind: 'invalid_response', message: `${llm.id}: cached answer no longer matches the schema.` }, meta: { provider: llm.id, latencyMs: 0 } };
        },
      };
    };

    const ends = await runGraph<StepOutput>({
      steps: run.steps,
      stepTimeoutMs: settings.intel.stepTimeoutSeconds * 1000,
      signal: options.signal,
      execute: async (step, inputs, signal) => {
        if (step.component === 'identity') {
          const identity = await resolveIdentity(run.query, searchFor(gatewayCall('identity', 'identity', signal)), options.pick);
          return { identity, halt: identity.halt };
        }
        const target = run.knownTarget ?? inputs.get('identity')?.identity?.target;
        if (!target) throw new StepFailure({ kind: 'bad_request', message: 'The company was not identified.' });
        const component = run.componentOverride ?? BUILTIN.find((c) => c.name === step.component) ?? this.custom(settings, step.component);
        const section = component.section === 'custom' ? 'custom' : component.section;
        const call = gatewayCall(step.component, section, signal);
        const search = searchFor(call);
        const maxExecutives = step.options?.maxExecutives ?? settings.intel.maxExecutives;
        const output = await component.run({ query: run.query, target, search: (request) => search(tunedSearch(request, step, settings)), readPages: readPagesFor(call), llm: llmFor(call), maxExecutives, signal });
        return { component: output };
      },
      onChange: (component, status, end) => {
        if (status === 'running') {
          stats.set(component, emptyStats());
          startedAt.set(component, { at: new Date().toISOString(), time: performance.now() });
          emit(component, status, `${component}: researching`);
          return;
        }
        const started = startedAt.get(component);
        steps.push({
          stepId: run.stepIds.get(component)!,
          status,
          stats: stats.get(component) ?? emptyStats(),
          error: end && 'error' in end ? end.error : undefined,
          skippedReason: end?.status === 'skipped' ? end.reason : undefined,
          startedAt: started?.at ?? null,
          finishedAt: new Date().toISOString(),
          durationMs: started ? Math.round(performance.now() - started.time) : null,
        });
        emit(component, status, describeEnd(component, end));
      },
    });
    return { ends, stats, sourceProviders, steps };
  }

  /** Builds the report from the step outcomes and stores company, facts and snapshot in one transaction. */
  private finish(
    base: CompanyReport,
    outcome: Outcome,
    knownTarget: CompanyTarget | null,
    rerunComponent?: string,
  ): CompanyReport {
    return this.options.db.transaction(() => {
      for (const step of outcome.steps) this.store.saveStep(step);
      return this.assemble(base, outcome, knownTarget, rerunComponent);
    })();
  }

  /** The report from the steps' outcomes, with the company, curated entries, facts and run stored. */
  private assemble(
    base: CompanyReport,
    outcome: Outcome,
    knownTarget: CompanyTarget | null,
    rerunComponent?: string,
  ): CompanyReport {
    const applied = applyStepOutcomes(base, outcome.ends, knownTarget);
    const { report, target } = applied;
    let newFacts = applied.facts;
    const curatedProviders = new Map<string, string>();
    if (target) {
      report.companyId = this.companies.upsert(report.company);
      const curated = applyProfile(report, this.profiles.list(report.companyId));
      for (const fact of curated) curatedProviders.set(fact.source.url, 'analyst');
      newFacts.push(...curated);
      newFacts = this.store.saveFacts(report.companyId, report.run.id, newFacts, new Map([...outcome.sourceProviders, ...curatedProviders]), rerunComponent ? [rerunComponent, PROFILE_COMPONENT] : []);
    }
    const replaced = new Set([...outcome.ends.keys(), PROFILE_COMPONENT]);
    report.facts = [...report.facts.filter((f) => !replaced.has(f.component)), ...newFacts];
    const knownProviders = new Map([...report.sources.map((s) => [s.url, s.provider] as const), ...outcome.sourceProviders, ...curatedProviders]);
    report.sources = numberSources(report.facts, knownProviders);

    report.generatedAt = new Date().toISOString();
    report.run = { ...this.store.runSummary(report.run.id)!, ...runAfterSteps(report, base, outcome.ends, outcome.stats, rerunComponent !== undefined) };
    if (report.companyId !== null) report.changes = diffReports(report, this.store.latestRun(report.companyId, report.run.id));
    this.store.finishRun(report, target);
    report.run.steps = this.store.runSummary(report.run.id)!.steps;
    return report;
  }

  private custom(settings: Settings, name: string): Component {
    const definition = settings.intel.customComponents.find((c) => c.name === name);
    if (!definition) throw new StepFailure({ kind: 'bad_request', message: `No component named ${name}.` });
    return customComponent(definition);
  }

  private gatewayFor(settings: Settings): ProviderGateway {
    this.gateway ??= this.options.gateway?.() ?? new ProviderGateway(this.cache, gatewayLimits(settings));
    return this.gateway;
  }

  /** Tavily when it has a key; the research library when a folder is set. Without either there is nothing to search. */
  private async searchProviders(settings: Settings): Promise<SearchProvider[]> {
    const providers: SearchProvider[] = [];
    if (settings.providers.tavily.enabled && (await this.options.secrets.get('tavily').then(Boolean, (error: unknown) => (settings.researchFolder ? false : Promise.reject(error))))) {
      providers.push(new TavilyProvider({ baseUrl: settings.providers.tavily.baseUrl, apiKey: () => this.options.secrets.get('tavily') }));
    }
    if (settings.researchFolder) {
      this.libraryProvider ??= new LocalLibraryProvider(this.library, settings.researchFolder);
      providers.push(this.libraryProvider);
    }
    if (providers.length === 0) {
      throw new UserFacingError('no_search_provider', 'Nothing to search: add a Tavily key (Settings in the app, or crm-intel keys set tavily) or a research folder (Settings in the app, or crm-intel settings set researchFolder DIR).');
    }
    return providers;
  }

  private async extractor(settings: Settings): Promise<StructuredExtractor | null> {
    return (await extractionLlm(settings, this.options.secrets))?.extractor ?? null;
  }
}

function describeEnd(component: string, end: StepEnd<StepOutput> | undefined): string {
  if (!end) return component;
  switch (end.status) {
    case 'completed':
      return end.halt ? `${component}: ${end.halt}` : `${component}: done`;
    case 'failed':
    case 'cancelled':
      return `${component}: ${end.status} (${end.error.message})`;
    case 'skipped':
      return `${component}: skipped (${end.reason})`;
  }
}
