import type { MessagePort } from 'node:worker_threads';

/**
 * What a job receives: a cancel signal, a way to report progress, and the script of its worker, from which a
 * job starts jobs of its own (`new JobRunner({ workerFile })`). The protocol knows nothing of the runner.
 */
export interface JobContext<Progress> {
  signal: AbortSignal;
  /**
   * Reports progress to the parent. When the parent set a `progressWindow`, progress is a stream of results:
   * this blocks while that many updates wait to be handled, and throws an AbortError once the job is cancelled.
   */
  progress(update: Progress): void;
  /** The script this worker runs, for jobs it starts in worker threads of their own. */
  workerFile: string;
}

/** A job module exports one of these as `job`; it runs in a worker thread, never in the Electron main thread. */
export interface JobDefinition<Input, Progress, Result> {
  run(input: Input, context: JobContext<Progress>): Promise<Result>;
}

/** Data the worker starts with (`workerData`). */
export interface JobStart {
  job: string;
  input: unknown;
  /** The script this worker runs, for the jobs it starts itself. */
  workerFile: string;
  /**
   * Shared with the parent when progress is flow-controlled; see `ProgressFlow`. The updates themselves go
   * through `port`, each announced by a `progress` message without one, so the parent reads an update off
   * the port only when it handles it.
   */
  progressFlow?: { window: number; state: SharedArrayBuffer; port: MessagePort };
}

export type ParentMessage = { type: 'cancel' };

/** `stack`: the worker's own trace (with causes), so `--debug` shows where it failed rather than the relay. */
export type SerializedError = { name: string; message: string; code?: string; stack?: string };

export type WorkerMessage =
  /** `update` is absent for a flow-controlled stream: it waits on the flow's port. */
  | { type: 'progress'; update?: unknown }
  | { type: 'result'; value: unknown }
  | { type: 'error'; error: SerializedError };

/** How a cancelled job ends, on either side: the parent rejects with it, a worker's progress throws it. */
export function abortError(): Error {
  const error = new Error('The job was cancelled.');
  error.name = 'AbortError';
  return error;
}
