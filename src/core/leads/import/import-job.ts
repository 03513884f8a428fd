import fs from 'node:fs';
import type { JobDefinition } from '../../jobs/protocol';
import { JobRunner } from '../../jobs/runner';
import { configureImportConnection, openDatabase, type OpenDatabaseOptions } from '../../store/database';
import { runImport, type ImportProgress, type ImportRequest, type ImportSummary } from './run-import';

export interface ImportJobInput extends ImportRequest {
  dataDir: string;
  database?: OpenDatabaseOptions;
}

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

/** `leads.import`: runs an import in a worker thread over its own connection to the data folder's database. */
export const job: JobDefinition<ImportJobInput, ImportProgress, ImportSummary> = {
  async run({ dataDir, database, ...request }, { signal, progress, workerFile }) {
    const db = openDatabase(dataDir, database);
    try {
      configureImportConnection(db);
      const normaliseIn =
        fileSize(request.file) >= NORMALISE_BESIDE_FROM_BYTES ? new JobRunner({ workerFile }) : undefined;
      return await runImport(db, request, { signal, progress, normaliseIn });
    } finally {
      db.close();
    }
  },
};
