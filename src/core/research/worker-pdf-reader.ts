import type { JobRunner } from '../jobs/runner';
import type { PdfFilesReader } from './pdf';

/** How long one PDF may take before its reader is stopped: a few hundred pages take seconds (see docs). */
export const PDF_READ_LIMIT_MS = 60_000;

const duration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

/**
 * Reads PDFs in a `research.pdfText` job worker (off the app's main thread). A PDF that PDF.js cannot finish
 * (a crafted or pathological file can loop) would hold the worker forever, so when one takes longer than the
 * limit the worker is stopped, that file gets a warning, and a new worker reads the files after it.
 */
export function workerPdfReader(jobs: Pick<JobRunner, 'run'>, limitMs = PDF_READ_LIMIT_MS): PdfFilesReader {
  return async (files, maxPages, onRead) => {
    let remaining = files;
    while (remaining.length > 0) {
      const batch = remaining;
      const read = new Set<string>();
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => controller.abort(), limitMs);
      };
      let listening = true; // a stopped worker's last messages may still arrive
      arm();
      try {
        await jobs.run('research.pdfText', { files: batch, maxPages }, {
          signal: controller.signal,
          onProgress: (result) => {
            if (!listening) return;
            read.add(result.file);
            arm();
            onRead(result);
          },
        });
      } catch (error) {
        if (!controller.signal.aborted) throw error;
      } finally {
        listening = false;
        clearTimeout(timer);
      }
      const unread = batch.filter((file) => !read.has(file));
      if (!controller.signal.aborted || unread.length === 0) return;
      onRead({ file: unread[0]!, error: `reading it took longer than ${duration(limitMs)}` });
      remaining = unread.slice(1);
    }
  };
}
