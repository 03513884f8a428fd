import pLimit from 'p-limit';
import type { CompanyReport, IntelService, Workflow } from '../domain/intel';
import { UserFacingError } from '../errors';
import type { BatchItem, BatchStore, BatchSummary } from './batch-store';

export interface EnrichmentProgress {
  batchId: number;
  companiesDone: number;
  companiesFailed: number;
  companiesTotal: number;
  /** Estimated time left from this session's pace; null until one company has finished. */
  etaMs: number | null;
  /** The company that just finished, and how. */
  last: { company: string; ok: boolean; error?: string } | null;
}

export interface RunBatchOptions {
  workflow: Workflow;
  /** Companies looked up at once; the orchestrator's rate limits and concurrency cap still apply beneath. */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: EnrichmentProgress) => void;
}

/**
 * Looks up every pending company of a batch once, through the intelligence service (so its rate limits,
 * retries and cache are shared). A company's failure is recorded with its reason and never stops the
 * others; a cancel stops starting new lookups and leaves the unfinished ones pending for a later resume.
 */
export async function runBatch(store: BatchStore, intel: Pick<IntelService, 'lookup'>, batchId: number, options: RunBatchOptions): Promise<BatchSummary> {
  const { signal, onProgress } = options;
  const pending = store.pendingItems(batchId);
  const before = store.summary(batchId);
  let done = before.companiesDone;
  let failed = before.companiesFailed;
  let finishedThisRun = 0;
  const started = performance.now();
  store.setStatus(batchId, 'running');

  const limit = pLimit(options.concurrency ?? 16);
  await Promise.all(
    pending.map((item) =>
      limit(async () => {
        if (signal?.aborted) return;
        const outcome = await enrichOne(intel, item, options.workflow, signal);
        if (outcome === 'cancelled') return;
        if (outcome.ok) {
          store.markDone(item, outcome);
          done += 1;
        } else {
          store.markFailed(item, outcome.error);
          failed += 1;
        }
        finishedThisRun += 1;
        const remaining = before.companiesTotal - done - failed;
        onProgress?.({
          batchId,
          companiesDone: done,
          companiesFailed: failed,
          companiesTotal: before.companiesTotal,
          etaMs: remaining === 0 ? 0 : Math.round(((performance.now() - started) / finishedThisRun) * remaining),
          last: { company: item.companyName, ok: outcome.ok, ...(outcome.ok ? {} : { error: outcome.error }) },
        });
      }),
    ),
  );

  const after = store.summary(batchId);
  store.setStatus(batchId, signal?.aborted && after.companiesPending > 0 ? 'cancelled' : after.companiesFailed > 0 ? 'partial' : 'completed');
  return store.summary(batchId);
}

type Outcome = { ok: true; companyId: number; runId: number } | { ok: false; error: string } | 'cancelled';

async function enrichOne(intel: Pick<IntelService, 'lookup'>, item: BatchItem, workflow: Workflow, signal?: AbortSignal): Promise<Outcome> {
  const query = item.companyName || item.domain || item.companyKey;
  try {
    let report = await intel.lookup(query, { workflow, signal });
    if (report.companyId === null && report.candidates.length > 0) {
      // The name is ambiguous; the lead's own domain says which company is meant.
      const match = item.domain ? report.candidates.find((c) => c.domain?.toLowerCase() === item.domain) : undefined;
      if (!match) return { ok: false, error: `"${query}" matches ${report.candidates.length} companies (${report.candidates.map((c) => c.name).join(', ')}); look it up and pick one.` };
      report = await intel.lookup(query, { workflow, pick: match.index, signal });
    }
    if (signal?.aborted) return 'cancelled';
    return outcomeOf(report);
  } catch (error) {
    if (signal?.aborted) return 'cancelled';
    return { ok: false, error: error instanceof UserFacingError ? error.message : `Lookup failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function outcomeOf(report: CompanyReport): Outcome {
  if (report.companyId === null) return { ok: false, error: 'The company could not be identified.' };
  if (report.run.status === 'failed') {
    const reasons = report.partial.map((p) => `${p.component}: ${p.reason}`).join('; ');
    return { ok: false, error: `Every step failed${reasons ? ` (${reasons})` : ''}.` };
  }
  if (report.run.status === 'cancelled') return 'cancelled';
  return { ok: true, companyId: report.companyId, runId: report.run.id };
}
