import type { Migration } from '../migrate';

/**
 * Since when alerts start an alert-triggered plan: when it was added, and again when the analyst changes its
 * trigger, so a plan edited to new alert kinds is not started by every such alert raised since it was made.
 */
export const planAlertsSince: Migration = {
  version: 22,
  name: 'since when alerts start a plan',
  up: (db) =>
    db.exec(`
      ALTER TABLE plans ADD COLUMN alerts_since TEXT;
      UPDATE plans SET alerts_since = created_at;
    `),
};
