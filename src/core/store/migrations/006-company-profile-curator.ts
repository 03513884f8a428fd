import type { Migration } from '../migrate';

/** Who curated each company-profile entry: curated facts cite the analyst (and the date) as their source. */
export const companyProfileCurator: Migration = {
  version: 6,
  name: 'company profile curator',
  up: (db) => db.exec(`ALTER TABLE company_profiles ADD COLUMN curator TEXT NOT NULL DEFAULT 'analyst';`),
};
