import type { Db } from '../store/database';
import { sql, statements } from '../store/statements';
import { toAlert, type AlertRow } from '../watch/watch-store';
import type { Alert } from '../watch/domain';

/** Which alerts a query over `alert_actions` is limited to. */
export interface AlertScope {
  ids?: readonly number[];
  kinds?: readonly string[];
  companyKeys?: readonly string[];
}

/** Table `alert_actions` (migration 019): what plans did with each alert, so each is acted on once. */
export class AlertActionsStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = statements(db, {
      pending: sql<
        [
          {
            action: string;
            since: string;
            limit: number;
            ids: string | null;
            kinds: string | null;
            companies: string | null;
          },
        ],
        AlertRow
      >(
        `SELECT a.*, c.name AS company_name FROM alerts a JOIN companies c ON c.id = a.company_id
         WHERE a.created_at >= :since AND NOT EXISTS (SELECT 1 FROM alert_actions x WHERE x.alert_id = a.id AND x.action = :action)
           AND (:ids IS NULL OR a.id IN (SELECT value FROM json_each(:ids)))
           AND (:kinds IS NULL OR a.kind IN (SELECT value FROM json_each(:kinds)))
           AND (:companies IS NULL OR c.name_key IN (SELECT value FROM json_each(:companies))
                OR a.watch_id IN (SELECT w.id FROM watches w WHERE w.query_key IN (SELECT value FROM json_each(:companies))))
         ORDER BY a.id LIMIT :limit`,
      ),
      done: sql<[number, string, string]>(
        'INSERT INTO alert_actions (alert_id, action, done_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      ),
    });
  }

  /**
   * Alerts raised since `since` that `action` has not been done for, oldest first; only those among `ids`,
   * of `kinds`, or at companies whose name or watch has one of `companyKeys` (normalised) when given.
   */
  pending(action: string, since: string, limit: number, only: AlertScope = {}): Alert[] {
    const json = (values: readonly unknown[] | undefined) => (values ? JSON.stringify(values) : null);
    return this.statements.pending
      .all({
        action,
        since,
        limit,
        ids: json(only.ids),
        kinds: json(only.kinds),
        companies: json(only.companyKeys),
      })
      .map(toAlert);
  }

  markDone(alertIds: readonly number[], action: string, at: string): void {
    for (const id of alertIds) this.statements.done.run(id, action, at);
  }
}
