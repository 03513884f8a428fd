import { z } from 'zod';
import type { Db } from '../store/database';
import { sql, statements } from '../store/statements';
import { UserFacingError } from '../errors';
import type { BeatingRunner } from '../processes/process-owner';
import type { CompanyGroup } from './company-groups';

/**
 * `interrupted` is never stored: it is a `running` batch whose runner died (a crash, a kill, a closed app),
 * which the enrichment service tells from the runner's pid and heartbeat.
 */
export const batchStatusSchema = z.enum(['pending', 'running', 'interrupted', 'completed', 'partial', 'cancelled']);
export type BatchStatus = z.infer<typeof batchStatusSchema>;
export type StoredStatus = Exclude<BatchStatus, 'interrupted'>;

export const batchSummarySchema = z.object({
  batchId: z.number().int(),
  importId: z.number().int().nullable(),
  workflow: z.string(),
  status: batchStatusSchema,
  /** A live runner (in this process or another) is working on it. */
  running: z.boolean(),
  companiesTotal: z.number().int(),
  companiesDone: z.number().int(),
  companiesFailed: z.number().int(),
  companiesPending: z.number().int(),
  leads: z.number().int(),
  failures: z.array(
    z.object({ companyKey: z.string(), company: z.string(), error: z.string(), attempts: z.number().int() }),
  ),
});
export type BatchSummary = z.infer<typeof batchSummarySchema>;

export interface BatchItem {
  id: number;
  companyKey: string;
  companyName: string;
  domain: string | null;
}

export type ItemOutcome = { ok: true; companyId: number; runId: number } | { ok: false; error: string };

/** A batch as stored: its state, and who last claimed it (the runner's pid and last beat, or nulls). */
export interface StoredBatch {
  importId: number | null;
  workflow: string;
  status: StoredStatus;
  runner: BeatingRunner;
}

/** A batch's summary as stored: whether a `running` batch is at work is not the store's to say. */
export type StoredBatchSummary = Omit<BatchSummary, 'status' | 'running'> & Pick<StoredBatch, 'status' | 'runner'>;

interface BatchRow {
  importId: number | null;
  workflow: string;
  status: StoredStatus;
  pid: number | null;
  beatAt: number | null;
}

/**
 * The persisted state of enrichment batches: every company's status, and who runs the batch. Outcomes
 * are committed in small groups as companies finish, so a batch resumed after a crash looks up only
 * what was still pending; a cancel is a row update, so any process can stop a runner anywhere.
 */
export class BatchStore {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = statements(db, {
      pendingItems: sql<[number], BatchItem>(
        `SELECT id, company_key AS companyKey, company_name AS companyName, domain FROM enrichment_items WHERE batch_id = ? AND status = 'pending' ORDER BY id`,
      ),
      itemDone: sql(
        `UPDATE enrichment_items SET status = 'done', company_id = ?, run_id = ?, error = NULL, attempts = attempts + 1, finished_at = ? WHERE id = ?`,
      ),
      linkLeads: sql(
        `UPDATE leads SET company_id = ?, updated_at = ? WHERE id IN (SELECT lead_id FROM enrichment_batch_leads WHERE item_id = ?)`,
      ),
      leadActivity: sql(
        `INSERT INTO lead_activities (lead_id, kind, detail) SELECT lead_id, 'enriched', json_object('companyId', ?, 'runId', ?) FROM enrichment_batch_leads WHERE item_id = ?`,
      ),
      itemFailed: sql(
        `UPDATE enrichment_items SET status = 'failed', error = ?, attempts = attempts + 1, finished_at = ? WHERE id = ?`,
      ),
      batch: sql<[number], BatchRow>(
        'SELECT import_id AS importId, workflow, status, runner_pid AS pid, heartbeat_at AS beatAt FROM enrichment_batches WHERE id = ?',
      ),
      beat: sql<[number, number, number], { cancelled: number }>(
        `UPDATE enrichment_batches SET heartbeat_at = ? WHERE id = ? AND runner_pid = ? RETURNING cancel_requested_at IS NOT NULL AS cancelled`,
      ),
      insertBatch: sql<[number | null, string]>(
        `INSERT INTO enrichment_batches (import_id, workflow, status) VALUES (?, ?, 'pending')`,
      ),
      insertItem: sql<[number, string, string, string | null]>(
        `INSERT INTO enrichment_items (batch_id, company_key, company_name, domain, status) VALUES (?, ?, ?, ?, 'pending')`,
      ),
      insertLead: sql<[number, number, number | bigint]>(
        'INSERT INTO enrichment_batch_leads (batch_id, lead_id, item_id) VALUES (?, ?, ?)',
      ),
      requeueAll: sql<[number]>(
        `UPDATE enrichment_items SET status = 'pending' WHERE batch_id = ? AND status = 'failed'`,
      ),
      requeueOne: sql<[number, string]>(
        `UPDATE enrichment_items SET status = 'pending' WHERE batch_id = ? AND status = 'failed' AND company_key = ?`,
      ),
      claim: sql<[number, number, number]>(
        // Every expression reads the row as it was: a request made after the batch last finished, and not
        // left by a runner that died (status still 'running'), was made while this start was under way.
        `UPDATE enrichment_batches SET status = 'running', runner_pid = ?, heartbeat_at = ?,
           cancel_requested_at = CASE WHEN status <> 'running' AND cancel_requested_at > COALESCE(finished_at, '')
             THEN cancel_requested_at END,
           finished_at = NULL
         WHERE id = ?`,
      ),
      requestCancel: sql<[string, number]>(`UPDATE enrichment_batches SET cancel_requested_at = ? WHERE id = ?`),
      finish: sql<[string, string, number, number]>(
        'UPDATE enrichment_batches SET status = ?, finished_at = ?, runner_pid = NULL, heartbeat_at = NULL WHERE id = ? AND runner_pid = ?',
      ),
      release: sql<[number, number]>(
        'UPDATE enrichment_batches SET runner_pid = NULL, heartbeat_at = NULL WHERE id = ? AND runner_pid = ?',
      ),
      latestForImport: sql<[number], { id: number }>(
        'SELECT id FROM enrichment_batches WHERE import_id = ? ORDER BY id DESC LIMIT 1',
      ),
      itemCounts: sql<[number], { status: 'pending' | 'done' | 'failed'; n: number }>(
        'SELECT status, COUNT(*) AS n FROM enrichment_items WHERE batch_id = ? GROUP BY status',
      ),
      failures: sql<[number], { companyKey: string; company: string; error: string; attempts: number }>(
        `SELECT company_key AS companyKey, company_name AS company, COALESCE(error, '') AS error, attempts FROM enrichment_items WHERE batch_id = ? AND status = 'failed' ORDER BY id`,
      ),
      leadCount: sql<[number], { n: number }>('SELECT COUNT(*) AS n FROM enrichment_batch_leads WHERE batch_id = ?'),
    });
  }

  create(groups: readonly CompanyGroup[], options: { importId: number | null; workflow: string }): number {
    return this.db.transaction(() => {
      const { insertBatch, insertItem, insertLead } = this.statements;
      const batchId = Number(insertBatch.run(options.importId, options.workflow).lastInsertRowid);
      for (const group of groups) {
        const itemId = insertItem.run(
          batchId,
          group.key,
          group.name || group.domain || group.key,
          group.domain,
        ).lastInsertRowid;
        for (const leadId of group.leadIds) insertLead.run(batchId, leadId, itemId);
      }
      return batchId;
    })();
  }

  pendingItems(batchId: number): BatchItem[] {
    return this.statements.pendingItems.all(batchId);
  }

  /**
   * Records finished companies in one transaction: a done company links its leads to the company's
   * report (with an `enriched` activity on each lead), a failed one keeps its reason.
   */
  recordOutcomes(outcomes: readonly { item: BatchItem; outcome: ItemOutcome }[]): void {
    if (outcomes.length === 0) return;
    const at = new Date().toISOString();
    this.db.transaction(() => {
      for (const { item, outcome } of outcomes) {
        if (outcome.ok) {
          this.statements.itemDone.run(outcome.companyId, outcome.runId, at, item.id);
          this.statements.linkLeads.run(outcome.companyId, at, item.id);
          this.statements.leadActivity.run(outcome.companyId, outcome.runId, item.id);
        } else {
          this.statements.itemFailed.run(outcome.error, at, item.id);
        }
      }
    })();
  }

  /** Puts failed companies (all, or the one named) back in the queue. Returns how many. */
  requeueFailed(batchId: number, companyKey?: string): number {
    const changes = (
      companyKey ? this.statements.requeueOne.run(batchId, companyKey) : this.statements.requeueAll.run(batchId)
    ).changes;
    if (companyKey && changes === 0)
      throw new UserFacingError('not_failed', `Company ${companyKey} has no failed lookup in batch ${batchId}.`);
    return changes;
  }

  /**
   * Makes this process the batch's runner once `check` (the caller's rule: who may take the batch) has seen the
   * batch and not thrown. The read, the check and the claim are one BEGIN IMMEDIATE transaction: a second
   * claimer, in this process or another, waits for it to end and then sees this claim. Clears a cancel request an
   * earlier run left (made before the batch last finished, or to a runner that died); keeps one made while this
   * run was starting, so the runner stops at its first beat.
   */
  claim(batchId: number, check: (batch: StoredBatch) => void): void {
    this.db
      .transaction(() => {
        check(this.batch(batchId));
        this.statements.claim.run(process.pid, Date.now(), batchId);
      })
      .immediate();
  }

  /** The runner's heartbeat; returns true when someone asked the batch to stop. */
  beat(batchId: number): boolean {
    return this.statements.beat.get(Date.now(), batchId, process.pid)?.cancelled === 1;
  }

  /** Stores a request to stop, which the batch's runner, in whichever process, reads at its next beat. */
  requestCancel(batchId: number): void {
    this.statements.requestCancel.run(new Date().toISOString(), batchId);
  }

  /** The runner's last word: the batch's final status, and the runner released. */
  finish(batchId: number, status: Exclude<StoredStatus, 'running' | 'pending'>): void {
    this.statements.finish.run(status, new Date().toISOString(), batchId, process.pid);
  }

  /** Lets go of a batch without a final status (the runner failed): it reads as interrupted and can be resumed. */
  release(batchId: number): void {
    this.statements.release.run(batchId, process.pid);
  }

  latestForImport(importId: number): number | null {
    return this.statements.latestForImport.get(importId)?.id ?? null;
  }

  summary(batchId: number): StoredBatchSummary {
    const { importId, workflow, status, runner } = this.batch(batchId);
    const counts = { pending: 0, done: 0, failed: 0 };
    for (const row of this.statements.itemCounts.all(batchId)) counts[row.status] = row.n;
    return {
      batchId,
      importId,
      workflow,
      status,
      runner,
      companiesTotal: counts.pending + counts.done + counts.failed,
      companiesDone: counts.done,
      companiesFailed: counts.failed,
      companiesPending: counts.pending,
      leads: this.statements.leadCount.get(batchId)!.n,
      failures: this.statements.failures.all(batchId),
    };
  }

  batch(batchId: number): StoredBatch {
    const row = this.statements.batch.get(batchId);
    if (!row) throw new UserFacingError('batch_not_found', `No enrichment batch with id ${batchId}.`);
    const { pid, beatAt, ...batch } = row;
    return { ...batch, runner: { pid, beatAt } };
  }
}
