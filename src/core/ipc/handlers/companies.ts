import type { AppServices } from '../../services/app-services';
import type { Handler } from '../dispatch';
import type { FileTokens } from '../file-tokens';
import { MAX_BATCH_COMPANIES } from '../../companies/company-schemas';

type CompanyChannel = 'companies:list' | 'companies:count' | 'companies:ids' | 'companies:import';

/** A selection is looked up through `enrichment:start` with `companyIds`: the batch runner and its rate limits. */
export function createCompanyHandlers(services: AppServices, files: FileTokens): { [C in CompanyChannel]: Handler<C> } {
  const { companies } = services;
  return {
    'companies:list': (query) => ({ rows: companies.list(query) }),
    'companies:count': (query) => ({ total: companies.count(query) }),
    'companies:ids': (query) => ({
      companies: companies.ids(query, MAX_BATCH_COMPANIES),
      total: companies.count(query),
    }),
    'companies:import': ({ file, ...request }, context) =>
      companies.import({ ...request, file: files.resolve(file, 'open') }, { signal: context.signal }),
  };
}
