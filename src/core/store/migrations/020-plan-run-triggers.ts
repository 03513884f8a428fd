import type { Migration } from '../migrate';

/**
 * What started each plan run (its schedule, the analyst by hand, or new alerts) and, for a run started by
 * alerts, which ones: the Runs view and `crm-intel plans log` show them, and the run's steps act on them.
 */
export const planRunTriggers: Migration = {
  version: 20,
  name: 'plan run triggers',
  up: (db) =>
    db.exec(`
      ALTER TABLE plan_runs ADD COLUMN trigger TEXT NOT NULL DEFAULT 'schedule'
        CHECK (trigger IN ('schedule','manual','alerts'));
      ALTER TABLE plan_runs ADD COLUMN alert_ids TEXT CHECK (alert_ids IS NULL OR json_valid(alert_ids));
      CREATE INDEX plan_runs_started ON plan_runs(started_at);
    `),
};
