import type { JobDefinition } from '../jobs/protocol';
import { readDocumentFiles, type DocumentPart, type DocumentRead, type PdfReadLimits } from './documents';
import { inflateAsParsed } from './pdf';

// This module is loaded only in its own worker thread, which reads documents and nothing else.
inflateAsParsed();

/**
 * Document text extraction off the calling thread. PDF.js parses every page, the first ones of a document
 * slowest, and the whole file once at open (docs/benchmarks.md); HTML and text are someone else's files too,
 * and a crafted one must cost this worker, not the Electron main process. Each file's passages and then its
 * end come back as progress updates, so the library stores them while the rest is read.
 */
export const job: JobDefinition<{ files: string[]; limits: PdfReadLimits }, DocumentPart | DocumentRead, void> = {
  run: (input, context) => readDocumentFiles(input.files, input.limits, context.progress),
};
