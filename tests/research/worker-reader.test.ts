import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir';
import { JobRunner } from '../../src/core/jobs/runner';
import { openDatabase } from '../../src/core/store/database';
import { ResearchLibrary } from '../../src/core/research/library';
import type { DocumentRead } from '../../src/core/research/documents';
import { workerDocumentReader } from '../../src/core/research/worker-reader';

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
    const reads: DocumentRead[] = [];
    await workerDocumentReader(new JobRunner())([broken, good], { maxPdfPages: 10, maxPdfTextChars: 1000 }, (read) =>
      reads.push(read),
    );
    expect(reads).toEqual([
      { file: broken, error: expect.stringMatching(/^it is not a readable PDF/) },
      {
        file: good,
        sha256: expect.any(String),
        warnings: [],
        document: expect.objectContaining({ passages: [{ page: 1, text: 'Lumora Analytics signed a pilot.' }] }),
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
      const summary = await new ResearchLibrary(db, { readDocuments: workerDocumentReader(counting, 1) }).index(folder);
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
});
