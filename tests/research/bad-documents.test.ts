import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JobRunner } from '../../src/core/jobs/runner';
import { HtmlText } from '../../src/core/research/html-text';
import { PASSAGE_CHARS } from '../../src/core/research/passages';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { readPdfText } from '../../src/core/research/pdf';
import { DEFAULT_LIMITS, ResearchLibrary, type LibraryLimits } from '../../src/core/research/library';
import { workerDocumentReader } from '../../src/core/research/worker-reader';
import { openDatabase } from '../../src/core/store/database';
import {
  angleBracketHtml,
  largeArticleHtml,
  escapeFilterNames,
  inflatingPdf,
  repeatedFormPdf,
  textBeforeHiddenBombPdf,
} from '../support/bad-files';
import { tempDir } from '../support/temp-dir';

/**
 * A library as the app runs it (documents read in a job worker) over a folder that already holds one indexed
 * note; `check` adds the bad file and asserts what the re-index reports. The note must stay searchable.
 */
async function withIndexedNote(
  check: (folder: string, library: ResearchLibrary) => Promise<void>,
  limits: Partial<LibraryLimits> = {},
): Promise<void> {
  const folder = tempDir();
  fs.writeFileSync(
    path.join(folder, 'note.md'),
    '# Lumora call notes\nLumora Analytics plans a warehouse pilot in Denver.',
  );
  const db = openDatabase(tempDir());
  try {
    const library = new ResearchLibrary(db, {
      limits: { ...DEFAULT_LIMITS, ...limits },
      readDocuments: workerDocumentReader(new JobRunner()),
    });
    expect(await library.index(folder)).toMatchObject({ added: 1, warnings: [] });
    await check(folder, library);
    expect(library.search('Lumora Denver', 5, false).map((hit) => hit.title)).toContain('Lumora call notes');
  } finally {
    db.close();
  }
}

/** Indexes the folder with the bad `file` and a memo after it: the file is refused with `message`, the memo is read. */
async function expectRefusedThenNextRead(
  folder: string,
  library: ResearchLibrary,
  file: string,
  message: string,
): Promise<void> {
  fs.writeFileSync(path.join(folder, 'z-memo.txt'), 'Quillon Dynamics memo.');
  expect(await library.index(folder)).toEqual({
    added: 1,
    updated: 0,
    removed: 0,
    unchanged: 1,
    warnings: [{ path: file, message }],
  });
  expect(library.search('Quillon', 5, false)).toHaveLength(1);
}

/** HTML's title and passages as the library reads them, fed `chunk` characters at a time. */
function htmlText(html: string, chunk = html.length): { title: string | null; passages: string[] } {
  const passages: string[] = [];
  const reader = new HtmlText((text) => passages.push(text));
  for (let at = 0; at < html.length; at += chunk) reader.write(html.slice(at, at + chunk));
  reader.end();
  return { title: reader.title, passages };
}

// Building and reading these files is slow on a loaded machine: the timeout is not a measure.
describe('research documents that are built to hurt', { timeout: 180_000 }, () => {
  it('indexes a page ending in 400 KB of `<` (the tag-stripping regexes took 60 s) as text', async () => {
    await withIndexedNote(async (folder, library) => {
      const file = angleBracketHtml(folder);
      const { title, passages } = htmlText(fs.readFileSync(file, 'utf8'), 64 * 1024);
      expect(title).toBe('Notes');
      expect(passages.join('')).toBe(`Field notes. ${'<'.repeat(400 * 1024)}`);
      expect(Math.max(...passages.map((text) => text.length))).toBe(PASSAGE_CHARS);
      expect(await library.index(folder)).toEqual({ added: 1, updated: 0, removed: 0, unchanged: 1, warnings: [] });
    });
  });

  it('indexes a 9.5 MB web page (paragraphs, tables, scripts; the size limit is 10 MB) under the app limits, all of it searchable', async () => {
    // Read whole, the reader's 128 MB heap stopped this page; read in chunks, it is indexed passage by passage.
    await withIndexedNote(async (folder, library) => {
      const file = largeArticleHtml(folder);
      expect(fs.statSync(file).size).toBeGreaterThan(9.5 * 1024 * 1024 - 8192);
      expect(await library.index(folder)).toEqual({ added: 1, updated: 0, removed: 0, unchanged: 1, warnings: [] });
      const sections = fs.readFileSync(file, 'utf8').match(/sectionmark\d+/g)!;
      for (const mark of [sections[0]!, sections.at(-1)!]) {
        const hits = library.search(mark, 5, true);
        expect(hits.map((hit) => hit.title)).toEqual(['Lumora Analytics annual review']);
        expect(hits[0]!.rawContent).toContain(`Marker ${mark} ends this part.`);
        expect(hits[0]!.rawContent).not.toMatch(/gtag|dataLayer|<td|&euro;/); // scripts and tags left out
      }
    });
  });

  it('keeps the indexed version of a page whose new version was cancelled half-written, with none of the new text', async () => {
    const folder = tempDir();
    const file = path.join(folder, 'page.html');
    fs.writeFileSync(file, '<title>Lumora review</title><p>Lumora Analytics opened a depot in Denver.</p>');
    const db = openDatabase(tempDir());
    try {
      const reader = workerDocumentReader(new JobRunner());
      const cancel = new AbortController();
      let cancelAtFirstPassage = false;
      // The real reader, watched: the second run is cancelled once the first passage of the new version is written.
      const library = new ResearchLibrary(db, {
        readDocuments: (files, limits, onRead, signal) =>
          reader(
            files,
            limits,
            (read) => {
              onRead(read);
              if (cancelAtFirstPassage && 'passage' in read) cancel.abort();
            },
            signal,
          ),
      });
      expect(await library.index(folder)).toMatchObject({ added: 1, warnings: [] });
      fs.copyFileSync(largeArticleHtml(tempDir()), file);
      cancelAtFirstPassage = true;
      await expect(library.index(folder, { signal: cancel.signal })).rejects.toThrow(/abort/i);
      expect(library.search('Denver', 5, false).map((hit) => hit.title)).toEqual(['Lumora review']);
      expect(library.search('sectionmark1', 5, false)).toEqual([]);
      expect(db.prepare('SELECT count(*) AS passages FROM research_passages').get()).toEqual({ passages: 1 });
    } finally {
      db.close();
    }
  });

  it('reads HTML as a reader sees it: no scripts or styles, entities decoded, blocks ended', () => {
    const html =
      '<html><head><title>Lumora &amp; Co</title><style>p{}</style></head><body><script>if (a<b) x()</script><h1>News</h1><p>Lumora&nbsp;Analytics &lt;3 Denver</p><br>Pilot<div>Ends</div></body></html>';
    const read = { title: 'Lumora & Co', passages: ['News. Lumora Analytics <3 Denver. Pilot Ends.'] };
    expect(htmlText(html)).toEqual(read);
    // Fed a character at a time (a chunk ends anywhere: inside a tag, an entity, a script), the same.
    expect(htmlText(html, 1)).toEqual(read);
  });

  it('refuses a PDF whose page inflates to 1 GB before PDF.js holds it, naming the file and the limit', async () => {
    await withIndexedNote(async (folder, library) => {
      const file = await inflatingPdf(folder, 1024);
      expect(await library.index(folder)).toEqual({
        added: 0,
        updated: 0,
        removed: 0,
        unchanged: 1,
        warnings: [
          {
            path: file,
            message: "not indexed: its compressed streams inflate past 48 MB, the limit for a PDF's text",
          },
        ],
      });
    });
  });

  it('refuses a PDF of 60 KB whose page inflates to 60 MB, which PDF.js would hold outside its heap at twice that', async () => {
    await withIndexedNote(async (folder, library) => {
      const file = await inflatingPdf(folder, 60);
      expect(await library.index(folder)).toMatchObject({
        added: 0,
        warnings: [
          { path: file, message: "not indexed: its compressed streams inflate past 48 MB, the limit for a PDF's text" },
        ],
      });
    });
  });

  it('stops the reader of a PDF whose one page of 46 MB of blank content sits inside the inflation budget, naming the file and the memory limit, and reads the next file', async () => {
    // PDF.js holds the page in a buffer that doubles (64 MB, and the 32 MB one while it copies): the reader
    // grows past what real PDFs need, so the memory watch stops it where the inflation budget lets it through.
    await withIndexedNote(async (folder, library) => {
      const file = await inflatingPdf(folder, 46);
      await expectRefusedThenNextRead(
        folder,
        library,
        file,
        "not indexed: reading it needed more than 48 MB of the app's memory, the limit for one file",
      );
    });
  });

  it('reads a 300-page PDF under the memory watch, first in its worker and after another PDF', async () => {
    // The watch's allowances must leave room for real documents: the first file pays the worker's start too.
    await withIndexedNote(async (folder, library) => {
      const pdf = await PDFDocument.create();
      const font = await pdf.embedFont(StandardFonts.Helvetica);
      for (let number = 1; number <= 300; number++) {
        const page = pdf.addPage([612, 792]);
        for (let line = 0; line < 45; line++)
          page.drawText(`Page ${number}, line ${line}: Lumora Analytics expanded its forecasting service.`, {
            x: 40,
            y: 760 - line * 16,
            size: 9,
            font,
          });
      }
      const bytes = await pdf.save();
      fs.writeFileSync(path.join(folder, 'report.pdf'), bytes);
      expect(await library.index(folder)).toMatchObject({ added: 1, warnings: [] });
      fs.writeFileSync(path.join(folder, 'report-copy.pdf'), bytes);
      fs.writeFileSync(path.join(folder, 'report.pdf'), Buffer.concat([bytes, Buffer.from('\n')]));
      expect(await library.index(folder)).toMatchObject({ added: 1, updated: 1, warnings: [] });
      expect(library.search('Page 300 line 44 forecasting', 5, false).length).toBeGreaterThan(0);
    });
  });

  it('stops the reader of a PDF whose filter name hides its 200 MB page from the inflation check, naming the file and the memory limit', async () => {
    await withIndexedNote(async (folder, library) => {
      const file = escapeFilterNames(await inflatingPdf(folder, 200));
      await expectRefusedThenNextRead(
        folder,
        library,
        file,
        "not indexed: reading it needed more than 48 MB of the app's memory, the limit for one file",
      );
    });
  });

  it('stops the reader of a 20 KB PDF whose one piece of text is 20 MB long, naming the file and the memory limit, and reads the next file', async () => {
    // One `Tj`, so no count of pieces stops it, and 20 MB inflated is inside the inflation budget; PDF.js
    // builds the string a character at a time, in arrays of the string's length.
    await withIndexedNote(async (folder, library) => {
      const file = await inflatingPdf(folder, 20, 'one string');
      await expectRefusedThenNextRead(
        folder,
        library,
        file,
        "not indexed: reading it needed more than 48 MB of the app's memory, the limit for one file",
      );
    });
  });

  it('refuses a page of 3,000,000 pieces of text before PDF.js builds them, naming the file and the limit', async () => {
    await withIndexedNote(async (folder, library) => {
      const file = await inflatingPdf(folder, 30, 'text');
      expect(await library.index(folder)).toEqual({
        added: 0,
        updated: 0,
        removed: 0,
        unchanged: 1,
        warnings: [
          {
            path: file,
            message:
              'not indexed: a page draws more than 200,000 pieces of text (a dense page of text has a few thousand), more than the library reads',
          },
        ],
      });
    });
  });

  it('refuses a page whose 3,000,000 pieces of text are split over 30 streams (none past the limit alone), naming the file, the page and the limit, and reads the next file', async () => {
    await withIndexedNote(async (folder, library) => {
      const file = await inflatingPdf(folder, 30, 'text in many streams');
      await expectRefusedThenNextRead(
        folder,
        library,
        file,
        'not indexed: page 1 draws more than 200,000 pieces of text (a dense page of text has a few thousand), more than the library reads',
      );
    });
  });

  it('refuses a page by its pieces of text before inflating its next stream, a 200 MB one the inflation check cannot see', async () => {
    // PDF.js inflates all of a page's streams before parsing any when the thread has a DecompressionStream:
    // then the 200 MB are held and the memory watch, not the count, stops the reader.
    await withIndexedNote(async (folder, library) => {
      const file = await textBeforeHiddenBombPdf(folder);
      await expectRefusedThenNextRead(
        folder,
        library,
        file,
        'not indexed: page 1 draws more than 200,000 pieces of text (a dense page of text has a few thousand), more than the library reads',
      );
    });
  });

  it('refuses a page of 55 KB of streams that draws one form of 1,000 pieces of text 5,000 times, naming the page and the limit', async () => {
    await withIndexedNote(async (folder, library) => {
      const file = await repeatedFormPdf(folder);
      expect(await library.index(folder)).toEqual({
        added: 0,
        updated: 0,
        removed: 0,
        unchanged: 1,
        warnings: [
          {
            path: file,
            message:
              'not indexed: page 1 draws more than 200,000 pieces of text (a dense page of text has a few thousand), more than the library reads',
          },
        ],
      });
    });
  });

  it('indexes a page that draws a form of one 10 KB line 12 times up to the text limit, with a warning naming it', async () => {
    await withIndexedNote(
      async (folder, library) => {
        const file = await repeatedFormPdf(folder, 12, 1, 'x'.repeat(10 * 1024));
        expect(await library.index(folder)).toEqual({
          added: 1,
          updated: 0,
          removed: 0,
          unchanged: 1,
          warnings: [
            {
              path: file,
              message: "only its text up to page 1 of 1 is indexed: it reaches 0.1 MB, the limit for a document's text",
            },
          ],
        });
        // The page is indexed in passages (none over PASSAGE_CHARS) whose text adds up to the limit.
        const page = library.search('Lumora Analytics', 5, true).filter((hit) => hit.url.includes('repeated-form'));
        expect(page.map((hit) => hit.url)).toEqual([
          `${pathToFileURL(file).href}#page=1`,
          `${pathToFileURL(file).href}#page=1`,
        ]);
        expect(page.map((hit) => hit.rawContent!.length).sort()).toEqual(
          [100 * 1024 - PASSAGE_CHARS, PASSAGE_CHARS].sort(),
        );
        expect(page.some((hit) => hit.rawContent!.startsWith('Lumora Analytics'))).toBe(true);
      },
      { maxTextBytes: 100 * 1024 },
    );
  });

  it('reads the text of a page that draws the same form a few times, each time', async () => {
    const file = await repeatedFormPdf(tempDir(), 3, 2);
    const { pages } = await readPdfText(fs.readFileSync(file), { maxPages: 10, maxTextChars: 1000 });
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Lumora Analytics');
    expect(pages[0]!.match(/x/g)).toHaveLength(6);
  });

  it('does not read a text or HTML file over the size limit', async () => {
    await withIndexedNote(
      async (folder, library) => {
        const file = path.join(folder, 'dump.html');
        fs.writeFileSync(file, `<p>${'Lumora '.repeat(300)}</p>`);
        expect(await library.index(folder)).toMatchObject({
          added: 0,
          unchanged: 1,
          warnings: [{ path: file, message: 'not indexed: 0.0 MB is over the 0.0 MB limit for a text or HTML file' }],
        });
      },
      { maxTextBytes: 1024 },
    );
  });
});
