import type { Db } from '../store/database';
import { importCompanies, type CompanyImportRequest } from './company-import';
import { CompanyQueries } from './company-queries';
import type { CompanyCountQuery, CompanyListQuery } from './company-schemas';

/** The Companies screen and `crm-intel companies`: the list of every company, and imports of company lists. */
export class CompanyService {
  private readonly queries: CompanyQueries;

  constructor(private readonly db: Db) {
    this.queries = new CompanyQueries(db);
  }

  list(query: CompanyListQuery) {
    return this.queries.list(query);
  }

  /** The ids of the companies a filter matches, at most `limit`. */
  ids(query: CompanyCountQuery, limit: number) {
    return this.queries.ids(query, limit);
  }

  count(query: CompanyCountQuery) {
    return this.queries.count(query);
  }

  import(request: CompanyImportRequest, options: { signal?: AbortSignal } = {}) {
    return importCompanies(this.db, request, options);
  }
}
