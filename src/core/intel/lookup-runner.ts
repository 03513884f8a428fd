import { KeychainUnavailableError, type SecretStore } from '../secrets/secret-store';
import type { Settings } from '../settings/schema';
import { UserFacingError } from '../errors';
import { nothingToSearchMessage } from '../setup/first-run';
import type { LookupOptions, ProgressEvent, StepStatus } from './domain';
import type { RequestCache } from '../providers/gateway/request-cache-store';
import {
  ProviderGateway,
  emptyStats,
  gatewayLimits,
  type CachedAnswer,
  type CallStats,
  type GatewayCall,
} from '../providers/gateway/provider-gateway';
import { runGraph, StepFailure, type StepEnd } from './run-graph';
import type { StepDefinition } from './workflows';
import type { WorkflowCatalog } from './workflow-catalog';
import { cacheLifetimeHours, tunedSearch } from './step-options';
import { TavilyProvider } from '../providers/tavily';
import { LocalLibraryProvider } from '../providers/local-library';
import type { StructuredExtractor } from '../providers/llm';
import { extractionLlm } from '../providers/llm-choice';
import type { SearchProvider, SearchRequest } from '../providers/types';
import type { ResearchLibrary } from '../research/library';
import type { Component, CompanyTarget, Document } from './component';
import { resolveIdentity } from './components/identity';
import { pageReader } from './read/page';
import { overviewComponent } from './components/overview';
import { executivesComponent } from './components/executives';
import { fundingComponent } from './components/funding';
import { newsComponent } from './components/news';
import { customComponent } from './components/custom';
import type { StepRecord } from './intel-store';
import type { IdentityOutput } from './components/identity';
import type { ComponentOutput } from './component';
import { StepMemo } from './step-memo';

const BUILTIN: Component[] = [overviewComponent, executivesComponent, fundingComponent, newsComponent];

/** What one step of a lookup hands over: identity's resolution, or a component's section. */
export type StepOutput = { identity?: IdentityOutput; component?: ComponentOutput; halt?: string };

/** What a run of the graph produced, for `assembleRun` (report-assembly.ts) to make a report of. */
export interface Outcome {
  ends: Map<string, StepEnd<StepOutput>>;
  stats: Map<string, CallStats>;
  sourceProviders: Map<string, string>;
  steps: StepRecord[];
}

/** One run of a lookup's graph: which steps, under which run, searching and extracting with what. */
export interface LookupRun {
  runId: number;
  steps: StepDefinition[];
  stepIds: Map<string, number>;
  settings: Settings;
  /** The search providers and LLM from `tools(settings)`. */
  providers: SearchProvider[];
  llm: StructuredExtractor | null;
  options: Pick<LookupOptions, 'refresh' | 'signal' | 'onProgress' | 'pick'>;
  query: string;
  /** A re-run step's company, known from its run: identity is not run again. */
  knownTarget?: CompanyTarget;
  componentOverride?: Component;
}

export interface LookupRunnerOptions {
  secrets: SecretStore;
  library: ResearchLibrary;
  cache: RequestCache;
  workflows: WorkflowCatalog;
  /** The process's provider gateway when others (drafting) share its rate limits; by default the runner's own. */
  gateway?: () => ProviderGateway;
  /** What time the components judge a page's age by (`Date.now` by default). */
  clock?: () => number;
}

/**
 * Runs a lookup: plans its steps from the workflow, picks the search providers and the LLM, and runs the
 * step graph (identity, then the components) through the provider gateway. It stores nothing: the service
 * records the run before and assembles and stores the report after.
 */
export class LookupRunner {
  private gateway: ProviderGateway | undefined;
  private libraryProvider: LocalLibraryProvider | undefined;
  /** Steps a cache-hit lookup need not run again: see `StepMemo`. */
  private readonly memo: StepMemo<StepOutput>;

  constructor(private readonly options: LookupRunnerOptions) {
    this.memo = new StepMemo(options.cache);
  }

  plan(workflow: string, components: string[] | undefined, settings: Settings): StepDefinition[] {
    return this.options.workflows.plan(workflow, components, settings);
  }

  /** The search providers and the LLM a run uses under these settings. */
  async tools(settings: Settings): Promise<{ providers: SearchProvider[]; llm: StructuredExtractor | null }> {
    const providers = await this.searchProviders(settings);
    const llm = await this.extractor(settings);
    return { providers, llm };
  }

  async execute(run: LookupRun): Promise<Outcome> {
    const { settings, options } = run;
    const gateway = this.gatewayFor(settings);
    const stats = new Map<string, CallStats>();
    // Per step: the fresh cached answers it was served, and the provider of each result URL it found.
    const answers = new Map<string, CachedAnswer[]>();
    const found = new Map<string, [string, string][]>();
    const startedAt = new Map<string, { at: string; time: number }>();
    // Step ends are written with the report, in one transaction (see finish).
    const steps: StepRecord[] = [];
    const sourceProviders = new Map<string, string>();
    const emit = (component: string, status: StepStatus, message: string) => {
      const s = stats.get(component);
      const event: ProgressEvent = {
        runId: run.runId,
        component,
        status,
        message,
        providerCalls: s?.providerCalls,
        cacheHits: s?.cacheHits,
      };
      options.onProgress?.(event);
    };

    const tavily = run.providers.find((p): p is TavilyProvider => p instanceof TavilyProvider);
    const gatewayCall = (
      component: string,
      section: keyof Settings['cacheTtlHours'],
      signal: AbortSignal,
    ): GatewayCall => ({
      section,
      ttlHours: cacheLifetimeHours(settings, component, section),
      refresh: options.refresh ?? false,
      signal,
      stats: stats.get(component)!,
      answers: answers.get(component),
    });

    const searchFor =
      (component: string, call: GatewayCall) =>
      async (request: SearchRequest): Promise<Document[]> => {
        const results = await Promise.all(run.providers.map((p) => gateway.search(p, request, call)));
        const succeeded = results.flatMap((r) => (r.ok ? [r] : []));
        if (succeeded.length === 0) {
          const failure = results.find((r) => !r.ok);
          throw new StepFailure(
            failure && !failure.ok
              ? failure.error
              : { kind: 'bad_request', message: 'No search provider is configured.' },
          );
        }
        return succeeded.flatMap((r) =>
          r.data.results.map((hit) => {
            sourceProviders.set(hit.url, r.meta.provider);
            found.get(component)?.push([hit.url, r.meta.provider]);
            return { ...hit, provider: r.meta.provider };
          }),
        );
      };

    // A page that cannot be read leaves the report as the snippets made it: not a step failure.
    const readPagesFor =
      (call: GatewayCall) =>
      async (urls: string[]): Promise<Map<string, string>> => {
        if (!tavily || urls.length === 0) return new Map();
        const result = await gateway.request(
          {
            provider: tavily.id,
            endpoint: '/extract',
            params: { urls },
            send: (signal) => tavily.extract(urls, { signal }),
          },
          call,
        );
        return new Map(result.ok ? result.data.results.map((r) => [r.url, r.rawContent]) : []);
      };

    const llmFor = (call: GatewayCall): StructuredExtractor | null => {
      const llm = run.llm;
      if (!llm) return null;
      return {
        id: llm.id,
        model: llm.model,
        extract: async (request) => {
          const params = {
            model: llm.model,
            system: request.system,
            schemaName: request.schemaName,
            instruction: request.instruction,
            documents: request.documents,
          };
          const result = await gateway.request(
            { provider: llm.id, endpoint: '/structured', params, send: (signal) => llm.extract(request, { signal }) },
            call,
          );
          // A cached answer was checked before it was stored; check again so a changed schema cannot pass an old shape.
          if (!result.ok || !result.meta.cached) return result;
          const parsed = request.schema.safeParse(result.data);
          return parsed.success
            ? { ...result, data: parsed.data }
            : {
                ok: false,
                error: { kind: 'invalid_response', message: `${llm.id}: cached answer no longer matches the schema.` },
                meta: { provider: llm.id, latencyMs: 0 },
              };
        },
      };
    };

    // One reader for the lookup: components whose searches return the same page read it once.
    const read = pageReader();
    const now = (this.options.clock ?? Date.now)();
    const runStep = async (
      step: StepDefinition,
      inputs: Map<string, StepOutput>,
      signal: AbortSignal,
    ): Promise<StepOutput> => {
      if (step.component === 'identity') {
        const identity = await resolveIdentity(
          run.query,
          searchFor('identity', gatewayCall('identity', 'identity', signal)),
          options.pick,
        );
        return { identity, halt: identity.halt };
      }
      const target = targetOf(inputs);
      if (!target) throw new StepFailure({ kind: 'bad_request', message: 'The company was not identified.' });
      const component = this.component(run, step);
      const section = component.section === 'custom' ? 'custom' : component.section;
      const call = gatewayCall(step.component, section, signal);
      const search = searchFor(step.component, call);
      const output = await component.run({
        query: run.query,
        target,
        search: (request) => search(tunedSearch(request, step, settings)),
        readPages: readPagesFor(call),
        read,
        llm: llmFor(call),
        maxExecutives: maxExecutivesOf(step, settings),
        now,
        signal,
      });
      return { component: output };
    };
    const targetOf = (inputs: Map<string, StepOutput>) => run.knownTarget ?? inputs.get('identity')?.identity?.target;
    // Without a refresh, a step asked as before is served as before while its cached answers stand: every
    // answer must then have come through the cache (the research library's do not), fresh.
    const memoisable = !options.refresh && run.providers.every((p) => p.remote);
    const ends = await runGraph<StepOutput>({
      steps: run.steps,
      stepTimeoutMs: settings.intel.stepTimeoutSeconds * 1000,
      signal: options.signal,
      execute: async (step, inputs, signal) => {
        const target = step.component === 'identity' ? null : targetOf(inputs);
        const key = memoisable && target !== undefined ? this.memoKey(run, step, target) : undefined;
        const recalled = key === undefined ? undefined : this.memo.recall(key);
        if (recalled) {
          stats.get(step.component)!.cacheHits += recalled.answers.length;
          for (const [url, provider] of recalled.sources) sourceProviders.set(url, provider);
          return recalled.output;
        }
        const output = await runStep(step, inputs, signal);
        const served = answers.get(step.component)!;
        const { providerCalls, cacheHits, stale } = stats.get(step.component)!;
        if (key === undefined || providerCalls > 0 || stale || served.length !== cacheHits) return output;
        return this.memo.remember(key, { output, answers: served, sources: found.get(step.component)! });
      },
      onChange: (component, status, end) => {
        if (status === 'running') {
          stats.set(component, emptyStats());
          answers.set(component, []);
          found.set(component, []);
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

  private component(run: LookupRun, step: StepDefinition): Component {
    return (
      run.componentOverride ??
      BUILTIN.find((c) => c.name === step.component) ??
      this.custom(run.settings, step.component)
    );
  }

  /**
   * What a step's output depends on besides the answers it is served: the step, the company (or for
   * identity the name and the pick), the providers and the LLM, and the settings its searches and reading
   * take, and the year (a page's age in years decides whether its titles are current). No key for a component
   * whose output depends on the time it runs more finely.
   */
  private memoKey(run: LookupRun, step: StepDefinition, target: CompanyTarget | null): string | undefined {
    const { settings } = run;
    if (step.component !== 'identity' && this.component(run, step).readsTheClock) return undefined;
    return JSON.stringify({
      step,
      query: run.query,
      target,
      pick: target ? null : (run.options.pick ?? null),
      override: run.componentOverride?.name ?? null,
      providers: run.providers.map((p) => p.id),
      llm: run.llm ? [run.llm.id, run.llm.model] : null,
      maxExecutives: maxExecutivesOf(step, settings),
      configured: settings.components[step.component as keyof Settings['components']] ?? null,
      custom: settings.intel.customComponents.find((c) => c.name === step.component) ?? null,
      year: new Date((this.options.clock ?? Date.now)()).getUTCFullYear(),
    });
  }

  private custom(settings: Settings, name: string): Component {
    const definition = settings.intel.customComponents.find((c) => c.name === name);
    if (!definition) throw new StepFailure({ kind: 'bad_request', message: `No component named ${name}.` });
    return customComponent(definition);
  }

  private gatewayFor(settings: Settings): ProviderGateway {
    this.gateway ??= this.options.gateway?.() ?? new ProviderGateway(this.options.cache, gatewayLimits(settings));
    return this.gateway;
  }

  /** Tavily when it has a key; the research library when a folder is set. Without either there is nothing to search. */
  private async searchProviders(settings: Settings): Promise<SearchProvider[]> {
    const providers: SearchProvider[] = [];
    if (
      settings.providers.tavily.enabled &&
      (await this.options.secrets.get('tavily').then(Boolean, (error: unknown) =>
        // With no keychain and no folder the newcomer hears what to do (below), not only what the keychain lacks.
        settings.researchFolder || error instanceof KeychainUnavailableError ? false : Promise.reject(error),
      ))
    ) {
      providers.push(
        new TavilyProvider({
          baseUrl: settings.providers.tavily.baseUrl,
          apiKey: () => this.options.secrets.get('tavily'),
        }),
      );
    }
    if (settings.researchFolder) {
      this.libraryProvider ??= new LocalLibraryProvider(this.options.library, settings.researchFolder);
      providers.push(this.libraryProvider);
    }
    if (providers.length === 0) {
      throw new UserFacingError(
        'no_search_provider',
        nothingToSearchMessage('both', await this.options.secrets.availability()),
      );
    }
    return providers;
  }

  private async extractor(settings: Settings): Promise<StructuredExtractor | null> {
    return (await extractionLlm(settings, this.options.secrets))?.extractor ?? null;
  }
}

function maxExecutivesOf(step: StepDefinition, settings: Settings): number {
  return step.options?.maxExecutives ?? settings.intel.maxExecutives;
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
