import type { Migration } from '../migrate';

/**
 * A lead's "imported" event is no longer a `lead_activities` row written for every lead an import creates
 * (a million rows for a million-lead file, and the import's second-largest write): the timeline derives it
 * from the lead itself (`leads.import_id`, `row_number`, `created_at`, see `getLead`). Existing rows are
 * removed where the lead says the same thing; any other "imported" row stays as it is. Undo needs nothing:
 * the event goes with its lead.
 */
export const importedEventFromLead: Migration = {
  version: 15,
  name: 'imported event derived from the lead',
  up: (db) =>
    db.exec(`
      DELETE FROM lead_activities WHERE kind = 'imported' AND EXISTS (
        SELECT 1 FROM leads l WHERE l.id = lead_activities.lead_id
          AND l.import_id = lead_activities.detail ->> 'importId' AND l.row_number IS lead_activities.detail ->> 'row');
    `),
};
