import type { Migration } from '../migrate';

/**
 * Working the leads: an owner and tags on a lead (tags a JSON array, read and rewritten whole with the
 * lead's other fields by an edit and its undo), an index to sort by the stored score (`leads.score`, from
 * 001), the inputs the stored scores were computed from (so a change of weights, facts or day rescores),
 * and an index to find the activities of one edit of a selection (its `batch`) for undo.
 */
export const workingTheLeads: Migration = {
  version: 18,
  name: 'working the leads',
  up: (db) =>
    db.exec(`
      ALTER TABLE leads ADD COLUMN owner TEXT;
      ALTER TABLE leads ADD COLUMN tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array');
      CREATE INDEX leads_score ON leads(score);
      CREATE TABLE lead_score_basis (
        id     INTEGER PRIMARY KEY CHECK (id = 1),
        basis  TEXT NOT NULL
      );
      CREATE INDEX lead_activities_edit_batch ON lead_activities(json_extract(detail, '$.batch')) WHERE kind IN ('edited', 'edit_undone');
    `),
};
