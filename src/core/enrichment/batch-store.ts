import { z } from 'zod';
import type { Db } from '../store/database';
import { UserFacingError } from '../errors';
import type { CompanyGroup } from './company-groups';

export const batchStatusSchema = z.enum(['pending', 'running', 'completed', 'partial', 'cancelled']);
export type BatchStatus = z.infer<typeof batchStatusSchema>;

export const batchSummarySchema = z.object({
  batchId: z.number().int(),
  importId: z.number().int().nullable(),
  workflow: z.string(),
  status: batchStatusSchema,
  companiesTotal: z.number().int(),
  companiesDone: z.number().int(),
  companiesFailed: z.number().int(),
  companiesPending: z.number().int(),
  leads: z.number().int(),
  failures: z.array(z.object({ companyKey: z.string(), company: z.string(), error: z.string(), attempts: z.number().int() })),
});
export type BatchSummary = z.infer<typeof batchSummarySchema>;

export interface BatchItem {
  id: number;
  companyKey: string;
  companyName: string;
  domain: string | null;
}

/**
 * The persisted state of enrichment batches: every company's status is written the moment it finishes,
 * so a batch resumed after a crash looks up only what was still pending.
 */
export class BatchStore {
  constructor(private readonly db: Db) {}

  create(groups: readonly CompanyGroup[], options: { importId: number | null; workflow: string }): number {
    return this.db.transaction(() => {
      const batchId = Number(this.db.prepare(`INSERT INTO enrichment_batches (import_id, workflow, status) VALUES (?, ?, 'pending')`).run(options.importId, options.workflow).lastInsertRowid);
      const insertItem = this.db.prepare(`INSERT INTO enrichment_items (batch_id, company_key, company_name, domain, status) VALUES (?, ?, ?, ?, 'pending')`);
      const insertLead = this.db.prepare('INSERT INTO enrichment_batch_leads (batch_id, lead_id, item_id) VALUES (?, ?, ?)');
      for (const group of groups) {
        const itemId = insertItem.run(batchId, group.key, group.name || group.domain || group.key, group.domain).lastInsertRowid;
        for (const leadId of group.leadIds) insertLead.run(batchId, leadId, itemId);
      }
      return batchId;
    })();
  }

  pendingItems(batchId: number): BatchItem[] {
    return this.db
      .prepare<[number], BatchItem>(`SELECT id, company_key AS companyKey, company_name AS companyName, domain FROM enrichment_items WHERE batch_id = ? AND status = 'pending' ORDER BY id`)
      .all(batchId);
  }

  /** Records a finished company and links its leads to the company's report, in one transaction. */
  markDone(item: BatchItem, result: { companyId: number; runId: number }): void {
    this.db.transaction(() => {
      this.db
        .prepare(`UPDATE enrichment_items SET status = 'done', company_id = ?, run_id = ?, error = NULL, attempts = attempts + 1, finished_at = ? WHERE id = ?`)
        .run(result.companyId, result.runId, new Date().toISOString(), item.id);
      this.db.prepare(`UPDATE leads SET company_id = ?, updated_at = ? WHERE id IN (SELECT lead_id FROM enrichment_batch_leads WHERE item_id = ?)`).run(result.companyId, new Date().toISOString(), item.id);
      this.db
        .prepare(`INSERT INTO lead_activities (lead_id, kind, detail) SELECT lead_id, 'enriched', json_object('companyId', ?, 'runId', ?) FROM enrichment_batch_leads WHERE item_id = ?`)
        .run(result.companyId, result.runId, item.id);
    })();
  }

  markFailed(item: BatchItem, error: string): void {
    this.db.prepare(`UPDATE enrichment_items SET status = 'failed', error = ?, attempts = attempts + 1, finished_at = ? WHERE id = ?`).run(error, new Date().toISOString(), item.id);
  }

  /** Puts failed companies (all, or the one named) back in the queue. Returns how many. */
  requeueFailed(batchId: number, companyKey?: string): number {
    const sql = `UPDATE enrichment_items SET status = 'pending' WHERE batch_id = ? AND status = 'failed'${companyKey ? ' AND company_key = ?' : ''}`;
    const changes = this.db.prepare(sql).run(...(companyKey ? [batchId, companyKey] : [batchId])).changes;
    if (companyKey && changes === 0) throw new UserFacingError('not_failed', `Company ${companyKey} has no failed lookup in batch ${batchId}.`);
    return changes;
  }

  setStatus(batchId: number, status: BatchStatus): void {
    const finished = status === 'completed' || status === 'partial' || status === 'cancelled' ? new Date().toISOString() : null;
    this.db.prepare('UPDATE enrichment_batches SET status = ?, finished_at = ? WHERE id = ?').run(status, finished, batchId);
  }

  latestForImport(importId: number): number | null {
    return this.db.prepare<[number], { id: number }>('SELECT id FROM enrichment_batches WHERE import_id = ? ORDER BY id DESC LIMIT 1').get(importId)?.id ?? null;
  }

  summary(batchId: number): BatchSummary {
    const batch = this.db
      .prepare<[number], { id: number; import_id: number | null; workflow: string; status: BatchStatus }>('SELECT id, import_id, workflow, status FROM enrichment_batches WHERE id = ?')
      .get(batchId);
    if (!batch) throw new UserFacingError('batch_not_found', `No enrichment batch with id ${batchId}.`);
    const counts = { pending: 0, done: 0, failed: 0 };
    for (const row of this.db.prepare<[number], { status: keyof typeof counts; n: number }>('SELECT status, COUNT(*) AS n FROM enrichment_items WHERE batch_id = ? GROUP BY status').all(batchId)) {
      counts[row.status] = row.n;
    }
    const failures = this.db
      .prepare<[number], { companyKey: string; company: string; error: string; attempts: number }>(
        `SELECT company_key AS companyKey, company_name AS company, COALESCE(error, '') AS error, attempts FROM enrichment_items WHERE batch_id = ? AND status = 'failed' ORDER BY id`,
      )
      .all(batchId);
    const leads = this.db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM enrichment_batch_leads WHERE batch_id = ?').get(batchId)!.n;
    return {
      batchId,
      importId: batch.import_id,
      workflow: batch.workflow,
      status: batch.status,
      companiesTotal: counts.pending + counts.done + counts.failed,
      companiesDone: counts.done,
      companiesFailed: counts.failed,
      companiesPending: counts.pending,
      leads,
      failures,
    };
  }
}
