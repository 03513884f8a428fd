import type { Migration } from '../migrate';

/**
 * Who is running an enrichment batch, and a cancel request any process can make. The runner (a worker of
 * the app or of the command line) records its process id and a heartbeat, and stops when it sees
 * `cancel_requested_at`; a batch left `running` by a runner that died is reported as interrupted.
 */
export const enrichmentRunner: Migration = {
  version: 7,
  name: 'enrichment runner heartbeat and cancel request',
  up: (db) =>
    db.exec(`
      ALTER TABLE enrichment_batches ADD COLUMN runner_pid INTEGER;
      ALTER TABLE enrichment_batches ADD COLUMN heartbeat_at INTEGER;
      ALTER TABLE enrichment_batches ADD COLUMN cancel_requested_at TEXT;
    `),
};
