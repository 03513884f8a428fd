import type { Db } from '../store/database';
import { sql, statements } from '../store/statements';
import { toAlert, type AlertRow } from '../watch/watch-store';
import type { Alert } from '../watch/domain';

/** Table `alert_actions` (migration 019): what plans did with each alert, so each is acted on once. */
export class AlertActionsStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = statements(db, {
      pending: sql<[{ action: string; since: string; limit: number }], AlertRow>(
        `SELECT a.*, c.name AS company_name FROM alerts a JOIN companies c ON c.id = a.company_id
         WHERE a.created_at >= :since AND NOT EXISTS (SELECT 1 FROM alert_actions x WHERE x.alert_id = a.id AND x.action = :action)
         ORDER BY a.id LIMIT :limit`,
      ),
      done: sql<[number, string, string]>(
        'INSERT INTO alert_actions (alert_id, action, done_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      ),
    });
  }

  /** Alerts raised since `since` that `action` has not been done for, oldest first. */
  pending(action: string, since: string, limit: number): Alert[] {
    return this.statements.pending.all({ action, since, limit }).map(toAlert);
  }

  markDone(alertIds: readonly number[], action: string, at: string): void {
    for (const id of alertIds) this.statements.done.run(id, action, at);
  }
}
