import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { HtmlText } from './html-text';
import { PassageCutter } from './passages';
import { readPdfText, UnreadablePdfError } from './pdf';

const TEXT_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.html', '.htm']);

export const isPdf = (file: string) => path.extname(file).toLowerCase() === '.pdf';

/** A file the library indexes: Markdown, text, HTML or PDF. */
export const isLibraryDocument = (file: string) => isPdf(file) || TEXT_EXTENSIONS.has(path.extname(file).toLowerCase());

/** One passage of a document: a PDF's page (or part of one), a part of a text file. */
export interface Passage {
  page: number | null;
  text: string;
}

/**
 * A passage of a document, sent as soon as it is read (in order), so that neither the reader nor the app
 * holds a large document whole; its `sha256` (of the file's bytes) tells an unchanged file, whose passages
 * need not be written again, and its `title` (the document's) goes with each passage into the index.
 */
export interface DocumentPart {
  file: string;
  sha256: string;
  title: string;
  passage: Passage;
}

/** The end of one file: its title, date and what was left out, after all its passages; or why it could not be read. */
export type DocumentRead =
  | { file: string; sha256: string; title: string; publishedDate: string | null; warnings: string[] }
  | { file: string; error: string };

/**
 * How much of a PDF is read: its first `maxPdfPages` pages, and its text up to `maxPdfTextChars` characters.
 * Text is bounded neither by the file's size nor by its pieces of text: a small form drawn many times on a page
 * is text of any length, and PDF.js hands over a document's pages whole, so it has the text files' cap.
 */
export interface PdfReadLimits {
  maxPdfPages: number;
  maxPdfTextChars: number;
}

/**
 * Reads documents one after another, reporting each one's passages as they are read and then its end (or
 * why it could not be read: its passages so far are then void); only a failure of the reader itself rejects,
 * or `signal` (the analyst cancelled): the files reported so far stay reported.
 */
export type DocumentFilesReader = (
  files: string[],
  limits: PdfReadLimits,
  onRead: (read: DocumentPart | DocumentRead) => void,
  signal?: AbortSignal,
) => Promise<void>;

/** How much of a text or HTML file is decoded and parsed at a time. */
const CHUNK_BYTES = 64 * 1024;

/** A file's bytes, `CHUNK_BYTES` at a time (the same buffer each time: use each before the next). */
function* chunksOf(file: string): Generator<Buffer> {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK_BYTES);
    for (let n = fs.readSync(fd, buffer); n > 0; n = fs.readSync(fd, buffer)) yield buffer.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

const sha256Of = (file: string) => {
  const hash = createHash('sha256');
  for (const chunk of chunksOf(file)) hash.update(chunk);
  return hash.digest('hex');
};

/** The reader in the calling thread; the app runs the same in a worker thread (`research.read` job). */
export const readDocumentFiles: DocumentFilesReader = async (files, limits, onRead, signal) => {
  for (const file of files) {
    signal?.throwIfAborted();
    try {
      onRead(isPdf(file) ? await readPdf(file, limits, onRead) : readTextFile(file, onRead));
    } catch (error) {
      if (!(error instanceof UnreadablePdfError)) throw error;
      onRead({ file, error: error.message });
    }
  }
};

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const DATED_LINE = /^(?:date|published)(?::|\s)\s*(\d{4}-\d{2}-\d{2})/im;

/**
 * The first `date:` or `published` line of a text arriving in chunks. Only a line's start matters, so what
 * is carried to the next chunk is the unfinished last line if it is short (a longer one was judged whole).
 */
function datedLines(): { add: (text: string) => void; readonly date: string | null } {
  let date: string | null = null;
  let carry = '';
  return {
    add(text) {
      if (date !== null) return;
      const lines = carry + text;
      date = DATED_LINE.exec(lines)?.[1] ?? null;
      const last = lines.slice(lines.lastIndexOf('\n') + 1);
      carry = last.length <= 64 ? last : '';
    },
    get date() {
      return date;
    },
  };
}

/**
 * A Markdown, text or HTML file read in chunks, its passages sent as they are complete; its title is its
 * HTML `<title>` or first Markdown `#` heading found before its first passage is complete (a heading after
 * 64K characters of text is not a title), else its file name.
 */
function readTextFile(file: string, onPart: (part: DocumentPart) => void): DocumentRead {
  const ext = path.extname(file).toLowerCase();
  const sha256 = sha256Of(file);
  let heading: string | null = null;
  let title: string | null = null;
  const titled = () => (title ??= heading ?? path.basename(file, ext));
  const emit = (text: string) => onPart({ file, sha256, title: titled(), passage: { page: null, text } });
  const dated = datedLines();
  const decoder = new StringDecoder('utf8');
  let write: (text: string) => void;
  let end: () => void;
  if (ext === '.html' || ext === '.htm') {
    const html = new HtmlText((text) => {
      heading ??= html.title;
      emit(text);
    });
    write = (text) => html.write(text);
    end = () => html.end();
  } else {
    const cutter = new PassageCutter(emit);
    let unfinished = '';
    const addLines = (lines: string) => {
      if (title === null) heading ??= /^#\s+(.+)$/m.exec(lines)?.[1]?.trim() ?? null;
      cutter.add(lines.replace(/^#+\s*/gm, ''));
    };
    // Heading marks are dropped line by line: a line is handed on once it is whole.
    write = (text) => {
      const lines = unfinished + text;
      const whole = lines.lastIndexOf('\n') + 1;
      unfinished = lines.slice(whole);
      if (whole > 0) addLines(lines.slice(0, whole));
    };
    end = () => {
      addLines(unfinished);
      cutter.end();
    };
  }
  for (const chunk of chunksOf(file)) {
    const text = decoder.write(chunk);
    dated.add(text);
    write(text);
  }
  const rest = decoder.end();
  dated.add(rest);
  write(rest);
  end();
  return { file, sha256, title: titled(), publishedDate: dated.date, warnings: [] };
}

/**
 * A PDF's pages, each a passage (a long one cut as text files are); its title is its own metadata title,
 * else its first line of text; its date a `date:` line of its first page, else its creation date.
 */
async function readPdf(
  file: string,
  limits: PdfReadLimits,
  onPart: (part: DocumentPart) => void,
): Promise<DocumentRead> {
  const bytes = fs.readFileSync(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const pdf = await readPdfText(bytes, { maxPages: limits.maxPdfPages, maxTextChars: limits.maxPdfTextChars });
  const warnings: string[] = [];
  if (pdf.textCut)
    warnings.push(
      `only its text up to page ${pdf.pages.length} of ${pdf.totalPages} is indexed: it reaches ${megabytes(limits.maxPdfTextChars)}, the limit for a document's text`,
    );
  else if (pdf.totalPages > pdf.pages.length)
    warnings.push(`only the first ${pdf.pages.length} of its ${pdf.totalPages} pages are indexed (the limit per PDF)`);
  const firstLine = pdf.pages
    .find((text) => text.trim().length > 0)
    ?.split('\n')
    .map((line) => line.trim())
    .find((line) => line.length > 0)
    ?.slice(0, 200);
  const title = pdf.title ?? firstLine ?? path.basename(file, path.extname(file));
  pdf.pages.forEach((text, i) => {
    const cutter = new PassageCutter((part) => onPart({ file, sha256, title, passage: { page: i + 1, text: part } }));
    cutter.add(text);
    cutter.end();
  });
  return { file, sha256, title, publishedDate: DATED_LINE.exec(pdf.pages[0] ?? '')?.[1] ?? pdf.createdDate, warnings };
}
