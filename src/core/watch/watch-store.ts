import type { Db } from '../store/database';
import { sql, statements } from '../store/statements';
import type { AlertDraft, AlertEvidence, AlertKind } from './alert-diff';
import type { Alert, Watch } from './domain';

export type { Alert, Watch } from './domain';

export interface AlertFilter {
  unread?: boolean;
  companyId?: number;
  kind?: AlertKind;
  limit?: number;
}

type WatchRow = {
  id: number;
  query: string;
  company_id: number | null;
  workflow: string;
  every_minutes: number;
  next_due_at: string;
  last_run_id: number | null;
  last_refreshed_at: string | null;
  last_error: string | null;
};
export type AlertRow = {
  id: number;
  watch_id: number | null;
  company_id: number;
  company_name: string;
  run_id: number;
  previous_run_id: number | null;
  kind: AlertKind;
  summary: string;
  evidence: string;
  created_at: string;
  read_at: string | null;
};

const toWatch = (r: WatchRow): Watch => ({
  id: r.id,
  query: r.query,
  companyId: r.company_id,
  workflow: r.workflow,
  everyMinutes: r.every_minutes,
  nextDueAt: r.next_due_at,
  lastRunId: r.last_run_id,
  lastRefreshedAt: r.last_refreshed_at,
  lastError: r.last_error,
});
export const toAlert = (r: AlertRow): Alert => ({
  id: r.id,
  watchId: r.watch_id,
  companyId: r.company_id,
  companyName: r.company_name,
  runId: r.run_id,
  previousRunId: r.previous_run_id,
  kind: r.kind,
  summary: r.summary,
  evidence: JSON.parse(r.evidence) as AlertEvidence[],
  createdAt: r.created_at,
  readAt: r.read_at,
});

/** `key` as lookups key a company's name, `companyKey` as imports do (without a legal suffix). */
type NewWatch = {
  query: string;
  key: string;
  companyKey: string;
  workflow: string;
  everyMinutes: number;
  nextDueAt: string;
};

/** Tables `watches` and `alerts` (migration 013). */
export class WatchStore {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = statements(db, {
      // A watch of a company already stored under that name is linked to it at once (the Companies screen
      // shows it watched before its first refresh); a refresh links the company its lookup resolves.
      // Looked-up companies are keyed by the name, imported ones by the name without its legal suffix.
      insert: sql<[NewWatch], WatchRow>(
        `INSERT INTO watches (query, query_key, company_id, workflow, every_minutes, next_due_at)
         VALUES (@query, @key, (SELECT id FROM companies WHERE name_key IN (@key, @companyKey) ORDER BY id LIMIT 1), @workflow, @everyMinutes, @nextDueAt)
         ON CONFLICT(query_key) DO UPDATE SET company_id = COALESCE(watches.company_id, excluded.company_id),
           workflow = excluded.workflow, every_minutes = excluded.every_minutes, next_due_at = excluded.next_due_at RETURNING *`,
      ),
      all: sql<[], WatchRow>('SELECT * FROM watches ORDER BY query'),
      byKey: sql<[string], WatchRow>('SELECT * FROM watches WHERE query_key = ?'),
      due: sql<[string], WatchRow>('SELECT * FROM watches WHERE next_due_at <= ? ORDER BY next_due_at, id'),
      remove: sql<[number]>('DELETE FROM watches WHERE id = ?'),
      // The watches the Companies screen shows as watched: those linked to the company.
      removeCompanies: sql<[string]>('DELETE FROM watches WHERE company_id IN (SELECT value FROM json_each(?))'),
      refreshed: sql<[number | null, number | null, string, string | null, string, number]>(
        'UPDATE watches SET company_id = COALESCE(?, company_id), last_run_id = COALESCE(?, last_run_id), last_refreshed_at = ?, last_error = ?, next_due_at = ? WHERE id = ?',
      ),
      insertAlert: sql<[number, number, number, number | null, string, string, string, string]>(
        'INSERT INTO alerts (watch_id, company_id, run_id, previous_run_id, kind, summary, evidence, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      markRead: sql<[string, number]>('UPDATE alerts SET read_at = ? WHERE id = ? AND read_at IS NULL'),
      markAllRead: sql<[string]>('UPDATE alerts SET read_at = ? WHERE read_at IS NULL'),
      alerts: sql<[{ unread: number; companyId: number | null; kind: string | null; limit: number }], AlertRow>(
        `SELECT a.*, c.name AS company_name FROM alerts a JOIN companies c ON c.id = a.company_id
         WHERE (:unread = 0 OR a.read_at IS NULL) AND (:companyId IS NULL OR a.company_id = :companyId) AND (:kind IS NULL OR a.kind = :kind)
         ORDER BY a.created_at DESC, a.id DESC LIMIT :limit`,
      ),
      unreadCount: sql<[], { count: number }>('SELECT count(*) AS count FROM alerts WHERE read_at IS NULL'),
    });
  }

  add(watch: NewWatch): Watch {
    return toWatch(this.statements.insert.get(watch)!);
  }

  list(): Watch[] {
    return this.statements.all.all().map(toWatch);
  }

  byKey(key: string): Watch | null {
    const row = this.statements.byKey.get(key);
    return row ? toWatch(row) : null;
  }

  due(now: string): Watch[] {
    return this.statements.due.all(now).map(toWatch);
  }

  remove(id: number): void {
    this.statements.remove.run(id);
  }

  /** Removes the watches of these companies in one statement; how many there were. */
  removeCompanies(companyIds: readonly number[]): number {
    return this.statements.removeCompanies.run(JSON.stringify(companyIds)).changes;
  }

  /** The refresh's outcome and its alerts, together: a refresh either counts with its alerts or not at all. */
  recordRefresh(
    watch: Watch,
    outcome: {
      companyId: number | null;
      runId: number | null;
      previousRunId: number | null;
      at: string;
      error: string | null;
      nextDueAt: string;
      alerts: AlertDraft[];
    },
  ): void {
    this.db.transaction(() => {
      this.statements.refreshed.run(
        outcome.companyId,
        outcome.runId,
        outcome.at,
        outcome.error,
        outcome.nextDueAt,
        watch.id,
      );
      if (outcome.companyId === null || outcome.runId === null) return;
      for (const alert of outcome.alerts) {
        this.statements.insertAlert.run(
          watch.id,
          outcome.companyId,
          outcome.runId,
          outcome.previousRunId,
          alert.kind,
          alert.summary,
          JSON.stringify(alert.evidence),
          outcome.at,
        );
      }
    })();
  }

  alerts(filter: AlertFilter = {}): Alert[] {
    // One statement for every filter: a filter left out matches everything.
    const rows = this.statements.alerts.all({
      unread: filter.unread ? 1 : 0,
      companyId: filter.companyId ?? null,
      kind: filter.kind ?? null,
      limit: filter.limit ?? 200,
    });
    return rows.map(toAlert);
  }

  markRead(ids: number[] | 'all', at: string): number {
    if (ids === 'all') return this.statements.markAllRead.run(at).changes;
    return this.db.transaction(() => ids.reduce((sum, id) => sum + this.statements.markRead.run(at, id).changes, 0))();
  }

  unreadCount(): number {
    return this.statements.unreadCount.get()!.count;
  }
}
