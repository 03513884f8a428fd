import { MessageChannel, receiveMessageOnPort, Worker, type ResourceLimits } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { UserFacingError } from '../errors';
import { ProgressFlow } from './progress-flow';
import { abortError } from './protocol';
import type { JobDefinition, JobStart, ParentMessage, SerializedError, WorkerMessage } from './protocol';
import type { JobName, jobModules } from './registry';

type JobOf<N extends JobName> = Awaited<ReturnType<(typeof jobModules)[N]>>['job'];
export type JobInput<N extends JobName> = JobOf<N> extends JobDefinition<infer I, unknown, unknown> ? I : never;
export type JobProgress<N extends JobName> = JobOf<N> extends JobDefinition<never, infer P, unknown> ? P : never;
export type JobResult<N extends JobName> = JobOf<N> extends JobDefinition<never, unknown, infer R> ? R : never;

export interface JobRunnerOptions {
  /**
   * The worker script. Default: `bootstrap.mjs` beside this file, which registers tsx (tests and tools
   * running the TypeScript source). The Electron main process and the built command line pass their bundled
   * `job-worker.js`.
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
  /**
   * For a job whose progress is a stream of results: at most this many updates wait for `onProgress`; the
   * job's `progress()` blocks beyond that (see `ProgressFlow`). An `onProgress` that throws stops the job
   * and rejects with that error.
   */
  progressWindow?: number;
  /** This run's grace after a cancel (default: the runner's): 0 for a job that holds nothing to stop cleanly. */
  cancelGraceMs?: number;
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

  run<N extends JobName>(
    job: N,
    input: JobInput<N>,
    options: RunJobOptions<JobProgress<N>> = {},
  ): Promise<JobResult<N>> {
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(abortError());
    const flow = options.progressWindow ? new ProgressFlow(options.progressWindow) : undefined;
    // A stream's updates wait on a port of their own, still serialised, until each is handled: a port
    // delivers all it has queued at once, and up to a window of deserialised batches held at a time made
    // this thread's garbage collector copy them over and over (docs/benchmarks.md, Issue 15 session 10).
    const updates = flow && new MessageChannel();
    const start: JobStart = {
      job,
      input,
      workerFile: this.workerFile,
      progressFlow: flow && updates && { window: flow.window, state: flow.state, port: updates.port2 },
    };
    const worker = new Worker(this.workerFile, {
      workerData: start,
      resourceLimits: options.resourceLimits,
      transferList: updates ? [updates.port2] : [],
    });
    /** The update a `progress` message stands for: with a flow, the next one waiting on its port. */
    const updateOf = (message: { update?: unknown }) =>
      updates ? receiveMessageOnPort(updates.port1)?.message : message.update;
    return new Promise<JobResult<N>>((resolve, reject) => {
      let settled = false;
      let killTimer: NodeJS.Timeout | undefined;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        updates?.port1.close();
        signal?.removeEventListener('abort', onAbort);
        outcome();
      };
      const onAbort = () => {
        flow?.cancel();
        worker.postMessage({ type: 'cancel' } satisfies ParentMessage);
        killTimer = setTimeout(() => {
          settle(() => reject(abortError()));
          void worker.terminate();
        }, options.cancelGraceMs ?? this.cancelGraceMs);
        killTimer.unref();
      };
      signal?.addEventListener('abort', onAbort, { once: true });

      // Each event is handled in an event-loop turn of its own, in order. A port delivers the messages it has
      // queued in one go; a job streaming progress keeps it queued, which would otherwise hold back this
      // thread's other messages (a cancel from its own parent) until the stream ends.
      const inTurnOfItsOwn =
        <A extends unknown[]>(handle: (...args: A) => void) =>
        (...args: A) =>
          setImmediate(handle, ...args);
      worker.on(
        'message',
        inTurnOfItsOwn((message: WorkerMessage) => {
          if (settled) return;
          if (message.type === 'progress') {
            try {
              onProgress?.(updateOf(message) as JobProgress<N>);
            } catch (error) {
              settle(() => reject(error as Error));
              void worker.terminate();
              return;
            }
            flow?.handled();
          } else if (message.type === 'result') settle(() => resolve(message.value as JobResult<N>));
          else settle(() => reject(deserializeError(message.error)));
        }),
      );
      worker.on(
        'error',
        inTurnOfItsOwn((error: Error) => settle(() => reject(error))),
      );
      worker.on(
        'exit',
        inTurnOfItsOwn((code: number) => {
          clearTimeout(killTimer);
          settle(() => reject(new Error(`Job ${job} stopped (exit code ${code}) without a result`)));
        }),
      );
    });
  }
}

function deserializeError(serialized: SerializedError): Error {
  const error = serialized.code
    ? new UserFacingError(serialized.code, serialized.message)
    : new Error(serialized.message);
  error.name = serialized.name;
  if (serialized.stack) error.stack = serialized.stack;
  return error;
}
