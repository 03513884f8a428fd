import type { Db } from '../store/database';
import { sql, statements } from '../store/statements';

type Count = { n: number };

/** How much a data folder holds, for `crm-intel status` and the app's status. */
export function dataCounts(db: Db): { companies: number; leads: number; drafts: number; cacheEntries: number } {
  const counts = statements(db, {
    companies: sql<[], Count>('SELECT count(*) AS n FROM companies'),
    leads: sql<[], Count>('SELECT count(*) AS n FROM leads'),
    drafts: sql<[], Count>('SELECT count(*) AS n FROM drafts'),
    cacheEntries: sql<[], Count>('SELECT count(*) AS n FROM request_cache'),
  });
  return {
    companies: counts.companies.get()!.n,
    leads: counts.leads.get()!.n,
    drafts: counts.drafts.get()!.n,
    cacheEntries: counts.cacheEntries.get()!.n,
  };
}
