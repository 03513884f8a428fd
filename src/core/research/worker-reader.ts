import { FILE_WORKER_HEAP, isOutOfMemory, OVER_MEMORY_LIMIT } from '../jobs/file-worker';
import type { JobRunner } from '../jobs/runner';
import type { DocumentFilesReader } from './documents';

/** How long one document may take before its reader is stopped: a PDF of a few hundred pages takes seconds (see docs). */
export const DOCUMENT_READ_LIMIT_MS = 60_000;

const duration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

/**
 * Reads research documents in a `research.read` job worker (off the app's main thread), under the file heap
 * limits. A document the reader cannot finish (a crafted PDF can make PDF.js loop) or that needs more memory
 * than the limit would stop the index run, so its worker is stopped, that file gets a warning naming why,
 * and a new worker reads the files after it.
 */
export function workerDocumentReader(
  jobs: Pick<JobRunner, 'run'>,
  limitMs = DOCUMENT_READ_LIMIT_MS,
): DocumentFilesReader {
  return async (files, maxPdfPages, onRead, cancel) => {
    let remaining = files;
    while (remaining.length > 0) {
      cancel?.throwIfAborted();
      const batch = remaining;
      const read = new Set<string>();
      const controller = new AbortController();
      // The analyst's cancel stops the worker the same way as the time limit, but ends the whole run.
      const stop = () => controller.abort();
      cancel?.addEventListener('abort', stop, { once: true });
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => controller.abort(), limitMs);
      };
      let listening = true; // a stopped worker's last messages may still arrive
      let stopped: string | undefined;
      arm();
      try {
        await jobs.run(
          'research.read',
          { files: batch, maxPdfPages },
          {
            signal: controller.signal,
            resourceLimits: FILE_WORKER_HEAP,
            onProgress: (result) => {
              if (!listening) return;
              read.add(result.file);
              arm();
              onRead(result);
            },
          },
        );
      } catch (error) {
        cancel?.throwIfAborted();
        if (controller.signal.aborted) stopped = `reading it took longer than ${duration(limitMs)}`;
        else if (isOutOfMemory(error)) stopped = OVER_MEMORY_LIMIT;
        else throw error;
      } finally {
        listening = false;
        clearTimeout(timer);
        cancel?.removeEventListener('abort', stop);
      }
      const unread = batch.filter((file) => !read.has(file));
      if (stopped === undefined || unread.length === 0) return;
      onRead({ file: unread[0]!, error: stopped });
      remaining = unread.slice(1);
    }
  };
}
