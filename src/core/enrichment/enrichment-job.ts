import type { JobDefinition } from '../jobs/protocol';
import type { Workflow } from '../intel/domain';
import { openDatabase, type OpenDatabaseOptions } from '../store/database';
import { SettingsService, withEnvironmentOverrides } from '../settings/settings-service';
import { openConfBackend } from '../settings/conf-backend';
import { IntelServiceImpl } from '../intel/service';
import { RequestCache } from '../providers/gateway/request-cache-store';
import { sharedGateway } from '../providers/gateway/provider-gateway';
import { BatchStore, type BatchSummary } from './batch-store';
import { companiesInFlight, runBatch, type EnrichmentProgress } from './batch-runner';
import { snapshotSecretStore, type KeySnapshot } from './snapshot-secrets';

export interface EnrichmentJobInput {
  dataDir: string;
  database?: OpenDatabaseOptions;
  batchId: number;
  workflow: Workflow;
  /** Companies looked up at once; default from the search provider's rate limit. */
  concurrency?: number;
  keys: KeySnapshot;
  /** `*_BASE_URL` overrides of the parent process. */
  env: Record<string, string>;
  /** The parent thread's token buckets in shared memory: the batch and the parent draw on one budget per provider. */
  buckets?: Record<string, SharedArrayBuffer>;
}

/**
 * `enrichment.batch`: runs (or resumes) an enrichment batch in a worker thread. The worker opens only
 * what a batch needs (the database, settings, the intelligence service), not the whole app: start-up is
 * time the rate limiter sits idle.
 */
export const job: JobDefinition<EnrichmentJobInput, EnrichmentProgress, BatchSummary> = {
  async run(input, { signal, progress }) {
    const db = openDatabase(input.dataDir, input.database);
    try {
      // A batch runs with the settings of its start: read once, not from disk again for every lookup.
      const current = withEnvironmentOverrides(new SettingsService(openConfBackend(input.dataDir)).read(), input.env);
      const gateway = input.buckets ? sharedGateway(new RequestCache(db), () => current, input.buckets) : undefined;
      const intel = new IntelServiceImpl({
        db,
        secrets: snapshotSecretStore(input.keys),
        settings: () => current,
        gateway,
      });
      const searchLimit =
        current.providers.tavily.enabled && input.keys.tavily ? current.rateLimits.tavily.requestsPerMinute : null;
      return await runBatch(new BatchStore(db), intel, input.batchId, {
        workflow: input.workflow,
        concurrency: input.concurrency ?? companiesInFlight(searchLimit),
        signal,
        onProgress: progress,
      });
    } finally {
      db.close();
    }
  },
};
