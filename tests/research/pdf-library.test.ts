import { setTimeout as delay } from 'node:timers/promises';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument, PDFHexString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir';
import { databaseBefore } from '../support/database-before';
import { testServices } from '../support/services';
import { runCli } from '../support/run-cli';
import { openDatabase } from '../../src/core/store/database';
import { DEFAULT_LIMITS, ResearchLibrary, type LibraryLimits } from '../../src/core/research/library';

/** A real PDF (pdf-lib, standard font): each inner array is one page's lines. */
async function makePdf(pages: string[][], title?: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  if (title) pdf.setTitle(title);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([612, 792]);
    lines.forEach((line, i) => page.drawText(line, { x: 56, y: 720 - i * 18, size: 11, font }));
  }
  return pdf.save();
}

/**
 * A PDF that declares password encryption (standard security handler) whose user password is not empty: a
 * reader must ask for the password before it can read anything, as for a protected report.
 */
async function makeEncryptedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText('Lumora Analytics confidential forecast', { x: 56, y: 720, size: 11, font });
  const bytes = (n: number) => PDFHexString.of('ab'.repeat(n));
  pdf.context.trailerInfo.Encrypt = pdf.context.obj({
    Filter: 'Standard',
    V: 1,
    R: 2,
    Length: 40,
    P: -4,
    O: bytes(32),
    U: bytes(32),
  });
  pdf.context.trailerInfo.ID = pdf.context.obj([bytes(16), bytes(16)]);
  return pdf.save({ useObjectStreams: false });
}

function write(folder: string, name: string, content: string | Uint8Array, mtime?: Date): string {
  const file = path.join(folder, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  if (mtime) fs.utimesSync(file, mtime, mtime);
  return file;
}

function openLibrary(limits: Partial<LibraryLimits> = {}) {
  const db = openDatabase(tempDir());
  return {
    library: new ResearchLibrary(db, { limits: { ...DEFAULT_LIMITS, ...limits } }),
    db,
    close: () => db.close(),
  };
}

const day = (n: number) => new Date(Date.UTC(2025, 0, n));

const BOARD_PACK = [
  ['Lumora Analytics board pack', 'Quarter in review: revenue grew 40 percent.'],
  ['Lumora Analytics opened a fulfilment centre in Boise, Idaho.', 'The Boise site serves grocery customers.'],
  ['Appendix: glossary of terms.'],
];

describe('research library PDFs', () => {
  it('finds text on page 2 with a page locator, titled from the PDF metadata', async () => {
    const folder = tempDir();
    const file = write(folder, 'reports/board pack.pdf', await makePdf(BOARD_PACK, 'Lumora board pack Q1'));
    const { library, close } = openLibrary();
    try {
      expect(await library.index(folder)).toEqual({ added: 1, updated: 0, removed: 0, unchanged: 0, warnings: [] });
      const [hit, ...rest] = library.search('Lumora Boise', 5, true);
      expect(hit).toMatchObject({ url: `${pathToFileURL(file).href}#page=2`, title: 'Lumora board pack Q1' });
      expect(hit!.rawContent).toContain('Lumora Analytics opened a fulfilment centre in Boise, Idaho.');
      expect(hit!.rawContent).not.toContain('revenue grew');
      expect(rest.map((h) => h.url)).not.toContain(`${pathToFileURL(file).href}#page=2`);
      expect(library.search('Lumora revenue', 5, false)[0]!.url).toBe(`${pathToFileURL(file).href}#page=1`);
    } finally {
      close();
    }
  });

  it('titles a PDF without metadata by its first line', async () => {
    const folder = tempDir();
    write(
      folder,
      'memo.pdf',
      await makePdf([['Corvane Robotics site visit', 'Corvane Robotics is headquartered in Pittsburgh.']]),
    );
    const { library, close } = openLibrary();
    try {
      await library.index(folder);
      expect(library.search('Corvane Pittsburgh', 1, false)[0]!.title).toBe('Corvane Robotics site visit');
    } finally {
      close();
    }
  });

  it('re-indexes incrementally: unchanged and touched PDFs are not re-read, a changed one replaces its pages, a removed one leaves', async () => {
    const folder = tempDir();
    const board = write(folder, 'board.pdf', await makePdf(BOARD_PACK, 'Board pack'), day(1));
    const memo = write(
      folder,
      'memo.pdf',
      await makePdf([['Lumora Analytics memo: budget approved for forecasting.']]),
      day(1),
    );
    const brief = write(
      folder,
      'brief.pdf',
      await makePdf([['Lumora Analytics brief: hiring a procurement lead.']]),
      day(1),
    );
    const { library, db, close } = openLibrary();
    const indexedAt = () =>
      db
        .prepare<[], { path: string; indexed_at: string }>(
          'SELECT path, indexed_at FROM research_documents ORDER BY path',
        )
        .all();
    try {
      expect(await library.index(folder)).toMatchObject({ added: 3, unchanged: 0 });
      const before = indexedAt();
      await delay(5); // a re-parse would stamp a later indexed_at
      expect(await library.index(folder)).toEqual({ added: 0, updated: 0, removed: 0, unchanged: 3, warnings: [] });

      fs.utimesSync(memo, day(2), day(2)); // touched, same bytes: hashed, not parsed
      write(
        folder,
        'board.pdf',
        await makePdf(
          [['Lumora Analytics board pack'], ['Lumora Analytics moved the fulfilment centre to Reno.']],
          'Board pack',
        ),
        day(3),
      );
      fs.rmSync(brief);
      expect(await library.index(folder)).toEqual({ added: 0, updated: 1, removed: 1, unchanged: 1, warnings: [] });
      const after = indexedAt();
      expect(after.find((r) => r.path === memo)!.indexed_at).toBe(before.find((r) => r.path === memo)!.indexed_at);
      expect(after.find((r) => r.path === board)!.indexed_at > before.find((r) => r.path === board)!.indexed_at).toBe(
        true,
      );

      expect(library.search('Boise', 5, false)).toEqual([]);
      expect(library.search('Reno', 5, false).map((h) => h.url)).toEqual([`${pathToFileURL(board).href}#page=2`]);
      expect(library.search('procurement', 5, false)).toEqual([]);
      // The old version had three pages: none is left behind.
      expect(db.prepare('SELECT count(*) AS n FROM research_fts').get()).toEqual({ n: 3 });
    } finally {
      close();
    }
  });

  it('warns about a corrupt, encrypted or truncated PDF by name and still indexes the others; a PDF that turns corrupt leaves the index', async () => {
    const folder = tempDir();
    const corrupt = write(folder, 'a-corrupt.pdf', '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer broken');
    const truncatedBytes = await makePdf(BOARD_PACK, 'Truncated');
    const truncated = write(folder, 'b-truncated.pdf', truncatedBytes.slice(0, 400));
    const locked = write(folder, 'b-locked.pdf', await makeEncryptedPdf());
    const good = write(
      folder,
      'c-good.pdf',
      await makePdf([['Quillon Dynamics is headquartered in Tallinn.']]),
      day(1),
    );
    write(folder, 'd-notes.md', '# Quillon notes\nQuillon Dynamics hired a CFO.');
    const { library, close } = openLibrary();
    try {
      const summary = await library.index(folder);
      expect(summary).toMatchObject({ added: 2, updated: 0, removed: 0, unchanged: 0 });
      expect(summary.warnings).toEqual([
        { path: corrupt, message: expect.stringMatching(/^not indexed: it is not a readable PDF \(.+\)$/) },
        { path: locked, message: 'not indexed: it is encrypted with a password' },
        { path: truncated, message: expect.stringMatching(/^not indexed: /) },
      ]);
      expect(library.search('confidential', 5, false)).toEqual([]);
      expect(library.search('Quillon Tallinn', 5, false)[0]!.url).toBe(`${pathToFileURL(good).href}#page=1`);
      expect(library.search('CFO', 5, false)).toHaveLength(1);

      write(folder, 'c-good.pdf', truncatedBytes.slice(0, 300), day(2));
      const next = await library.index(folder);
      expect(next).toMatchObject({ added: 0, updated: 0, removed: 1, unchanged: 1 });
      expect(next.warnings.map((w) => w.path)).toEqual([corrupt, locked, truncated, good]);
      expect(library.search('Tallinn', 5, false)).toEqual([]);
    } finally {
      close();
    }
  });

  it('caps a PDF by pages (first pages indexed, with a warning) and by size (not read, with a warning)', async () => {
    const folder = tempDir();
    const long = write(
      folder,
      'long.pdf',
      await makePdf([
        ['Lumora Analytics page one'],
        ['Lumora Analytics page two'],
        ['Lumora Analytics page three: Denver pilot'],
      ]),
    );
    const { library, close } = openLibrary({ maxPdfPages: 2, maxPdfBytes: 1024 * 1024 });
    try {
      const summary = await library.index(folder);
      expect(summary).toMatchObject({
        added: 1,
        warnings: [{ path: long, message: 'only the first 2 of its 3 pages are indexed (the limit per PDF)' }],
      });
      expect(library.search('two', 5, false).map((h) => h.url)).toEqual([`${pathToFileURL(long).href}#page=2`]);
      expect(library.search('Denver', 5, false)).toEqual([]);
    } finally {
      close();
    }
    const small = openLibrary({ maxPdfPages: 500, maxPdfBytes: 100 });
    try {
      const summary = await small.library.index(folder);
      expect(summary).toMatchObject({
        added: 0,
        warnings: [
          { path: long, message: expect.stringMatching(/^not indexed: .* MB is over the 0\.0 MB limit for a PDF$/) },
        ],
      });
    } finally {
      small.close();
    }
  });

  it('crm-intel library index names a broken PDF and indexes the rest', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    write(folder, 'deck.pdf', await makePdf([['Lumora Analytics signed a pilot with a grocery chain.']]));
    const broken = write(folder, 'scan.pdf', 'not a pdf at all');
    const services = testServices({ dataDir });
    services.settings.update({ researchFolder: folder } as never);
    services.close();
    const indexed = await runCli(['library', 'index', '--data-dir', dataDir]);
    expect(indexed.code).toBe(0);
    expect(indexed.stdout).toMatch(/1 added, 0 updated, 0 removed, 0 unchanged/);
    expect(indexed.stdout).toContain(`Warning: ${broken}: not indexed: it is not a readable PDF`);
    const found = await runCli(['library', 'search', 'Lumora pilot', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(found.stdout)).toEqual([
      expect.objectContaining({ url: expect.stringMatching(/deck\.pdf#page=1$/) }),
    ]);
  });

  it('keeps a library indexed before PDF support searchable after the upgrade, without re-reading it', async () => {
    const folder = tempDir();
    const notes = write(folder, 'notes.md', '# Lumora notes\nLumora Analytics signed a pilot in Denver.');
    const dataDir = tempDir();
    const old = databaseBefore(8, dataDir);
    // As the library stored a document before migration 008: its FTS row keyed by the document's id.
    const stat = fs.statSync(notes);
    const id = old
      .prepare(
        "INSERT INTO research_documents (path, title, mtime_ms, size, sha256, indexed_at) VALUES (?, 'Lumora notes', ?, ?, 'old-hash', '2025-01-01')",
      )
      .run(notes, Math.trunc(stat.mtimeMs), stat.size).lastInsertRowid;
    old
      .prepare(
        "INSERT INTO research_fts (rowid, title, body) VALUES (?, 'Lumora notes', 'Lumora Analytics signed a pilot in Denver.')",
      )
      .run(id);
    old.close();

    const db = openDatabase(dataDir);
    try {
      const library = new ResearchLibrary(db);
      expect(library.search('Lumora Denver', 5, false)).toEqual([
        expect.objectContaining({ url: pathToFileURL(notes).href, title: 'Lumora notes' }),
      ]);
      expect(await library.index(folder)).toEqual({ added: 0, updated: 0, removed: 0, unchanged: 1, warnings: [] });
      fs.rmSync(notes);
      expect(await library.index(folder)).toMatchObject({ removed: 1 });
      expect(
        db
          .prepare(
            'SELECT (SELECT count(*) FROM research_fts) AS fts, (SELECT count(*) FROM research_passages) AS passages',
          )
          .get(),
      ).toEqual({ fts: 0, passages: 0 });
    } finally {
      db.close();
    }
  });

  it('gives a lookup facts that cite the PDF page they were read on', async () => {
    const folder = tempDir();
    write(
      folder,
      'quillon-brief.pdf',
      await makePdf(
        [
          ['Quillon Dynamics investor brief'],
          [
            'Quillon Dynamics is a drone software company headquartered in Tallinn, Estonia.',
            'Mari Tamm is the Chief Executive Officer of Quillon Dynamics.',
          ],
        ],
        'Quillon Dynamics brief',
      ),
    );
    const services = testServices();
    try {
      services.settings.update({ researchFolder: folder, intel: { extraction: 'deterministic' } } as never);
      const report = await services.intel.lookup('Quillon Dynamics');
      const page2 = `${pathToFileURL(path.join(folder, 'quillon-brief.pdf')).href}#page=2`;
      expect(report.overview.headquarters).toEqual([{ value: 'Tallinn, Estonia', sources: [page2] }]);
      expect(report.executives).toEqual([expect.objectContaining({ name: 'Mari Tamm', sources: [page2] })]);
      const fact = report.facts.find((f) => f.section === 'overview' && f.text.includes('Tallinn'));
      expect(fact).toMatchObject({
        source: { url: page2, title: 'Quillon Dynamics brief' },
        evidence: expect.stringContaining('headquartered in Tallinn, Estonia'),
      });
      expect(report.sources.find((s) => s.url === page2)).toMatchObject({ provider: 'library' });
    } finally {
      services.close();
    }
  });

  it('lets two processes index the same folder at once (the app and the command line) without duplicating a document', async () => {
    const folder = tempDir();
    write(folder, 'board.pdf', await makePdf(BOARD_PACK, 'Board pack'));
    write(folder, 'memo.pdf', await makePdf([['Lumora Analytics memo']]));
    const dataDir = tempDir();
    const [appDb, cliDb] = [openDatabase(dataDir), openDatabase(dataDir)];
    try {
      const summaries = await Promise.all([
        new ResearchLibrary(appDb).index(folder),
        new ResearchLibrary(cliDb).index(folder),
      ]);
      expect(summaries.map((s) => s.warnings)).toEqual([[], []]);
      expect(
        appDb
          .prepare(
            'SELECT (SELECT count(*) FROM research_documents) AS documents, (SELECT count(*) FROM research_passages) AS passages, (SELECT count(*) FROM research_fts) AS fts',
          )
          .get(),
      ).toEqual({ documents: 2, passages: 4, fts: 4 });
    } finally {
      appDb.close();
      cliDb.close();
    }
  });
});
