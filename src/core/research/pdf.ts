import { tooMuchToRead } from './pdf-streams';

/** Why a PDF could not be read, in words for the analyst (the caller names the file). */
export class UnreadablePdfError extends Error {}

export interface PdfText {
  /** The document's own title (its Info dictionary), when it has one. */
  title: string | null;
  /** `YYYY-MM-DD` of the PDF's CreationDate, when it has one. */
  createdDate: string | null;
  /** Text of pages 1..n, at most `maxPages` of them. */
  pages: string[];
  totalPages: number;
}

type PdfJsError = Error & { name: string };

/**
 * The text of a PDF, page by page, through unpdf (PDF.js built for server runtimes: one ES module, no
 * worker file, no canvas, no native code). PDF.js is loaded on the first PDF, so libraries without PDFs
 * never pay for it. It parses in the calling thread (a page takes 5–10 ms, the first ones and garbage
 * collection up to several hundred), which is why the app calls it from a job worker (`read-job.ts`).
 */
export async function readPdfText(bytes: Uint8Array, maxPages: number): Promise<PdfText> {
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
    for (let number = 1; number <= Math.min(document.numPages, maxPages); number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
      page.cleanup();
    }
    return {
      title: typeof info.Title === 'string' && info.Title.trim() ? info.Title.trim() : null,
      createdDate: pdfDate(info.CreationDate),
      pages,
      totalPages: document.numPages,
    };
  } catch (error) {
    throw new UnreadablePdfError(`its content could not be read (${(error as Error).message})`);
  } finally {
    await document.destroy();
  }
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
