import { Worker, type ResourceLimits } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { UserFacingError } from '../errors';
import type { JobDefinition, JobStart, ParentMessage, SerializedError, WorkerMessage } from './protocol';
import type { JobName, jobModules } from './registry';

type JobOf<N extends JobName> = Awaited<ReturnType<(typeof jobModules)[N]>>['job'];
export type JobInput<N extends JobName> = JobOf<N> extends JobDefinition<infer I, unknown, unknown> ? I : never;
export type JobProgress<N extends JobName> = JobOf<N> extends JobDefinition<never, infer P, unknown> ? P : never;
export type JobResult<N extends JobName> = JobOf<N> extends JobDefinition<never, unknown, infer R> ? R : never;

export interface JobRunnerOptions {
  /**
   * The worker script. Default: `bootstrap.mjs` beside this file, which registers tsx (Node running the
   * TypeScript source). The Electron main process passes its bundled `job-worker.js`.
   */
  workerFile?: string;
  /** After a cancel, how long the job may take to stop cleanly before its thread is terminated. */
  cancelGraceMs?: number;
}

export interface RunJobOptions<Progress> {
  signal?: AbortSignal;
  onProgress?: (update: Progress) => void;
  /**
   * Heap limits of the worker. A streaming job sets them low so V8 collects early and the process's
   * memory stays flat; a job over the limit fails (its transaction rolls back) instead of swapping.
   */
  resourceLimits?: ResourceLimits;
}

const DEFAULT_WORKER_FILE = fileURLToPath(new URL('./bootstrap.mjs', import.meta.url));

/**
 * Runs long work (imports, enrichment, batch drafting) in a worker thread so the calling thread (the
 * Electron main process) never blocks. Progress is relayed; an abort asks the job to stop and, if it does
 * not within the grace period, terminates the thread. Resolves with the job's result or rejects with its
 * error (a `UserFacingError` keeps its code; a cancel rejects with an `AbortError`).
 */
export class JobRunner {
  private readonly workerFile: string;
  private readonly cancelGraceMs: number;

  constructor(options: JobRunnerOptions = {}) {
    this.workerFile = options.workerFile ?? DEFAULT_WORKER_FILE;
    this.cancelGraceMs = options.cancelGraceMs ?? 10_000;
  }

  run<N extends JobName>(job: N, input: JobInput<N>, options: RunJobOptions<JobProgress<N>> = {}): Promise<JobResult<N>> {
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(abortError());
    const start: JobStart = { job, input };
    const worker = new Worker(this.workerFile, { workerData: start, resourceLimits: options.resourceLimits });
    return new Promise<JobResult<N>>((resolve, reject) => {
      let settled = false;
      let killTimer: NodeJS.Timeout | undefined;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        outcome();
      };
      const onAbort = () => {
        worker.postMessage({ type: 'cancel' } satisfies ParentMessage);
        killTimer = setTimeout(() => {
          settle(() => reject(abortError()));
          void worker.terminate();
        }, this.cancelGraceMs);
        killTimer.unref();
      };
      signal?.addEventListener('abort', onAbort, { once: true });

      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') onProgress?.(message.update as JobProgress<N>);
        else if (message.type === 'result') settle(() => resolve(message.value as JobResult<N>));
        else settle(() => reject(deserializeError(message.error)));
      });
      worker.on('error', (error) => settle(() => reject(error)));
      worker.on('exit', (code) => {
        clearTimeout(killTimer);
        settle(() => reject(new Error(`Job ${job} stopped (exit code ${code}) without a result`)));
      });
    });
  }
}

function abortError(): Error {
  const error = new Error('The job was cancelled.');
  error.name = 'AbortError';
  return error;
}

function deserializeError(serialized: SerializedError): Error {
  if (serialized.code) return new UserFacingError(serialized.code, serialized.message);
  const error = new Error(serialized.message);
  error.name = serialized.name;
  return error;
}
