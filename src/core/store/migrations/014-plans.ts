import type { Migration } from '../migrate';

/**
 * Execution plans (a trigger and steps) and their log. A plan's lease (owner, expiry) is how the app and a
 * `crm-intel schedule run-due` started by cron never run the same plan at once; a lease left by a killed
 * process expires and its run is marked interrupted by the next claimer.
 */
export const plans: Migration = {
  version: 14,
  name: 'execution plans',
  up: (db) =>
    db.exec(`
      CREATE TABLE plans (
        id               INTEGER PRIMARY KEY,
        name             TEXT NOT NULL UNIQUE,
        definition       TEXT NOT NULL CHECK (json_valid(definition)),
        paused           INTEGER NOT NULL DEFAULT 0,
        next_due_at      TEXT NOT NULL,
        lease_owner      TEXT,
        lease_expires_at TEXT,
        created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      CREATE TABLE plan_runs (
        id          INTEGER PRIMARY KEY,
        plan_id     INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        due_at      TEXT NOT NULL,
        missed      INTEGER NOT NULL DEFAULT 0, -- earlier due times folded into this one run
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        status      TEXT NOT NULL CHECK (status IN ('running','completed','failed','interrupted')),
        summary     TEXT CHECK (summary IS NULL OR json_valid(summary)),
        error       TEXT
      );
      CREATE INDEX plan_runs_plan ON plan_runs(plan_id, id);
    `),
};
