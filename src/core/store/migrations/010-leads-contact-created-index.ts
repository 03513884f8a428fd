import type { Migration } from '../migrate';

/**
 * The leads table's search finds the matching contacts in `contacts_fts`, then their leads by contact id,
 * and sorts them newest first. With `created_at` in the contact-id index the sort reads only the index,
 * not every matching lead's row (figures: docs/benchmarks.md, "Leads table"). It replaces the index on
 * `contact_id` alone, which it covers.
 */
export const leadsContactCreatedIndex: Migration = {
  version: 10,
  name: 'leads by contact with their creation time',
  up: (db) =>
    db.exec(`
      CREATE INDEX leads_contact_created ON leads(contact_id, created_at);
      DROP INDEX leads_contact;
    `),
};
