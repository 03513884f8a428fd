import type { JobDefinition } from '../jobs/protocol';
import type { Workflow } from '../domain/intel';
import type { OpenDatabaseOptions } from '../store/database';
import { createAppServices } from '../services/app-services';
import { openConfBackend } from '../settings/conf-backend';
import { BatchStore, type BatchSummary } from './batch-store';
import { runBatch, type EnrichmentProgress } from './batch-runner';
import { snapshotSecretStore, type KeySnapshot } from './snapshot-secrets';

export interface EnrichmentJobInput {
  dataDir: string;
  database?: OpenDatabaseOptions;
  batchId: number;
  workflow: Workflow;
  concurrency?: number;
  keys: KeySnapshot;
  /** `*_BASE_URL` overrides of the parent process. */
  env: Record<string, string>;
}

/** `enrichment.batch`: runs (or resumes) an enrichment batch in a worker thread over its own services. */
export const job: JobDefinition<EnrichmentJobInput, EnrichmentProgress, BatchSummary> = {
  async run(input, { signal, progress }) {
    const services = createAppServices({
      dataDir: input.dataDir,
      database: input.database,
      settingsBackend: openConfBackend(input.dataDir),
      secrets: snapshotSecretStore(input.keys),
      env: input.env,
    });
    try {
      return await runBatch(new BatchStore(services.db), services.intel, input.batchId, {
        workflow: input.workflow,
        concurrency: input.concurrency,
        signal,
        onProgress: progress,
      });
    } finally {
      services.close();
    }
  },
};
