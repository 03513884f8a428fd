import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentToOpen } from '../../src/core/research/library-service';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { openApp, startHarness, type Harness } from './support/app';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

/** A research folder as an analyst keeps one: call notes, a saved page (with markup in its text) and a deck. */
async function researchFolder(): Promise<string> {
  const folder = tempDir();
  fs.writeFileSync(
    path.join(folder, 'call-notes.md'),
    '# Lumora call notes\ndate: 2025-02-03\n\nLumora Analytics asked for a pilot quote covering the Denver warehouses.',
  );
  fs.writeFileSync(
    path.join(folder, 'saved-page.html'),
    '<html><head><title>Lumora rumours</title></head><body><p>Lumora &lt;img src=x onerror="document.title=1"&gt; pilot stalled, says a forum post.</p></body></html>',
  );
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText('Lumora Analytics: board deck', { x: 56, y: 720, size: 14, font });
  pdf.addPage().drawText('The pilot is priced at 40,000 euros for Lumora.', { x: 56, y: 720, size: 11, font });
  fs.writeFileSync(path.join(folder, 'board-deck.pdf'), await pdf.save());
  return folder;
}

describe('Research library (e2e)', () => {
  it('chooses the folder, indexes it, searches with marked words and opens a PDF hit at its page', async () => {
    const folder = await researchFolder();
    const services = testServices();
    const opened: DocumentToOpen[] = [];
    try {
      const { page, screenshot, pickNext } = await openApp(harness, services, {
        openDocument: async (document) => {
          opened.push(document);
        },
      });
      await page.getByRole('button', { name: /^Library/ }).click();
      await page.getByRole('heading', { name: 'Research library', level: 1 }).waitFor();
      await page.getByText('Choose the folder that holds your research documents').waitFor();

      pickNext(folder);
      await page.getByRole('button', { name: 'Browse…' }).click();
      await page.getByRole('button', { name: 'Index folder' }).click();
      const folderCard = page.getByRole('region', { name: 'Research folder' });
      await expect
        .poll(() => folderCard.getByRole('status').textContent(), { timeout: 30_000 })
        .toBe('Indexed: 3 added, 0 updated, 0 removed, 0 unchanged.');
      expect(services.settings.read().researchFolder).toBe(folder);

      const search = page.getByRole('region', { name: 'Search the library' });
      await search.getByRole('textbox', { name: 'Search the library' }).fill('Lumora pilot');
      await search.getByRole('button', { name: 'Search' }).click();
      const hits = search.getByRole('list', { name: 'Library hits' });
      await hits.waitFor();
      // Each PDF page is its own hit.
      expect(await hits.getByRole('listitem').count()).toBe(4);
      const marked = await hits.locator('mark').allInnerTexts();
      expect(new Set(marked.map((m) => m.toLowerCase()))).toEqual(new Set(['lumora', 'pilot']));
      // The saved page's markup is shown as text, never run.
      expect(await hits.innerText()).toContain('<img src=x onerror="document.title=1">');
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.title()).not.toBe('1');
      await screenshot('library-search');

      await hits.getByRole('button', { name: 'Open at page 2' }).click();
      await expect
        .poll(() => search.getByRole('status').textContent())
        .toBe(`Opened ${fs.realpathSync(path.join(folder, 'board-deck.pdf'))} at page 2.`);
      expect(opened).toEqual([
        {
          path: fs.realpathSync(path.join(folder, 'board-deck.pdf')),
          page: 2,
          url: expect.stringMatching(/^file:\/\/.*board-deck\.pdf#page=2$/),
        },
      ]);

      // A second run reads nothing new.
      await page.getByRole('button', { name: 'Index folder' }).click();
      await expect
        .poll(() => folderCard.getByRole('status').textContent(), { timeout: 30_000 })
        .toBe('Indexed: 0 added, 0 updated, 0 removed, 3 unchanged.');
      await screenshot('library-indexed');
    } finally {
      services.close();
    }
  });
});
