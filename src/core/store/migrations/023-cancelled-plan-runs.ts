import type { Migration } from '../migrate';

/**
 * A plan run (and its step) the analyst cancelled ends `cancelled`, not `failed`. SQLite cannot widen a CHECK
 * in place, so both log tables are rebuilt with their rows. The steps are copied to their new table before
 * the old runs are dropped: with foreign keys on, dropping `plan_runs` deletes its rows first, and the old
 * steps with them (`ON DELETE CASCADE`). Renaming `plan_runs_new` rewrites the steps' reference to it.
 */
export const cancelledPlanRuns: Migration = {
  version: 23,
  name: 'cancelled plan runs',
  up: (db) =>
    db.exec(`
      CREATE TABLE plan_runs_new (
        id          INTEGER PRIMARY KEY,
        plan_id     INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        due_at      TEXT NOT NULL,
        missed      INTEGER NOT NULL DEFAULT 0,
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        status      TEXT NOT NULL CHECK (status IN ('running','completed','failed','interrupted','cancelled')),
        summary     TEXT CHECK (summary IS NULL OR json_valid(summary)),
        error       TEXT,
        trigger     TEXT NOT NULL DEFAULT 'schedule' CHECK (trigger IN ('schedule','manual','alerts')),
        alert_ids   TEXT CHECK (alert_ids IS NULL OR json_valid(alert_ids))
      );
      INSERT INTO plan_runs_new (id, plan_id, due_at, missed, started_at, finished_at, status, summary, error, trigger, alert_ids)
        SELECT id, plan_id, due_at, missed, started_at, finished_at, status, summary, error, trigger, alert_ids FROM plan_runs;
      CREATE TABLE plan_run_steps_new (
        id             INTEGER PRIMARY KEY,
        run_id         INTEGER NOT NULL REFERENCES plan_runs_new(id) ON DELETE CASCADE,
        position       INTEGER NOT NULL,
        step           TEXT NOT NULL,
        started_at     TEXT NOT NULL,
        finished_at    TEXT,
        status         TEXT NOT NULL CHECK (status IN ('running','completed','failed','interrupted','cancelled')),
        counts         TEXT CHECK (counts IS NULL OR json_valid(counts)),
        provider_calls INTEGER NOT NULL DEFAULT 0,
        credits        REAL NOT NULL DEFAULT 0,
        error          TEXT,
        UNIQUE (run_id, position)
      );
      INSERT INTO plan_run_steps_new SELECT id, run_id, position, step, started_at, finished_at, status, counts, provider_calls, credits, error FROM plan_run_steps;
      DROP TABLE plan_run_steps;
      DROP TABLE plan_runs;
      ALTER TABLE plan_runs_new RENAME TO plan_runs;
      ALTER TABLE plan_run_steps_new RENAME TO plan_run_steps;
      CREATE INDEX plan_runs_plan ON plan_runs(plan_id, id);
      CREATE INDEX plan_runs_finished ON plan_runs(finished_at);
      CREATE INDEX plan_runs_started ON plan_runs(started_at);
    `),
};
