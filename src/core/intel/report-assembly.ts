import type { CompanyReport, Fact } from './domain';
import type { RunOutcome } from './intel-store';
import type { CompanyTarget, ComponentOutput } from './component';
import type { IdentityOutput } from './components/identity';
import type { StepEnd } from './run-graph';
import { emptyStats, type CallStats } from '../providers/gateway/provider-gateway';

/** What one step of a lookup hands over: identity's resolution, or a component's section. */
export type StepOutput = { identity?: IdentityOutput; component?: ComponentOutput; halt?: string };

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
