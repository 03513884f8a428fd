import type { JobDefinition } from '../jobs/protocol';
import { readPdfFiles, type PdfRead } from './pdf';

/**
 * PDF text extraction off the calling thread: PDF.js parses a page in 5–10 ms but up to 70–120 ms for the
 * first pages of a document (measured), and the whole file once at open, all of which would otherwise hold
 * the Electron main process. Each PDF's text comes back as a progress update, so the library stores it
 * while the next one is read.
 */
export const job: JobDefinition<{ files: string[]; maxPages: number }, PdfRead, void> = {
  run: (input, context) => readPdfFiles(input.files, input.maxPages, context.progress),
};
