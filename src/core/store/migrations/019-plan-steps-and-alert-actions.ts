import type { Migration } from '../migrate';

/**
 * The execution log per step of a plan run (start, end, status, counts, provider calls, credits, error),
 * and what plans have done with each alert (sent to a webhook, drafted for): a step that resumes after a
 * kill or a failed delivery acts on each alert once.
 */
export const planStepsAndAlertActions: Migration = {
  version: 19,
  name: 'plan step log and alert actions',
  up: (db) =>
    db.exec(`
      CREATE TABLE plan_run_steps (
        id             INTEGER PRIMARY KEY,
        run_id         INTEGER NOT NULL REFERENCES plan_runs(id) ON DELETE CASCADE,
        position       INTEGER NOT NULL,
        step           TEXT NOT NULL,
        started_at     TEXT NOT NULL,
        finished_at    TEXT,
        status         TEXT NOT NULL CHECK (status IN ('running','completed','failed','interrupted')),
        counts         TEXT CHECK (counts IS NULL OR json_valid(counts)),
        provider_calls INTEGER NOT NULL DEFAULT 0,
        credits        REAL NOT NULL DEFAULT 0,
        error          TEXT,
        UNIQUE (run_id, position)
      );
      CREATE INDEX plan_runs_finished ON plan_runs(finished_at);

      CREATE TABLE alert_actions (
        alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        action   TEXT NOT NULL, -- 'notify:<provider>' or 'draft'
        done_at  TEXT NOT NULL,
        PRIMARY KEY (alert_id, action)
      ) WITHOUT ROWID;
    `),
};
