import pLimit from 'p-limit';
import type { CompanyReport, IntelService, Workflow } from '../intel/domain';
import { UserFacingError } from '../errors';
import type { BatchItem, BatchStore, BatchSummary, ItemOutcome } from './batch-store';
import { claimBatch, liveSummary } from './enrichment-service';

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
  /** Companies looked up at once: `companiesInFlight` of the search provider's rate limit. */
  concurrency: number;
  signal?: AbortSignal;
  onProgress?: (progress: EnrichmentProgress) => void;
}

/** How often the runner commits finished companies, writes its heartbeat and looks for a cancel request. */
const TICK_MS = 500;
/** Successes are reported at most this often (each report crosses a thread); failures and the end always. */
const PROGRESS_EVERY_MS = 200;

/**
 * How many companies to look up at once so that the rate limiter always has calls waiting (the limit,
 * not the batch, sets the pace) while no call waits in its queue long enough to run into a step's time
 * limit: a quarter of a second of the limit's calls, at least 4 and at most 64. Without a limit (a local
 * research library only) the work is CPU-bound and 8 is plenty.
 */
export function companiesInFlight(requestsPerMinute: number | null): number {
  if (requestsPerMinute === null) return 8;
  return Math.min(64, Math.max(4, Math.ceil((requestsPerMinute / 60) * 0.25)));
}

/**
 * Looks up every pending company of a batch once, through the intelligence service (so its rate limits,
 * retries and cache are shared). A company's failure is recorded with its reason and never stops the
 * others. Finished companies are committed together every tick, off the lookups' path. A cancel (the
 * signal, or a request stored by any process) stops starting new lookups and leaves the unfinished ones
 * pending for a later resume.
 */
export async function runBatch(
  store: BatchStore,
  intel: Pick<IntelService, 'lookup'>,
  batchId: number,
  options: RunBatchOptions,
): Promise<BatchSummary> {
  claimBatch(store, batchId);
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const before = store.summary(batchId);
  const unsaved: { item: BatchItem; outcome: ItemOutcome }[] = [];
  const flush = () => store.recordOutcomes(unsaved.splice(0));
  const tick = setInterval(() => {
    flush();
    if (store.beat(batchId)) stop.abort();
  }, TICK_MS);
  tick.unref();

  let done = before.companiesDone;
  let failed = before.companiesFailed;
  let finishedThisRun = 0;
  const started = performance.now();
  let reportedAt = Number.NEGATIVE_INFINITY;
  const limit = pLimit(options.concurrency);
  try {
    await Promise.all(
      store.pendingItems(batchId).map((item) =>
        limit(async () => {
          if (signal.aborted) return;
          const outcome = await enrichOne(intel, item, options.workflow, signal);
          if (outcome === 'cancelled') return;
          unsaved.push({ item, outcome });
          if (outcome.ok) done += 1;
          else failed += 1;
          finishedThisRun += 1;
          const remaining = before.companiesTotal - done - failed;
          const now = performance.now();
          if (outcome.ok && remaining > 0 && now - reportedAt < PROGRESS_EVERY_MS) return;
          reportedAt = now;
          options.onProgress?.({
            batchId,
            companiesDone: done,
            companiesFailed: failed,
            companiesTotal: before.companiesTotal,
            etaMs: remaining === 0 ? 0 : Math.round(((now - started) / finishedThisRun) * remaining),
            last: { company: item.companyName, ok: outcome.ok, ...(outcome.ok ? {} : { error: outcome.error }) },
          });
        }),
      ),
    );
  } catch (error) {
    // Whatever got the runner (an exception, not a cancel): keep what finished, let go of the batch.
    clearInterval(tick);
    flush();
    store.release(batchId);
    throw error;
  }
  clearInterval(tick);
  flush();
  const after = store.summary(batchId);
  store.finish(
    batchId,
    signal.aborted && after.companiesPending > 0 ? 'cancelled' : after.companiesFailed > 0 ? 'partial' : 'completed',
  );
  return liveSummary(store.summary(batchId));
}

type Outcome = ItemOutcome | 'cancelled';

async function enrichOne(
  intel: Pick<IntelService, 'lookup'>,
  item: BatchItem,
  workflow: Workflow,
  signal: AbortSignal,
): Promise<Outcome> {
  const query = item.companyName || item.domain || item.companyKey;
  try {
    let report = await intel.lookup(query, { workflow, signal });
    if (report.companyId === null && report.candidates.length > 0) {
      // The name is ambiguous; the lead's own domain says which company is meant.
      const match = item.domain ? report.candidates.find((c) => c.domain?.toLowerCase() === item.domain) : undefined;
      if (!match)
        return {
          ok: false,
          error: `"${query}" matches ${report.candidates.length} companies (${report.candidates.map((c) => c.name).join(', ')}); look it up and pick one.`,
        };
      report = await intel.lookup(query, { workflow, pick: match.index, signal });
    }
    if (signal.aborted) return 'cancelled';
    return outcomeOf(report);
  } catch (error) {
    if (signal.aborted) return 'cancelled';
    return {
      ok: false,
      error:
        error instanceof UserFacingError
          ? error.message
          : `Lookup failed: ${error instanceof Error ? error.message : String(error)}`,
    };
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
