import type { ResourceLimits } from 'node:worker_threads';
import { UserFacingError } from '../errors';
import type { JobName } from './registry';
import type { JobInput, JobProgress, JobResult, JobRunner, RunJobOptions } from './runner';

/**
 * Heap limits of every thread that reads a file someone else made: the lead import's (the one that writes
 * and the one that reads and normalises beside it), the table preview's and the PDF reader's. A crafted file
 * that inflates in memory stops its thread at the limit instead of taking the app's memory.
 *
 * They stream, so they need little: low limits make V8 collect early, which keeps the process's peak memory
 * flat, and a small young generation keeps the import's two threads' heaps small (figures in
 * docs/benchmarks.md, issue 16's moved figures). An XLSX workbook's shared strings are held whole by exceljs,
 * hence the old generation's headroom.
 */
export const FILE_WORKER_HEAP = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 4 } as const;

/** Why a thread reading a file was stopped by its heap limit, for the analyst (the caller names the file). */
export const overMemoryLimit = (heap: ResourceLimits = FILE_WORKER_HEAP) =>
  `reading it needs more than the ${heap.maxOldGenerationSizeMb} MB of memory a file may use`;

/** V8 stopped a worker at its heap limit (Node's `ERR_WORKER_OUT_OF_MEMORY`). */
export function isOutOfMemory(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/**
 * Runs a job that reads `file` in a worker with the file heap limits. A worker stopped at the limit (which,
 * being killed, could say nothing itself) becomes an error naming the file and the limit.
 */
export async function runFileJob<N extends JobName>(
  jobs: Pick<JobRunner, 'run'>,
  job: N,
  input: JobInput<N>,
  file: string,
  options: Omit<RunJobOptions<JobProgress<N>>, 'resourceLimits'> = {},
): Promise<JobResult<N>> {
  try {
    return await jobs.run(job, input, { ...options, resourceLimits: FILE_WORKER_HEAP });
  } catch (error) {
    if (isOutOfMemory(error))
      throw new UserFacingError('file_over_limit', `${file}: ${overMemoryLimit()}.`, { cause: error });
    throw error;
  }
}
