import fs from 'node:fs';
import type { JobDefinition } from '../../jobs/protocol';
import { JobRunner } from '../../jobs/runner';
import { openDatabase, type Db, type OpenDatabaseOptions } from '../../store/database';
import { runImport, type ImportProgress, type ImportRequest, type ImportSummary } from './run-import';

export interface ImportJobInput extends ImportRequest {
  dataDir: string;
  database?: OpenDatabaseOptions;
}

/**
 * Page cache of the import's own connection. Since contacts are moved set-based from staging, 16 MB imported
 * as fast as 32 MB did (100,000 and 300,000 rows) with a lower peak (100,000 rows: 305–310 → 293 MB, measured).
 * With the file read in a second thread, 8 MB keeps the peak ≈12 MB lower (100,000 rows: 281–282 → 262–270
 * MB), at up to 4 s of 53 at 1,000,000 rows (one pair of runs on a busy machine).
 */
const IMPORT_CACHE_KIB = 8 * 1024;
/**
 * Page cache of its temporary database (the staging tables), 16 MB by default: staging is written once and
 * read in order, so a small cache costs no time and keeps peak memory down (300,000 rows: 265 → 249 MB, measured).
 */
const STAGING_CACHE_KIB = 2 * 1024;

/**
 * From this size on, the file is read and normalised in a second worker thread while this one writes.
 * Below it, the second thread's start (≈0.3 s under tsx) would cost more than the overlap saves.
 */
const NORMALISE_BESIDE_FROM_BYTES = 1024 * 1024;

/** A missing file is reported by the import itself, with its name. */
function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** The import connection's caches; the benchmark's SQL floor sets them the same way. */
export function tuneImportConnection(db: Db): void {
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  db.pragma(`temp.cache_size = -${STAGING_CACHE_KIB}`);
}

/** `leads.import`: runs an import in a worker thread over its own connection to the data folder's database. */
export const job: JobDefinition<ImportJobInput, ImportProgress, ImportSummary> = {
  async run({ dataDir, database, ...request }, { signal, progress, workerFile }) {
    const db = openDatabase(dataDir, database);
    try {
      tuneImportConnection(db);
      const normaliseIn =
        fileSize(request.file) >= NORMALISE_BESIDE_FROM_BYTES ? new JobRunner({ workerFile }) : undefined;
      return await runImport(db, request, { signal, progress, normaliseIn });
    } finally {
      db.close();
    }
  },
};
