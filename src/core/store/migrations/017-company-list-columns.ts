import type { Migration } from '../migrate';

/**
 * What the Companies screen lists of a company's latest report (industry, headquarters, size, latest round
 * and its date, when it was last refreshed), kept on the company's row so that 100,000 companies filter
 * and sort without reading a report each. A trigger copies them whenever a run stores its report, so every
 * writer (lookups, enrichment, watches) keeps them current; an older run finished late is not newer
 * information and is ignored. A field the new report did not find keeps its previous value: a refresh
 * whose overview step failed must not blank the list. Companies already looked up are filled from their
 * latest report.
 *
 * Each sortable column has two indexes, so a page in either direction is read in index order instead of
 * sorting every company: on the column (descending, empty values last) and on (column IS NULL, column)
 * (ascending, empty values last).
 */
const summaryFrom = (report: string, at: string) => `
  industry = coalesce(json_extract(${report}, '$.overview.industry[0].value'), industry),
  headquarters = coalesce(json_extract(${report}, '$.overview.headquarters[0].value'), headquarters),
  employees = coalesce((SELECT CASE WHEN v GLOB '[0-9]*' AND NOT v GLOB '*[^0-9]*' THEN CAST(v AS INTEGER) END
                        FROM (SELECT replace(json_extract(${report}, '$.overview.employees[0].value'), ',', '') AS v)), employees),
  latest_round = coalesce((SELECT coalesce(json_extract(f.value, '$.round'), 'Undisclosed round') FROM json_each(${report}, '$.funding') f
                           ORDER BY json_extract(f.value, '$.date') IS NULL, json_extract(f.value, '$.date') DESC LIMIT 1), latest_round),
  latest_round_date = coalesce((SELECT json_extract(f.value, '$.date') FROM json_each(${report}, '$.funding') f
                                ORDER BY json_extract(f.value, '$.date') IS NULL, json_extract(f.value, '$.date') DESC LIMIT 1), latest_round_date),
  refreshed_at = ${at}`;

/** The companies' columns the Companies screen sorts by, besides the name (already indexed by its key). */
const SORTED_COLUMNS = [
  'domain',
  'industry',
  'headquarters',
  'employees',
  'latest_round',
  'latest_round_date',
  'refreshed_at',
];

export const companyListColumns: Migration = {
  version: 17,
  name: 'company list columns',
  up: (db) =>
    db.exec(`
      ALTER TABLE companies ADD COLUMN industry TEXT;
      ALTER TABLE companies ADD COLUMN headquarters TEXT;
      ALTER TABLE companies ADD COLUMN employees INTEGER;
      ALTER TABLE companies ADD COLUMN latest_round TEXT;
      ALTER TABLE companies ADD COLUMN latest_round_date TEXT;
      ALTER TABLE companies ADD COLUMN refreshed_at TEXT;

      ${SORTED_COLUMNS.map(
        (column) => `CREATE INDEX companies_${column}_desc ON companies(${column});
      CREATE INDEX companies_${column}_asc ON companies(${column} IS NULL, ${column});`,
      ).join('\n      ')}

      CREATE TRIGGER companies_follow_latest_report AFTER UPDATE OF report ON intel_runs
      WHEN new.report IS NOT NULL AND new.company_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM intel_runs r WHERE r.company_id = new.company_id AND r.report IS NOT NULL AND r.id > new.id)
      BEGIN
        UPDATE companies SET ${summaryFrom('new.report', 'coalesce(new.finished_at, new.started_at)')} WHERE id = new.company_id;
      END;

      UPDATE companies SET ${summaryFrom('latest.report', 'coalesce(latest.finished_at, latest.started_at)')}
      FROM (SELECT r.company_id, r.report, r.finished_at, r.started_at FROM intel_runs r
            WHERE r.report IS NOT NULL AND r.id = (SELECT max(id) FROM intel_runs WHERE company_id = r.company_id AND report IS NOT NULL)) latest
      WHERE latest.company_id = companies.id;
    `),
};
