import type { JobRunner } from '../jobs/runner';
import type { SecretStore } from '../secrets/secret-store';
import type { OpenDatabaseOptions } from '../store/database';
import type { Settings } from '../settings/schema';
import { ENDPOINT_PROVIDER_IDS } from '../providers/registry';
import type { BatchExecutor } from './enrichment-service';
import { snapshotKeys } from './snapshot-secrets';

/** Only these environment variables reach the worker: provider base-URL overrides. */
const PASSED_ENV = /^[A-Z]+_BASE_URL$/;

/** Runs enrichment batches in a job worker thread (`enrichment.batch`), handing it the keys it needs. */
export function workerBatchExecutor(options: {
  jobs: JobRunner;
  dataDir: string;
  database?: OpenDatabaseOptions;
  secrets: SecretStore;
  /** The settings in effect: only enabled providers' keys are read, so a disabled one's base URL cannot block a batch. */
  settings: () => Settings;
  env: NodeJS.ProcessEnv;
  concurrency?: number;
  /** The parent's provider token buckets (`ProviderGateway.sharedBuckets`): the worker's calls count against them. */
  buckets?: () => Record<string, SharedArrayBuffer>;
}): BatchExecutor {
  return async (batchId, workflow) => {
    const env = Object.fromEntries(
      Object.entries(options.env).filter(
        (entry): entry is [string, string] => PASSED_ENV.test(entry[0]) && typeof entry[1] === 'string',
      ),
    );
    const settings = options.settings();
    const keys = await snapshotKeys(
      options.secrets,
      ENDPOINT_PROVIDER_IDS.filter((id) => settings.providers[id].enabled),
    );
    return (run) =>
      options.jobs.run(
        'enrichment.batch',
        {
          dataDir: options.dataDir,
          database: options.database,
          batchId,
          workflow,
          concurrency: options.concurrency,
          keys,
          env,
          buckets: options.buckets?.(),
        },
        { signal: run.signal, onProgress: run.onProgress },
      );
  };
}
