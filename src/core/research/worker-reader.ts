import type { ResourceLimits } from 'node:worker_threads';
import { FILE_WORKER_HEAP, isOutOfMemory, overMemoryLimit } from '../jobs/file-worker';
import type { JobRunner } from '../jobs/runner';
import type { DocumentFilesReader } from './documents';

/** How long one document may take before its reader is stopped: a PDF of a few hundred pages takes seconds (see docs). */
export const DOCUMENT_READ_LIMIT_MS = 60_000;

/**
 * How much the process may grow while one document is read, counted from when the file before it came back:
 * the reader's own growth. The worker's heap limit alone does not hold a PDF: PDF.js inflates outside the heap
 * (a stream the pre-check does not see as Flate, a filter name written with `#` escapes or an image label on
 * page content, inflated to 720 MB) and builds a long string in arrays of its length. Real PDFs of up to 397
 * pages grew the process by 11-35 MB past a started reader; a 46 MB blank page by 78 MB (docs/benchmarks.md,
 * issue 12 session 10 second pass). A text or HTML file is read in chunks, so its size does not count.
 */
export const DOCUMENT_READ_MEMORY_MB = 48;
/**
 * What the first file a worker reads may take on top: the worker's start and PDF.js's loading (50 MB
 * measured), which the files after it in the same worker do not pay again.
 */
export const READER_START_MEMORY_MB = 56;
/** How many passages the reader may send ahead of those the library has written. */
const PASSAGES_IN_FLIGHT = 4;
/** How often the process's memory is looked at while a document is read: PDF.js grows between two looks (docs). */
const MEMORY_CHECK_MS = 10;
const MB = 1024 * 1024;
const overProcessMemory = (limitMb: number) =>
  `reading it needed more than ${limitMb} MB of the app's memory, the limit for one file`;

export interface DocumentReadLimits {
  /** How long one document may take (default `DOCUMENT_READ_LIMIT_MS`). */
  timeMs?: number;
  /** The reading thread's heap limits (default `FILE_WORKER_HEAP`, the lead files' readers'). */
  heap?: ResourceLimits;
}

const duration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

/**
 * Reads research documents in a `research.read` job worker (off the app's main thread), under the file heap
 * limits, watching the process's memory. A document the reader cannot finish (a crafted PDF can make PDF.js
 * loop) or that needs more memory than the limits would stop the index run, so its worker is stopped, that
 * file gets a warning naming why, and a new worker reads the files after it.
 */
export function workerDocumentReader(
  jobs: Pick<JobRunner, 'run'>,
  { timeMs = DOCUMENT_READ_LIMIT_MS, heap = FILE_WORKER_HEAP }: DocumentReadLimits = {},
): DocumentFilesReader {
  return async (files, limits, onRead, cancel) => {
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
      let memoryAtStart = 0;
      let allowance = 0;
      let overMemory = false;
      // Each document gets its own time and its own memory allowance, from when the one before it came back
      // (the worker reads the batch in order, reporting each file once).
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => controller.abort(), timeMs);
        allowance = (DOCUMENT_READ_MEMORY_MB + (read.size === 0 ? READER_START_MEMORY_MB : 0)) * MB;
        memoryAtStart = process.memoryUsage.rss();
      };
      const memoryWatch = setInterval(() => {
        if (process.memoryUsage.rss() - memoryAtStart <= allowance) return;
        overMemory = true;
        controller.abort();
      }, MEMORY_CHECK_MS);
      let listening = true; // a stopped worker's last messages may still arrive
      let stopped: string | undefined;
      arm();
      try {
        await jobs.run(
          'research.read',
          { files: batch, limits },
          {
            signal: controller.signal,
            resourceLimits: heap,
            // Stopped at once: each document's text is stored as it comes back, and a reader over its memory
            // would go on growing through a grace period.
            cancelGraceMs: 0,
            // Passages stream: the worker waits while this many are not yet written, so neither side holds
            // more of a long document than that.
            progressWindow: PASSAGES_IN_FLIGHT,
            onProgress: (result) => {
              if (!listening) return;
              if (!('passage' in result)) {
                read.add(result.file);
                arm();
              }
              onRead(result);
            },
          },
        );
      } catch (error) {
        cancel?.throwIfAborted();
        if (overMemory) stopped = overProcessMemory(DOCUMENT_READ_MEMORY_MB);
        else if (controller.signal.aborted) stopped = `reading it took longer than ${duration(timeMs)}`;
        else if (isOutOfMemory(error)) stopped = overMemoryLimit(heap);
        else throw error;
      } finally {
        listening = false;
        clearTimeout(timer);
        clearInterval(memoryWatch);
        cancel?.removeEventListener('abort', stop);
      }
      const unread = batch.filter((file) => !read.has(file));
      if (stopped === undefined || unread.length === 0) return;
      onRead({ file: unread[0]!, error: stopped });
      remaining = unread.slice(1);
    }
  };
}
