import type { Db } from '../store/database';
import type { Workflow } from '../intel/domain';
import { UserFacingError } from '../errors';
import { leadIdsOfImport } from '../leads/query/lead-queries';
import { runnerIsAlive } from '../processes/process-owner';
import { BatchStore, type BatchSummary, type StoredBatch, type StoredBatchSummary } from './batch-store';
import { companyGroups, groupLeadsByCompany } from './company-groups';
import type { EnrichmentProgress } from './batch-runner';

/** An import's leads, a selection of leads, or companies chosen on the Companies screen (looked up or refreshed). */
export type EnrichmentSelection = { importId: number } | { leadIds: number[] } | { companyIds: number[] };

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: EnrichmentProgress) => void;
}

/**
 * Prepares a batch's run (in a worker thread in the app and on the command line): reads what the run needs,
 * the provider keys, so that a key it may not use fails here with the reason, before anything starts; then
 * returns the run, which goes to the batch's end.
 */
export type BatchExecutor = (
  batchId: number,
  workflow: Workflow,
) => Promise<(options: RunOptions) => Promise<BatchSummary>>;

/** A batch is at work while it is stored as `running` and its runner (here or in another process) is alive. */
function isRunning(batch: Pick<StoredBatch, 'status' | 'runner'>): boolean {
  return batch.status === 'running' && runnerIsAlive(batch.runner);
}

/** What a stored batch means now: a `running` batch whose runner died was interrupted, and can be resumed. */
export function liveSummary({ runner, ...stored }: StoredBatchSummary): BatchSummary {
  const running = isRunning({ status: stored.status, runner });
  return { ...stored, status: stored.status === 'running' && !running ? 'interrupted' : stored.status, running };
}

/** Throws when a live runner (here, in another window or on the command line) has the batch. */
function refuseWhileRunning(batchId: number, batch: StoredBatch): void {
  if (!isRunning(batch)) return;
  const where = batch.runner.pid === process.pid ? 'in this process' : `in another process (pid ${batch.runner.pid})`;
  throw new UserFacingError(
    'batch_running',
    `Enrichment batch ${batchId} is already running ${where}; cancel it or wait for it to finish.`,
  );
}

/**
 * Makes this process the batch's runner. Refused while a live runner holds it; a runner that died is replaced.
 * The check and the claim are one transaction (BatchStore.claim), so two claimers never both win.
 */
export function claimBatch(store: BatchStore, batchId: number): void {
  store.claim(batchId, (batch) => refuseWhileRunning(batchId, batch));
}

/**
 * Batch enrichment of leads: plans a batch (the distinct companies of an import or a selection), runs it,
 * resumes it, and retries its failures. Starting an import's enrichment again resumes its unfinished
 * batch rather than beginning another, so finished companies are never looked up twice.
 */
export class EnrichmentService {
  readonly batches: BatchStore;
  /** Batches this process is running now: a second start of one is refused before a worker is spawned. */
  private readonly active = new Set<number>();

  constructor(
    private readonly db: Db,
    private readonly prepare: BatchExecutor,
  ) {
    this.batches = new BatchStore(db);
  }

  /** Creates the batch for a selection; an import has one batch, which this returns when it exists. */
  plan(selection: EnrichmentSelection, workflow: Workflow = 'standard'): BatchSummary {
    if ('importId' in selection) {
      const existing = this.batches.latestForImport(selection.importId);
      if (existing !== null) return this.status(existing);
    }
    if ('companyIds' in selection) {
      const groups = companyGroups(this.db, selection.companyIds);
      if (groups.length === 0) throw new UserFacingError('nothing_to_enrich', 'No stored company was selected.');
      return this.status(this.batches.create(groups, { importId: null, workflow }));
    }
    const leadIds = 'importId' in selection ? leadIdsOfImport(this.db, selection.importId) : selection.leadIds;
    if (leadIds.length === 0)
      throw new UserFacingError(
        'nothing_to_enrich',
        'importId' in selection ? `Import ${selection.importId} has no leads.` : 'No leads were selected.',
      );
    const { groups } = groupLeadsByCompany(this.db, leadIds);
    const batchId = this.batches.create(groups, {
      importId: 'importId' in selection ? selection.importId : null,
      workflow,
    });
    return this.status(batchId);
  }

  /** Runs every pending company of a batch; returns the batch's state when it stops. */
  async run(batchId: number, options: RunOptions = {}): Promise<BatchSummary> {
    return (await this.start(batchId, options)).finished;
  }

  /**
   * Starts a batch and resolves once it is under way, so that what stops it from starting (a base URL whose
   * key is unconfirmed) reaches the caller as an error; `finished` is the batch's state when it stops.
   */
  async start(batchId: number, options: RunOptions = {}): Promise<{ finished: Promise<BatchSummary> }> {
    const batch = this.batches.batch(batchId);
    if (this.active.has(batchId))
      throw new UserFacingError('batch_running', `Enrichment batch ${batchId} is already running in this process.`);
    refuseWhileRunning(batchId, batch);
    this.active.add(batchId);
    let execute: Awaited<ReturnType<BatchExecutor>>;
    try {
      execute = await this.prepare(batchId, batch.workflow as Workflow);
    } catch (error) {
      this.active.delete(batchId);
      throw error;
    }
    const finished = (async () => {
      try {
        return await execute(options);
      } catch (error) {
        // A worker that was terminated (or crashed) cannot let go of the batch itself.
        this.batches.release(batchId);
        throw error;
      } finally {
        this.active.delete(batchId);
      }
    })();
    return { finished };
  }

  /**
   * Asks the batch's runner to stop, wherever it runs (a worker of this process, another window, the
   * command line): it finishes the lookups in flight and leaves the rest pending. A batch this process is still
   * starting gets the request too, read when its runner takes it. False when nothing runs it.
   */
  cancel(batchId: number): boolean {
    if (!this.active.has(batchId) && !isRunning(this.batches.batch(batchId))) return false;
    this.batches.requestCancel(batchId);
    return true;
  }

  /** Retries a batch's failed companies (or the one named) alone. */
  async retry(batchId: number, companyKey?: string, options: RunOptions = {}): Promise<BatchSummary> {
    this.requeue(batchId, companyKey);
    return this.run(batchId, options);
  }

  /** Puts a batch's failed companies (or the one named) back in its queue; refused while the batch runs. */
  requeue(batchId: number, companyKey?: string): number {
    this.assertNotRunning(batchId);
    return this.batches.requeueFailed(batchId, companyKey);
  }

  /** Throws when a live runner (here, in another window or on the command line) has the batch. */
  assertNotRunning(batchId: number): void {
    refuseWhileRunning(batchId, this.batches.batch(batchId));
  }

  status(batchId: number): BatchSummary {
    return liveSummary(this.batches.summary(batchId));
  }
}
