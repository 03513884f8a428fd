import type { Migration } from '../migrate';

/**
 * A lead's custom fields move from `lead_custom_fields` (a row each, with its own primary-key index) into one
 * JSON object on the lead, `leads.custom_fields` (name → value), written with the lead in the same INSERT.
 * The CHECK keeps it an object, so every reader can take it apart with `json_each`. Undo needs nothing: the
 * fields go with their lead.
 */
export const customFieldsOnTheLead: Migration = {
  version: 16,
  name: 'custom fields as one JSON object on the lead',
  up: (db) =>
    db.exec(`
      ALTER TABLE leads ADD COLUMN custom_fields TEXT CHECK (json_valid(custom_fields) AND json_type(custom_fields) = 'object');
      UPDATE leads SET custom_fields = (SELECT json_group_object(name, value) FROM lead_custom_fields f WHERE f.lead_id = leads.id)
        WHERE id IN (SELECT lead_id FROM lead_custom_fields);
      DROP TABLE lead_custom_fields;
    `),
};
