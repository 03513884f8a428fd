import type { PDFPageProxy } from 'unpdf/pdfjs';
import { PDF_MAX_TEXT_OPERATORS, tooManyPiecesOfText, tooMuchToRead } from './pdf-streams';

/** Why a PDF could not be read, in words for the analyst (the caller names the file). */
export class UnreadablePdfError extends Error {}

export interface PdfText {
  /** The document's own title (its Info dictionary), when it has one. */
  title: string | null;
  /** `YYYY-MM-DD` of the PDF's CreationDate, when it has one. */
  createdDate: string | null;
  /** Text of pages 1..n, at most `maxPages` of them and `maxTextChars` characters together. */
  pages: string[];
  totalPages: number;
  /** The text reached `maxTextChars`: the last page is cut there and the pages after it are not read. */
  textCut: boolean;
}

type PdfJsError = Error & { name: string };

/**
 * Makes PDF.js inflate a page's Flate streams as its parser reaches them, with its own decoder, instead of
 * all of the page's streams at once through the runtime's `DecompressionStream` before parsing any (which
 * holds about twice the page's inflated content, and inflates all of it even when the page is refused after
 * its first pieces of text: docs/benchmarks.md, issue 12 session 10). Same text, same CPU time. It removes
 * `DecompressionStream` from the calling thread, so it is for a thread that only reads documents.
 */
export function inflateAsParsed(): void {
  delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
}

/**
 * The text of a PDF, page by page, through unpdf (PDF.js built for server runtimes: one ES module, no
 * worker file, no canvas, no native code). PDF.js is loaded on the first PDF, so libraries without PDFs
 * never pay for it. It parses in the calling thread (a page takes 5–10 ms, the first ones and garbage
 * collection up to several hundred), which is why the app calls it from a job worker (`read-job.ts`).
 */
export async function readPdfText(
  bytes: Uint8Array,
  { maxPages, maxTextChars }: { maxPages: number; maxTextChars: number },
): Promise<PdfText> {
  const tooMuch = await tooMuchToRead(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (tooMuch) throw new UnreadablePdfError(tooMuch);
  const { getDocumentProxy } = await import('unpdf');
  let document: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A plain Uint8Array copy: PDF.js rejects Node Buffers and takes ownership of (may detach) what it is given.
    document = await getDocumentProxy(new Uint8Array(bytes), {
      verbosity: 0,
      isEvalSupported: false,
      stopAtErrors: false,
    });
  } catch (error) {
    throw new UnreadablePdfError(describeOpenError(error as PdfJsError));
  }
  try {
    const info = ((await document.getMetadata()).info ?? {}) as { Title?: unknown; CreationDate?: unknown };
    const pages: string[] = [];
    let room = maxTextChars;
    for (let number = 1; number <= Math.min(document.numPages, maxPages) && room > 0; number += 1) {
      const page = await document.getPage(number);
      const text = await pageText(page, number, room);
      pages.push(text);
      room -= text.length;
      page.cleanup();
    }
    return {
      title: typeof info.Title === 'string' && info.Title.trim() ? info.Title.trim() : null,
      createdDate: pdfDate(info.CreationDate),
      pages,
      totalPages: document.numPages,
      textCut: room <= 0,
    };
  } catch (error) {
    if (error instanceof UnreadablePdfError) throw error;
    throw new UnreadablePdfError(`its content could not be read (${(error as Error).message})`);
  } finally {
    await document.destroy();
  }
}

type TextPiece = { str: string; hasEOL: boolean } | { type: string };

/**
 * A page's text, up to `room` characters (cut there), taken from PDF.js's stream of text items (a few at a
 * time) and refused past `PDF_MAX_TEXT_OPERATORS` items: `getTextContent` holds all of a page's items at
 * once, and a page's items are bounded neither by one content stream (a page may have many, and form XObjects
 * drawn many times) nor by the file's size. Counting what PDF.js builds, per page, is what bounds its memory.
 * The document's `destroy` stops PDF.js's work on the rest of the page.
 */
async function pageText(page: PDFPageProxy, number: number, room: number): Promise<string> {
  const reader = (page.streamTextContent() as ReadableStream<{ items: TextPiece[] }>).getReader();
  let text = '';
  let items = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    items += chunk.value.items.length;
    if (items > PDF_MAX_TEXT_OPERATORS) {
      const error = new UnreadablePdfError(tooManyPiecesOfText(`page ${number}`));
      await reader.cancel(error);
      throw error;
    }
    for (const item of chunk.value.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    if (text.length >= room) {
      await reader.cancel(new Error('the text limit is reached'));
      return text.slice(0, room);
    }
  }
  return text;
}

function describeOpenError(error: PdfJsError): string {
  if (error.name === 'PasswordException') return 'it is encrypted with a password';
  return `it is not a readable PDF (${error.message})`;
}

/** PDF dates look like `D:20250203101500+01'00'`. */
function pdfDate(value: unknown): string | null {
  const match = typeof value === 'string' ? /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(value) : null;
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}
