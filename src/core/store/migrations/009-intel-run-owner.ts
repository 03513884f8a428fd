import type { Migration } from '../migrate';

/**
 * Which process runs a lookup (its pid and start time, so a reused pid is not taken for the owner), and when
 * a run was found orphaned: a run left `running` by a process that died is marked failed with its unfinished
 * steps, and can be retried.
 */
export const intelRunOwner: Migration = {
  version: 9,
  name: 'intel run owner',
  up: (db) =>
    db.exec(`
      ALTER TABLE intel_runs ADD COLUMN owner_pid INTEGER;
      ALTER TABLE intel_runs ADD COLUMN owner_started_at INTEGER; -- ms since the epoch
      ALTER TABLE intel_runs ADD COLUMN interrupted_at TEXT;
      CREATE INDEX intel_runs_running ON intel_runs(id) WHERE status = 'running';
    `),
};
