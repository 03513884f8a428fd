import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir';
import { JobRunner } from '../../src/core/jobs/runner';
import { openDatabase } from '../../src/core/store/database';
import { ResearchLibrary } from '../../src/core/research/library';
import type { DocumentPart, DocumentRead } from '../../src/core/research/documents';
import { workerDocumentReader } from '../../src/core/research/worker-reader';
import { PASSAGE_CHARS } from '../../src/core/research/passages';

async function writePdf(folder: string, name: string, line: string): Promise<string> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText(line, { x: 56, y: 720, size: 11, font });
  const file = path.join(folder, name);
  fs.writeFileSync(file, await pdf.save());
  return file;
}

describe('document reading in a job worker', () => {
  it('reads each PDF in a worker thread and reports an unreadable one without failing the rest', async () => {
    const folder = tempDir();
    const broken = path.join(folder, 'a.pdf');
    fs.writeFileSync(broken, '%PDF-1.4 nothing else');
    const good = await writePdf(folder, 'b.pdf', 'Lumora Analytics signed a pilot.');
    const reads: (DocumentPart | DocumentRead)[] = [];
    await workerDocumentReader(new JobRunner())([broken, good], { maxPdfPages: 10, maxPdfTextChars: 1000 }, (read) =>
      reads.push(read),
    );
    expect(reads).toEqual([
      { file: broken, error: expect.stringMatching(/^it is not a readable PDF/) },
      {
        file: good,
        sha256: expect.any(String),
        title: 'Lumora Analytics signed a pilot.',
        passage: { page: 1, text: 'Lumora Analytics signed a pilot.' },
      },
      {
        file: good,
        sha256: expect.any(String),
        title: 'Lumora Analytics signed a pilot.',
        publishedDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), // pdf-lib's creation date
        warnings: [],
      },
    ]);
  });

  it('stops a worker whose PDF takes longer than the limit, warns about that file and reads the rest in a new worker', async () => {
    const folder = tempDir();
    const first = await writePdf(folder, 'a.pdf', 'Quillon Dynamics is headquartered in Tallinn.');
    const second = await writePdf(folder, 'b.pdf', 'Quillon Dynamics hired a CFO.');
    // A 1 ms limit: no worker even starts in time, so every file meets it, one worker each.
    const starts: string[][] = [];
    const jobs = new JobRunner({ cancelGraceMs: 50 });
    const counting: Pick<JobRunner, 'run'> = {
      run: (job, input, options) => {
        starts.push([...(input as { files: string[] }).files]);
        return jobs.run(job, input, options);
      },
    };
    const db = openDatabase(tempDir());
    try {
      const summary = await new ResearchLibrary(db, {
        readDocuments: workerDocumentReader(counting, { timeMs: 1 }),
      }).index(folder);
      expect(summary).toMatchObject({
        added: 0,
        warnings: [
          { path: first, message: 'not indexed: reading it took longer than 1 ms' },
          { path: second, message: 'not indexed: reading it took longer than 1 ms' },
        ],
      });
      expect(starts).toEqual([[first, second], [second]]);
      // Nothing half-read was stored: a reader with time indexes both.
      expect(await new ResearchLibrary(db, { readDocuments: workerDocumentReader(jobs) }).index(folder)).toMatchObject({
        added: 2,
        warnings: [],
      });
    } finally {
      db.close();
    }
  });

  it('stops a worker that reaches its heap limit, warns about that file naming the limit, loses nothing and reads the rest in a new worker', async () => {
    // Every bad file known is stopped before the app's 128 MB (by caps or the memory watch), so a smaller limit
    // on the same reader: 16 MB reads notes (8 MB did), not a PDF of 150 pages (40 it did), whose text PDF.js
    // hands over whole. Text files no longer reach it: they are read in chunks (the next test).
    const heapMb = 16;
    const heap = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 4 };
    const folder = tempDir();
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    for (let p = 1; p <= 150; p++)
      for (let line = 0; line < 45; line++)
        (line === 0 ? pdf.addPage() : pdf.getPages().at(-1)!).drawText(`Quillon Dynamics page ${p} line ${line}.`, {
          x: 40,
          y: 760 - line * 16,
          size: 9,
          font,
        });
    const report = path.join(folder, 'a-report.pdf');
    fs.writeFileSync(report, await pdf.save());
    fs.writeFileSync(path.join(folder, 'b-note.md'), '# Quillon call\nQuillon Dynamics plans a pilot in Tallinn.');
    fs.writeFileSync(path.join(folder, 'c-memo.txt'), 'Quillon Dynamics memo about Riga.');
    const db = openDatabase(tempDir());
    try {
      const small = new ResearchLibrary(db, { readDocuments: workerDocumentReader(new JobRunner(), { heap }) });
      expect(await small.index(folder)).toEqual({
        added: 2,
        updated: 0,
        removed: 0,
        unchanged: 0,
        warnings: [
          {
            path: report,
            message: `not indexed: reading it needs more than the ${heapMb} MB of memory a file may use`,
          },
        ],
      });
      expect(small.search('Tallinn', 5, false).map((hit) => hit.title)).toEqual(['Quillon call']);
      expect(small.search('Riga', 5, false)).toHaveLength(1);
      // The same file within the app's limit is read: the limit, not the file, stopped it.
      expect(
        await new ResearchLibrary(db, { readDocuments: workerDocumentReader(new JobRunner()) }).index(folder),
      ).toMatchObject({
        added: 1,
        unchanged: 2,
        warnings: [],
      });
    } finally {
      db.close();
    }
  }, 180_000); // a PDF of 150 pages read twice on a loaded machine: not a measure

  it('reads 8.9 MB of Markdown within a 16 MB heap: read in chunks and indexed passage by passage, never whole', async () => {
    // Read whole, its text copied without its headings, this file needed a 32 MB heap.
    const heap = { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 };
    const folder = tempDir();
    const dump = path.join(folder, 'dump.md');
    const lines = Array.from(
      { length: 160_000 },
      (_, i) => `# Quillon export\nQuillon Dynamics pipeline line ${String(i).padStart(6, '0')}.\n`,
    );
    fs.writeFileSync(dump, lines.join(''));
    const db = openDatabase(tempDir());
    try {
      const library = new ResearchLibrary(db, { readDocuments: workerDocumentReader(new JobRunner(), { heap }) });
      expect(await library.index(folder)).toMatchObject({ added: 1, warnings: [] });
      // Its first and last lines are both in the index, and the headings' marks are not.
      const last = library.search('159999', 5, true);
      expect(last).toHaveLength(1);
      expect(last[0]!.title).toBe('Quillon export');
      expect(last[0]!.rawContent).toContain('Quillon Dynamics pipeline line 159999.');
      const first = library.search('000000', 5, true);
      expect(first).toHaveLength(1);
      expect(first[0]!.rawContent).toMatch(/^Quillon export\nQuillon Dynamics pipeline line 000000\./);
      expect(last[0]!.rawContent).not.toContain('#');
      // Written in passages of at most PASSAGE_CHARS, each its own FTS insert on the calling thread (one insert
      // of the whole text held it for 0.45 s of CPU: docs/benchmarks.md, issue 12 session 11).
      const { passages, longest } = db
        .prepare('SELECT count(*) AS passages, max(length(body)) AS longest FROM research_fts')
        .get() as { passages: number; longest: number };
      expect(longest).toBeLessThanOrEqual(PASSAGE_CHARS);
      expect(passages).toBeGreaterThan(fs.statSync(dump).size / PASSAGE_CHARS / 2); // about 130
    } finally {
      db.close();
    }
  });
});
