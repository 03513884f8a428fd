import type { CompanyReport, Fact } from '../../src/core/intel/domain';
import { IntelStore } from '../../src/core/intel/intel-store';
import { emptyReport } from '../../src/core/intel/report';
import type { Db } from '../../src/core/store/database';

/**
 * A finished lookup of a company (found by name as a lookup finds it) whose report holds these facts,
 * stored as the intelligence service stores one: the report as stored, with the company's and facts' ids.
 */
export function storeLookup(db: Db, company: string, facts: Fact[]): CompanyReport {
  const store = new IntelStore(db);
  const { runId, startedAt } = store.createRun(company, 'standard', ['funding', 'news']);
  const report = { ...emptyReport(company, 'standard', startedAt), facts };
  return store.storeRun({
    runId,
    report,
    outcome: {
      status: 'completed',
      partial: false,
      stale: false,
      providerCalls: 0,
      cacheHits: 0,
      credits: 0,
      finishedAt: new Date().toISOString(),
    },
    target: { name: company, domain: null, aliases: [], others: [] },
    steps: [],
    newFacts: facts,
    sourceProviders: new Map(),
    replaceComponents: [],
  });
}
