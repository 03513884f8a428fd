import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { htmlToText } from './html-text';
import { readPdfText, UnreadablePdfError, type PdfText } from './pdf';

const TEXT_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.html', '.htm']);

export const isPdf = (file: string) => path.extname(file).toLowerCase() === '.pdf';

/** A file the library indexes: Markdown, text, HTML or PDF. */
export const isLibraryDocument = (file: string) => isPdf(file) || TEXT_EXTENSIONS.has(path.extname(file).toLowerCase());

/** What is stored of one document: one passage for a text file, one per page for a PDF. */
export interface ExtractedDocument {
  title: string;
  publishedDate: string | null;
  passages: { page: number | null; text: string }[];
}

/** One file's text with the hash of its bytes and what was left out, or why it could not be read. */
export type DocumentRead =
  { file: string; sha256: string; document: ExtractedDocument; warnings: string[] } | { file: string; error: string };

/**
 * How much of a PDF is read: its first `maxPdfPages` pages, and its text up to `maxPdfTextChars` characters.
 * Text is bounded neither by the file's size nor by its pieces of text: a small form drawn many times on a page
 * is text of any length, and a document's text is written to the index in one transaction on the app's main
 * thread, so it has the text files' cap.
 */
export interface PdfReadLimits {
  maxPdfPages: number;
  maxPdfTextChars: number;
}

/**
 * Reads documents one after another, reporting each as it is read; only a failure of the reader itself
 * rejects, or `signal` (the analyst cancelled): the files reported so far stay reported.
 */
export type DocumentFilesReader = (
  files: string[],
  limits: PdfReadLimits,
  onRead: (read: DocumentRead) => void,
  signal?: AbortSignal,
) => Promise<void>;

/** The reader in the calling thread; the app runs the same in a worker thread (`research.read` job). */
export const readDocumentFiles: DocumentFilesReader = async (files, limits, onRead, signal) => {
  for (const file of files) {
    signal?.throwIfAborted();
    const bytes = fs.readFileSync(file);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    try {
      const warnings: string[] = [];
      const document = isPdf(file)
        ? pdfDocument(
            file,
            await readPdfText(bytes, { maxPages: limits.maxPdfPages, maxTextChars: limits.maxPdfTextChars }),
            limits.maxPdfTextChars,
            (message) => warnings.push(message),
          )
        : textDocument(file, bytes.toString('utf8'));
      onRead({ file, sha256, document, warnings });
    } catch (error) {
      if (!(error instanceof UnreadablePdfError)) throw error;
      onRead({ file, error: error.message });
    }
  }
};

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const datedLine = (text: string) => /^(?:date|published)(?::|\s)\s*(\d{4}-\d{2}-\d{2})/im.exec(text)?.[1] ?? null;

function textDocument(file: string, content: string): ExtractedDocument {
  const ext = path.extname(file).toLowerCase();
  const { title, text } =
    ext === '.html' || ext === '.htm'
      ? htmlToText(content)
      : { title: /^#\s+(.+)$/m.exec(content)?.[1]?.trim() ?? null, text: content.replace(/^#+\s*/gm, '') };
  return {
    title: title ?? path.basename(file, ext),
    publishedDate: datedLine(content),
    passages: [{ page: null, text }],
  };
}

/** A PDF's title is its own metadata title, else its first line of text; its date a `date:` line, else its creation date. */
function pdfDocument(
  file: string,
  pdf: PdfText,
  maxTextChars: number,
  warn: (message: string) => void,
): ExtractedDocument {
  if (pdf.textCut)
    warn(
      `only its text up to page ${pdf.pages.length} of ${pdf.totalPages} is indexed: it reaches ${megabytes(maxTextChars)}, the limit for a document's text`,
    );
  else if (pdf.totalPages > pdf.pages.length)
    warn(`only the first ${pdf.pages.length} of its ${pdf.totalPages} pages are indexed (the limit per PDF)`);
  const firstLine = pdf.pages
    .join('\n')
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.length > 0)
    ?.slice(0, 200);
  return {
    title: pdf.title ?? firstLine ?? path.basename(file, path.extname(file)),
    publishedDate: datedLine(pdf.pages[0] ?? '') ?? pdf.createdDate,
    passages: pdf.pages.map((text, i) => ({ page: i + 1, text })),
  };
}
