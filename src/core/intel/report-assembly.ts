import type { CompanyIdentity, CompanyReport, Fact, ProfileEntry } from './domain';
import type { FinishedRun, RunOutcome } from './intel-store';
import type { CompanyTarget } from './component';
import type { Outcome, StepOutput } from './lookup-runner';
import type { StepEnd } from './run-graph';
import { emptyStats, type CallStats } from '../providers/gateway/provider-gateway';
import { applyProfile, PROFILE_COMPONENT, withoutProfile } from './profile';
import { diffReports, renumberSources } from './report';

/** What a report is assembled from besides the run's steps: what is stored of its company. */
export interface StoredForReport {
  /** The id the company is stored under, or null when the lookup will store it new. */
  companyId(company: CompanyIdentity): number | null;
  /** The company's curated profile. */
  profile(companyId: number): ProfileEntry[];
  /** The company's newest stored report before this run, for what changed since. */
  previous(companyId: number, beforeRunId: number): { runId: number; at: string; report: CompanyReport } | null;
}

/**
 * The finished run, ready for `IntelStore.storeRun`: the report from the steps' outcomes over `base` (a new
 * lookup's empty report, or the stored one a step is re-run in), the company's curated profile merged in
 * afresh, sources renumbered, what changed since its previous report, and the run's status and counts.
 */
export function assembleRun(
  base: CompanyReport,
  outcome: Outcome,
  knownTarget: CompanyTarget | null,
  rerunComponent: string | undefined,
  stored: StoredForReport,
): FinishedRun {
  // The sections as found, so a rerun step's section and the profile as it is now are merged afresh.
  const applied = applyStepOutcomes(withoutProfile(base), outcome.ends, knownTarget);
  const { report, target } = applied;
  const newFacts = applied.facts;
  // The company as `IntelStore` will record it: a new one has no curated profile and no earlier report.
  const companyId = target ? stored.companyId(report.company) : null;
  const curatedProviders = new Map<string, string>();
  if (target) {
    const curated = applyProfile(report, companyId === null ? [] : stored.profile(companyId));
    for (const fact of curated) curatedProviders.set(fact.source.url, 'analyst');
    newFacts.push(...curated);
  }
  const replaced = new Set([...outcome.ends.keys(), PROFILE_COMPONENT]);
  report.facts = [...report.facts.filter((f) => !replaced.has(f.component)), ...newFacts];
  const sourceProviders = new Map([...outcome.sourceProviders, ...curatedProviders]);
  report.sources = renumberSources(report, sourceProviders);

  report.generatedAt = new Date().toISOString();
  const runId = base.run.id;
  if (target) report.changes = diffReports(report, companyId === null ? null : stored.previous(companyId, runId));
  return {
    runId,
    report,
    outcome: runAfterSteps(report, base, outcome.ends, outcome.stats, rerunComponent !== undefined),
    target,
    steps: outcome.steps,
    newFacts,
    sourceProviders,
    replaceComponents: rerunComponent ? [rerunComponent, PROFILE_COMPONENT] : [],
  };
}

/**
 * A stored report with the company's curated profile as it is now (`entries`) in place of the one merged when
 * it was stored; the curated facts (no ids yet) and their sources' provider, for `IntelStore.storeRevision`.
 */
export function recuratedReport(
  stored: CompanyReport & { companyId: number },
  entries: ProfileEntry[],
): { report: CompanyReport & { companyId: number }; curated: Fact[]; providers: Map<string, string> } {
  const report = { ...withoutProfile(stored), companyId: stored.companyId };
  const curated = applyProfile(report, entries);
  const providers = new Map(curated.map((fact) => [fact.source.url, 'analyst']));
  report.facts = [...report.facts.filter((f) => f.component !== PROFILE_COMPONENT), ...curated];
  report.sources = renumberSources(report, providers);
  return { report, curated, providers };
}

/**
 * Writes the steps' outcomes into a copy of `base`: identity's name, domain and candidates, each completed
 * component's section, and what failed, was cancelled or skipped. Returns the report, the target the facts
 * belong to (null while the name is ambiguous), and the facts the steps found. Stores nothing.
 */
export function applyStepOutcomes(
  base: CompanyReport,
  ends: Map<string, StepEnd<StepOutput>>,
  knownTarget: CompanyTarget | null,
): { report: CompanyReport; target: CompanyTarget | null; facts: Fact[] } {
  const report: CompanyReport = structuredClone(base);
  const identityEnd = ends.get('identity');
  const identity = identityEnd?.status === 'completed' ? identityEnd.output.identity : undefined;
  let target = knownTarget;
  const facts: Fact[] = [];
  if (identity) {
    report.company = identity.identity;
    report.candidates = identity.candidates;
    target = identity.halt ? null : identity.target;
    facts.push(...identity.facts);
    report.notFound.push(...identity.notFound);
  }
  for (const [component, end] of ends) {
    report.notFound = report.notFound.filter((n) => !(n === component || n.startsWith(`${component}.`)));
    report.partial = report.partial.filter((p) => p.component !== component);
    if (end.status === 'completed' && end.output.component) {
      end.output.component.apply(report);
      facts.push(...end.output.component.facts);
      report.notFound.push(...end.output.component.notFound);
    } else if (end.status === 'failed' || end.status === 'cancelled') {
      report.partial.push({ component, status: end.status, reason: end.error.message });
    } else if (end.status === 'skipped' && !identity?.halt) {
      report.partial.push({ component, status: 'skipped', reason: end.reason });
    }
  }
  return { report, target, facts };
}

/**
 * The run's status and counts after these steps: a rerun of one step adds to the counts the run had, a whole
 * lookup starts from zero. A run with a failed step is partial while it has facts, failed without any.
 */
export function runAfterSteps(
  report: CompanyReport,
  base: CompanyReport,
  ends: Map<string, StepEnd<StepOutput>>,
  stats: Map<string, CallStats>,
  rerun: boolean,
): RunOutcome {
  const totals = [...stats.values()].reduce(
    (sum, s) => ({
      providerCalls: sum.providerCalls + s.providerCalls,
      cacheHits: sum.cacheHits + s.cacheHits,
      credits: sum.credits + s.credits,
      stale: sum.stale || s.stale,
    }),
    emptyStats(),
  );
  const cancelled = [...ends.values()].some((e) => e.status === 'cancelled');
  const partial = report.partial.length > 0;
  return {
    status: cancelled ? 'cancelled' : partial ? (report.facts.length > 0 ? 'partial' : 'failed') : 'completed',
    partial,
    stale: (rerun ? base.run.stale : false) || totals.stale,
    providerCalls: (rerun ? base.run.providerCalls : 0) + totals.providerCalls,
    cacheHits: (rerun ? base.run.cacheHits : 0) + totals.cacheHits,
    credits: (rerun ? base.run.credits : 0) + totals.credits,
    finishedAt: report.generatedAt,
  };
}
