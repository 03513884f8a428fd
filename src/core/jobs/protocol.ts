/** What a job receives: a cancel signal and a way to report progress. */
export interface JobContext<Progress> {
  signal: AbortSignal;
  progress(update: Progress): void;
}

/** A job module exports one of these as `job`; it runs in a worker thread, never in the Electron main thread. */
export interface JobDefinition<Input, Progress, Result> {
  run(input: Input, context: JobContext<Progress>): Promise<Result>;
}

/** Data the worker starts with (`workerData`). */
export interface JobStart {
  job: string;
  input: unknown;
}

export type ParentMessage = { type: 'cancel' };

export type SerializedError = { name: string; message: string; code?: string };

export type WorkerMessage =
  | { type: 'progress'; update: unknown }
  | { type: 'result'; value: unknown }
  | { type: 'error'; error: SerializedError };
