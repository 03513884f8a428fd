import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { dispatch } from '../../src/core/ipc/dispatch';
import { createHandlers } from '../../src/core/ipc/handlers';
import type { DocumentToOpen } from '../../src/core/research/library-service';
import type { AppServices } from '../../src/core/services/app-services';
import { openDatabase } from '../../src/core/store/database';
import { ResearchLibrary } from '../../src/core/research/library';
import { highlightSegments, HIGHLIGHT_MARKS } from '../../src/core/research/highlight';

let services: AppServices | undefined;
afterEach(() => {
  services?.close();
  services = undefined;
});

async function writePdf(file: string, pages: string[]): Promise<void> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const line of pages) pdf.addPage().drawText(line, { x: 56, y: 720, size: 11, font });
  fs.writeFileSync(file, await pdf.save());
}

/** A research folder with notes (one hostile), a two-page PDF and a script, indexed; and what main was asked to open. */
async function indexedLibrary() {
  const folder = tempDir();
  fs.writeFileSync(
    path.join(folder, 'notes.md'),
    '# Lumora notes\nLumora Analytics asked for a pilot quote in Denver.',
  );
  fs.writeFileSync(
    path.join(folder, 'hostile.html'),
    '<html><head><title>Lumora rumours</title></head><body><p>Lumora &lt;img src=x onerror=alert(1)&gt; pilot</p></body></html>',
  );
  await writePdf(path.join(folder, 'deck.pdf'), ['Quarterly deck', 'Lumora Analytics pilot pricing on page two.']);
  fs.writeFileSync(path.join(folder, 'run.sh'), '#!/bin/sh\necho Lumora\n');
  services = testServices();
  services.settings.update({ researchFolder: folder } as never);
  const opened: DocumentToOpen[] = [];
  const handlers = createHandlers(services, undefined, {
    openDocument: async (document) => {
      opened.push(document);
    },
  });
  expect(await dispatch(handlers, 'intel:libraryIndex', {})).toMatchObject({ ok: true, data: { added: 3 } });
  return { folder, handlers, opened };
}

describe('the research library in the app', () => {
  it('finds passages with the matched words as segments, document text kept as text', async () => {
    const { folder, handlers } = await indexedLibrary();
    const found = await dispatch(handlers, 'intel:librarySearch', { query: 'Lumora pilot' });
    if (!found.ok) throw new Error(found.error.message);
    const hits = found.data as { path: string; page: number | null; passage: { text: string; match: boolean }[] }[];
    expect(hits.map((h) => [path.basename(h.path), h.page]).sort()).toEqual([
      ['deck.pdf', 2],
      ['hostile.html', null],
      ['notes.md', null],
    ]);
    const hostile = hits.find((h) => h.path === path.join(folder, 'hostile.html'))!;
    expect(hostile.passage).toEqual([
      { text: 'Lumora', match: true },
      { text: ' <img src=x onerror=alert(1)> ', match: false },
      { text: 'pilot', match: true },
      { text: '.', match: false },
    ]);
    const notes = hits.find((h) => h.path.endsWith('notes.md'))!;
    expect(notes.passage.filter((s) => s.match).map((s) => s.text)).toEqual(['Lumora', 'Lumora', 'pilot']);
  });

  it('splits marked snippets, dropping stray and unbalanced marks', () => {
    const [open, close] = HIGHLIGHT_MARKS;
    expect(highlightSegments(`a ${open}b${close} c`)).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
      { text: ' c', match: false },
    ]);
    expect(highlightSegments(`x${close}y${open}${open}z`)).toEqual([
      { text: 'xy', match: false },
      { text: 'z', match: true },
    ]);
    expect(highlightSegments('')).toEqual([]);
  });

  it('opens an indexed document of the folder, a PDF at its page, and nothing else', async () => {
    const { folder, handlers, opened } = await indexedLibrary();
    const deck = path.join(folder, 'deck.pdf');
    expect(await dispatch(handlers, 'intel:libraryOpen', { path: deck, page: 2 })).toEqual({
      ok: true,
      data: { path: fs.realpathSync(deck), page: 2 },
    });
    expect(opened.at(-1)!.url).toMatch(/^file:\/\/.*deck\.pdf#page=2$/);
    // A page of a document that has none is dropped.
    await dispatch(handlers, 'intel:libraryOpen', { path: path.join(folder, 'notes.md'), page: 3 });
    expect(opened.at(-1)).toMatchObject({ page: null, url: expect.stringMatching(/notes\.md$/) });
    const count = opened.length;

    const outside = path.join(tempDir(), 'secret.md');
    fs.writeFileSync(outside, 'Lumora secret');
    for (const file of [
      outside, // not the library's
      path.join(folder, 'run.sh'), // in the folder, but a script: opening it would run it
      `${folder}/../${path.basename(folder)}/notes.md`, // not the path as indexed
      'notes.md', // relative
    ])
      expect(await dispatch(handlers, 'intel:libraryOpen', { path: file })).toMatchObject({
        ok: false,
        error: { code: 'not_in_library' },
      });

    // An indexed file replaced by a link to a file outside the folder is not followed out of it.
    fs.rmSync(path.join(folder, 'notes.md'));
    fs.symlinkSync(outside, path.join(folder, 'notes.md'));
    expect(await dispatch(handlers, 'intel:libraryOpen', { path: path.join(folder, 'notes.md') })).toMatchObject({
      ok: false,
      error: { code: 'not_in_library' },
    });
    // A document of the folder chosen before is no longer the library's.
    services!.settings.update({ researchFolder: tempDir() } as never);
    expect(await dispatch(handlers, 'intel:libraryOpen', { path: deck, page: 1 })).toMatchObject({
      ok: false,
      error: { code: 'not_in_library' },
    });
    expect(opened).toHaveLength(count);
  });

  it('reports progress and, when cancelled, keeps what it read and reads the rest next time', async () => {
    const folder = tempDir();
    for (const name of ['a.md', 'b.md', 'c.md']) fs.writeFileSync(path.join(folder, name), `Lumora note ${name}`);
    services = testServices();
    services.settings.update({ researchFolder: folder } as never);
    const handlers = createHandlers(services);
    const progress: { done: number; total: number }[] = [];
    const cancelled = await dispatch(
      handlers,
      'intel:libraryIndex',
      { indexId: 'i1' },
      {
        emit: (event, payload) => {
          if (event !== 'intel:libraryProgress') return;
          const { done, total, indexId } = payload as { done: number; total: number; indexId: string };
          expect(indexId).toBe('i1');
          progress.push({ done, total });
          if (done === 1) void dispatch(handlers, 'intel:libraryCancel', { indexId: 'i1' });
        },
      },
    );
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(progress.slice(0, 2)).toEqual([
      { done: 0, total: 3 },
      { done: 1, total: 3 },
    ]);
    const again = await dispatch(handlers, 'intel:libraryIndex', {});
    if (!again.ok) throw new Error(again.error.message);
    const summary = again.data as { added: number; unchanged: number; removed: number };
    expect(summary.removed).toBe(0);
    expect(summary.added + summary.unchanged).toBe(3);
    expect(summary.unchanged).toBeGreaterThanOrEqual(1);
    expect(await dispatch(handlers, 'intel:libraryCancel', { indexId: 'i1' })).toEqual({
      ok: true,
      data: { cancelled: false },
    });
  });

  it('cancelled in this thread between documents, stores only those read and removes nothing', async () => {
    const folder = tempDir();
    for (const name of ['a.md', 'b.md', 'c.md']) fs.writeFileSync(path.join(folder, name), `Quillon memo ${name}`);
    const db = openDatabase(tempDir());
    try {
      const library = new ResearchLibrary(db);
      await library.index(folder);
      fs.rmSync(path.join(folder, 'c.md'));
      for (const name of ['a.md', 'b.md']) fs.writeFileSync(path.join(folder, name), `Quillon memo ${name} changed`);
      const controller = new AbortController();
      await expect(
        library.index(folder, {
          signal: controller.signal,
          onProgress: ({ done }) => done === 1 && controller.abort(),
        }),
      ).rejects.toMatchObject({ name: 'AbortError' });
      expect(library.passages('changed', 10).map((h) => path.basename(h.path))).toEqual(['a.md']);
      expect(library.has(path.join(folder, 'c.md'))).toBe(true);
      expect(await library.index(folder)).toMatchObject({ updated: 1, unchanged: 1, removed: 1 });
    } finally {
      db.close();
    }
  });
});
