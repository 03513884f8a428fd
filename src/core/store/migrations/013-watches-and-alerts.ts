import type { Migration } from '../migrate';

/**
 * Watched companies (refreshed with a workflow every so often) and the alerts a refresh raises from what
 * changed since the company's previous report. An alert keeps its evidence (sentence, source URL, title,
 * date) as JSON so it still shows why after the reports it came from are pruned.
 */
export const watchesAndAlerts: Migration = {
  version: 13,
  name: 'watches and alerts',
  up: (db) =>
    db.exec(`
      CREATE TABLE watches (
        id              INTEGER PRIMARY KEY,
        query           TEXT NOT NULL,
        query_key       TEXT NOT NULL UNIQUE,
        company_id      INTEGER REFERENCES companies(id) ON DELETE SET NULL,
        workflow        TEXT NOT NULL,
        every_minutes   INTEGER NOT NULL CHECK (every_minutes > 0),
        next_due_at     TEXT NOT NULL,
        last_run_id     INTEGER REFERENCES intel_runs(id) ON DELETE SET NULL,
        last_refreshed_at TEXT,
        last_error      TEXT,
        created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      CREATE INDEX watches_due ON watches(next_due_at);

      CREATE TABLE alerts (
        id              INTEGER PRIMARY KEY,
        watch_id        INTEGER REFERENCES watches(id) ON DELETE SET NULL,
        company_id      INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        run_id          INTEGER NOT NULL REFERENCES intel_runs(id) ON DELETE CASCADE,
        previous_run_id INTEGER REFERENCES intel_runs(id) ON DELETE SET NULL,
        kind            TEXT NOT NULL,
        summary         TEXT NOT NULL,
        evidence        TEXT NOT NULL CHECK (json_valid(evidence)),
        created_at      TEXT NOT NULL,
        read_at         TEXT,
        UNIQUE (run_id, kind, summary) -- a refresh written twice raises its alerts once
      );
      CREATE INDEX alerts_company ON alerts(company_id, created_at);
      CREATE INDEX alerts_unread ON alerts(created_at) WHERE read_at IS NULL;
    `),
};
