import { openDatabase, databasePath, type Db, type OpenDatabaseOptions } from '../store/database';
import type { SecretStore } from '../secrets/secret-store';
import { SettingsService, withEnvironmentOverrides, type SettingsBackend } from '../settings/settings-service';
import type { Settings } from '../settings/schema';
import { JobRunner } from '../jobs/runner';
import { LeadService } from '../leads/lead-service';
import { CompanyService } from '../companies/company-service';
import { OutreachService } from '../outreach/outreach-service';
import { EnrichmentService } from '../enrichment/enrichment-service';
import { workerBatchExecutor } from '../enrichment/worker-executor';
import { draftingLlm } from '../outreach/compose/drafting-llm';
import type { IntelService } from '../intel/domain';
import { IntelServiceImpl } from '../intel/service';
import { workerDocumentReader } from '../research/worker-reader';
import { ResearchLibrary } from '../research/library';
import { ResearchLibraryService } from '../research/library-service';
import { CuratedProfiles } from '../intel/curated-profiles';
import { RequestCache } from '../providers/gateway/request-cache-store';
import { sharedGateway, type ProviderGateway } from '../providers/gateway/provider-gateway';
import { AlertNotifications } from '../notify/alert-notifications';
import { SetupService } from '../setup/setup-service';
import type { SampleData } from '../setup/sample-data';

export interface AppServicesOptions {
  dataDir: string;
  settingsBackend: SettingsBackend;
  secrets: SecretStore;
  database?: OpenDatabaseOptions;
  env?: NodeJS.ProcessEnv;
  /** The bundled job worker (the Electron build, the built CLI); tests run the TypeScript source through tsx. */
  jobWorkerFile?: string;
  /** The sample data this build ships (resources/sample-data), offered on first run. */
  sampleData?: SampleData;
  /** What time lookups judge a page's age by; the real clock unless an evaluation replays a set collected earlier. */
  clock?: () => number;
}

/**
 * The core services one process uses, built once: the Electron main process, the command line and the
 * tests all assemble the same object, differing only in the settings backend and the secret store.
 */
export interface AppServices {
  dataDir: string;
  databaseFile: string;
  db: Db;
  settings: SettingsService;
  /** Settings with `*_BASE_URL` environment overrides applied: what providers must use. */
  effectiveSettings(): Settings;
  secrets: SecretStore;
  /** Runs long work (imports, batches) in worker threads. */
  jobs: JobRunner;
  leads: LeadService;
  /** Every company researched or imported (the Companies screen), and imports of company lists. */
  companies: CompanyService;
  /** Outreach drafts: writing, review, templates, export. */
  outreach: OutreachService;
  /** Batch enrichment of leads' companies (resumable, in a worker thread). */
  enrichment: EnrichmentService;
  /** Company intelligence: lookups, reports, facts, run history (see `src/core/intel/domain.ts`). */
  intel: IntelService;
  /** Analysts' curated company profiles, which win over what lookups find. */
  profiles: CuratedProfiles;
  /** The research folder's index, which lookups also search. */
  library: ResearchLibraryService;
  /** This process's provider gateway (rate limits, retries), shared by lookups and LLM drafting. */
  gateway(): ProviderGateway;
  /** New alerts to the analyst's webhooks (the registered notify providers). */
  notifications: AlertNotifications;
  /** First run: whether anything can be searched, and the sample data as the research folder. */
  setup: SetupService;
  close(): void;
}

export function createAppServices(options: AppServicesOptions): AppServices {
  const db = openDatabase(options.dataDir, options.database);
  const settings = new SettingsService(options.settingsBackend);
  const env = options.env ?? process.env;
  const effectiveSettings = () => withEnvironmentOverrides(settings.read(), env);
  const jobs = new JobRunner({ workerFile: options.jobWorkerFile });
  const requestCache = new RequestCache(db);
  const gateway = sharedGateway(requestCache, effectiveSettings);
  // Someone else's documents are read in a job worker: PDF.js parsing would hold the Electron main process
  // for hundreds of ms at a time, and a crafted file for seconds or all of its memory.
  const library = new ResearchLibrary(db, { readDocuments: workerDocumentReader(jobs) });
  const intel = new IntelServiceImpl({
    db,
    secrets: options.secrets,
    settings: effectiveSettings,
    gateway,
    library,
    clock: options.clock,
  });
  const libraryService = new ResearchLibraryService(library, effectiveSettings);
  // Lookups left `running` by a process that died show as failed and retryable, not running forever.
  if (!options.database?.readonly) intel.interruptOrphanedRuns();
  return {
    dataDir: options.dataDir,
    databaseFile: databasePath(options.dataDir),
    db,
    settings,
    effectiveSettings,
    secrets: options.secrets,
    jobs,
    leads: new LeadService({
      db,
      dataDir: options.dataDir,
      database: options.database,
      settings: () => settings.read(),
      jobs,
    }),
    companies: new CompanyService(db),
    outreach: new OutreachService({
      db,
      sender: () => settings.read().sender,
      llm: (picked) => draftingLlm(effectiveSettings(), options.secrets, gateway(), picked),
    }),
    intel,
    profiles: new CuratedProfiles(db),
    library: libraryService,
    setup: new SetupService({
      settings,
      effectiveSettings,
      secrets: options.secrets,
      library: libraryService,
      sample: options.sampleData,
    }),
    gateway,
    notifications: new AlertNotifications({ db, secrets: options.secrets, settings: effectiveSettings, gateway }),
    enrichment: new EnrichmentService(
      db,
      workerBatchExecutor({
        jobs,
        dataDir: options.dataDir,
        database: options.database,
        secrets: options.secrets,
        settings: effectiveSettings,
        env,
        buckets: () => gateway().sharedBuckets(),
      }),
    ),
    // Answers not yet written to the request cache are written before the database closes.
    close: () => {
      requestCache.flush();
      db.close();
    },
  };
}
