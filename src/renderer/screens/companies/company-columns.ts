import type { CompanyRow } from '../../../core/companies/company-schemas';
import type { Column, Row } from '../leads/VirtualTable';

/**
 * Keys are the sort columns of `companies:list`, so every header sorts. The smallest widths add up to what a
 * 1280 px window has beside the navigation, each wide enough for its header with the sort arrow.
 */
export const COMPANY_COLUMNS: Column[] = [
  { key: 'name', label: 'Company', width: 'minmax(130px, 1.3fr)', sortable: true },
  { key: 'domain', label: 'Domain', width: 'minmax(110px, 1fr)', sortable: true },
  { key: 'industry', label: 'Industry', width: 'minmax(90px, 1fr)', sortable: true },
  { key: 'headquarters', label: 'Headquarters', width: 'minmax(118px, 1fr)', sortable: true },
  { key: 'latestRound', label: 'Latest round', width: 'minmax(108px, 0.8fr)', sortable: true },
  { key: 'latestRoundDate', label: 'Round date', width: 'minmax(108px, 0.6fr)', sortable: true },
  { key: 'employees', label: 'Size', width: 'minmax(54px, 0.5fr)', sortable: true },
  { key: 'refreshedAt', label: 'Refreshed', width: 'minmax(112px, 0.7fr)', sortable: true },
  { key: 'leads', label: 'Leads', width: 'minmax(62px, 0.4fr)', sortable: true },
  { key: 'watched', label: 'Watched', width: 'minmax(84px, 0.5fr)', sortable: true },
];

/** A company as the table shows it: a day for the refresh, a head count with separators, "Watched" or nothing. */
export function toRow(company: CompanyRow): Row {
  return {
    ...company,
    employees: company.employees === null ? null : company.employees.toLocaleString(),
    refreshedAt: company.refreshedAt ? company.refreshedAt.slice(0, 10) : 'Never',
    leads: company.leads.toLocaleString(),
    watched: company.watched ? 'Watched' : '',
  };
}
