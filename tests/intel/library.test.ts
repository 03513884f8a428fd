import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { runCli } from '../support/run-cli';
import { openDatabase } from '../../src/core/store/database';
import { ResearchLibrary } from '../../src/core/research/library';
import { FILE_WORKER_HEAP } from '../../src/core/jobs/file-worker';

function write(folder: string, name: string, content: string, mtime?: Date): string {
  const file = path.join(folder, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  if (mtime) fs.utimesSync(file, mtime, mtime);
  return file;
}

function library() {
  const db = openDatabase(tempDir());
  return { library: new ResearchLibrary(db), close: () => db.close() };
}

const day = (n: number) => new Date(Date.UTC(2025, 0, n));

describe('research library', () => {
  it('indexes Markdown, text and HTML incrementally: new, changed, touched-but-same and removed files', async () => {
    const folder = tempDir();
    const notes = write(
      folder,
      'notes/lumora.md',
      '# Lumora call notes\ndate: 2025-02-03\n\nLumora Analytics plans a warehouse pilot in Denver.',
      day(1),
    );
    const page = write(
      folder,
      'lumora.html',
      '<html><head><title>Lumora press kit</title><script>var Lumora = 1;</script></head><body><p>Lumora Analytics &amp; partners launch Shelf.</p></body></html>',
      day(1),
    );
    const text = write(folder, 'memo.txt', 'Lumora Analytics memo: budget approved for forecasting.', day(1));
    const brokenPdf = write(folder, 'deck.pdf', '%PDF-1.4 Lumora');
    const brokenWarning = [{ path: brokenPdf, message: expect.stringMatching(/not a readable PDF/) }];
    write(folder, '.drafts/hidden.md', 'Lumora hidden draft');
    const { library: lib, close } = library();
    try {
      expect(await lib.index(folder)).toEqual({
        added: 3,
        updated: 0,
        removed: 0,
        unchanged: 0,
        warnings: brokenWarning,
      });
      expect(await lib.index(folder)).toEqual({
        added: 0,
        updated: 0,
        removed: 0,
        unchanged: 3,
        warnings: brokenWarning,
      });

      write(
        folder,
        'notes/lumora.md',
        '# Lumora call notes\ndate: 2025-02-03\n\nLumora Analytics moved the pilot to Boise.',
        day(2),
      );
      fs.utimesSync(text, day(3), day(3)); // touched, same bytes
      fs.rmSync(page);
      write(
        folder,
        'new.md',
        '# Lumora hiring\nPublished 2025-03-04\n\nLumora Analytics is hiring a procurement lead.',
        day(2),
      );
      expect(await lib.index(folder)).toEqual({
        added: 1,
        updated: 1,
        removed: 1,
        unchanged: 1,
        warnings: brokenWarning,
      });

      expect(lib.search('Lumora Denver', 10, false).some((h) => h.content.includes('Denver'))).toBe(false);
      expect(lib.search('Lumora Boise', 10, false)[0]).toMatchObject({
        url: pathToFileURL(notes).href,
        title: 'Lumora call notes',
        publishedDate: '2025-02-03',
      });
      expect(lib.search('Lumora procurement', 10, false)[0]).toMatchObject({
        title: 'Lumora hiring',
        publishedDate: '2025-03-04',
      });
      expect(lib.search('Lumora Shelf', 10, false).map((h) => h.title)).not.toContain('Lumora press kit');
      expect(lib.search('hidden', 10, false)).toEqual([]);
    } finally {
      close();
    }
  });

  it('answers in the search providers’ result shape, best match first, raw text only when asked', async () => {
    const folder = tempDir();
    write(
      folder,
      'a.html',
      '<title>Corvane site</title><p>Corvane Robotics is headquartered in Pittsburgh.</p><style>.x{}</style>',
    );
    write(folder, 'b.md', '# Corvane mention\nCorvane appears once here.');
    const { library: lib, close } = library();
    try {
      await lib.index(folder);
      const hits = lib.search('Corvane Pittsburgh headquartered', 5, false);
      expect(hits.map((h) => h.title)).toEqual(['Corvane site', 'Corvane mention']);
      for (const hit of hits) {
        expect(Object.keys(hit).sort()).toEqual(['content', 'publishedDate', 'rawContent', 'score', 'title', 'url']);
        expect(hit.url).toMatch(/^file:\/\//);
        expect(hit.rawContent).toBeNull();
        expect(hit.score).toBeGreaterThan(0);
        expect(hit.score).toBeLessThanOrEqual(1);
      }
      expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
      const full = lib.search('Corvane', 1, true)[0]!;
      expect(full.rawContent).toMatch(/Corvane/);
      expect(full.rawContent).not.toMatch(/<|\.x\{/);
      expect(lib.search('"; DROP TABLE research_fts; --', 5, false)).toEqual([]);
    } finally {
      close();
    }
  });

  it('is the search provider when no web key is set: a sourced report with no network', async () => {
    const folder = tempDir();
    write(
      folder,
      'quillon.md',
      '# Quillon Dynamics brief\ndate: 2025-03-01\n\nQuillon Dynamics is a drone software company headquartered in Tallinn, Estonia. Mari Tamm is the Chief Executive Officer of Quillon Dynamics.',
    );
    const services = testServices();
    const jobs = vi.spyOn(services.jobs, 'run');
    try {
      services.settings.update({ researchFolder: folder, intel: { extraction: 'deterministic' } } as never);
      const report = await services.intel.lookup('Quillon Dynamics');
      // The lookup indexed the folder on its own, off the calling thread: in a document-reading worker under
      // the file heap limits, stopped by a signal (the time and memory watch), not in the app's main thread.
      expect(jobs).toHaveBeenCalledWith(
        'research.read',
        { files: [path.join(folder, 'quillon.md')], limits: expect.anything() },
        expect.objectContaining({ resourceLimits: FILE_WORKER_HEAP, signal: expect.any(AbortSignal) }),
      );
      expect(report.overview.headquarters.map((v) => v.value)).toEqual(['Tallinn, Estonia']);
      expect(report.executives.map((e) => e.name)).toEqual(['Mari Tamm']);
      expect(report.sources.every((s) => s.url.startsWith('file://') && s.provider === 'library')).toBe(true);
      expect(report.run.providerCalls).toBe(0);
    } finally {
      services.close();
    }
  });
});

describe('crm-intel library', () => {
  it('indexes the folder from settings and searches it', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    write(folder, 'lumora.md', '# Lumora notes\nLumora Analytics signed a pilot with a grocery chain.');
    const services = testServices({ dataDir });
    services.settings.update({ researchFolder: folder } as never);
    services.close();
    const indexed = await runCli(['library', 'index', '--data-dir', dataDir]);
    expect(indexed.stdout).toMatch(/1 added, 0 updated, 0 removed, 0 unchanged/);
    const found = await runCli(['library', 'search', 'Lumora pilot', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(found.stdout)).toEqual([
      expect.objectContaining({ title: 'Lumora notes', url: expect.stringMatching(/^file:.*lumora\.md$/) }),
    ]);
    const none = await runCli(['library', 'index', '--data-dir', tempDir()]);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/No research folder is set/);
  });
});
