import type { Db } from '../store/database';
import { importCompanies, type CompanyImportRequest } from './company-import';
import { CompanyQueries } from './company-queries';
import { CompanyStore } from './company-store';
import type { CompanyCountQuery, CompanyListQuery } from './company-schemas';

/**
 * Companies for the screens and commands: the list of every company (Companies screen, `crm-intel
 * companies`), imports of company lists, one company by name or domain, and the recently looked up.
 */
export class CompanyService {
  private readonly queries: CompanyQueries;
  private readonly store: CompanyStore;

  constructor(private readonly db: Db) {
    this.queries = new CompanyQueries(db);
    this.store = new CompanyStore(db);
  }

  /** A stored company by name, domain or alias (case-insensitive); null if unknown. */
  find(nameOrDomain: string) {
    return this.store.find(nameOrDomain);
  }

  /** Companies by their latest lookup, newest first. */
  recent(limit = 20) {
    return this.store.recent(limit);
  }

  list(query: CompanyListQuery) {
    return this.queries.list(query);
  }

  /** The ids and names of the companies a filter matches, at most `limit`. */
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
