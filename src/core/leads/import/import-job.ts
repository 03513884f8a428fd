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
 * Page cache of the import's own connection: contacts are moved set-based from staging, so a smaller cache
 * imports as fast and keeps the peak lower, the more so with the file read in a second thread (figures in
 * docs/benchmarks.md, "Issue 16: figures moved out of source comments").
 */
const IMPORT_CACHE_KIB = 8 * 1024;
/**
 * Page cache of its temporary database (the staging tables), 16 MB by default: staging is written once and
 * read in order, so a small cache costs no time and keeps peak memory down (docs/benchmarks.md, as above).
 */
const STAGING_CACHE_KIB = 2 * 1024;

/**
 * From this size on, the file is read and normalised in a second worker thread while this one writes.
 * Below it, the second thread's start would cost more than the overlap saves.
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
