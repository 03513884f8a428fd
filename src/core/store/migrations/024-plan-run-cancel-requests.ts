import type { Migration } from '../migrate';

/**
 * A cancel asked for by a process other than the one running the plan (the app for a `crm-intel` run, or the
 * other way round): stored on the running run, which its process reads between steps and on its lease tick.
 */
export const planRunCancelRequests: Migration = {
  version: 24,
  name: 'plan run cancel requests',
  up: (db) => db.exec('ALTER TABLE plan_runs ADD COLUMN cancel_requested_at TEXT;'),
};
