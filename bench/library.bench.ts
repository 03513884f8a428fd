import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { openDatabase } from '../src/core/store/database';
import { ResearchLibrary } from '../src/core/research/library';
import type { DocumentFilesReader } from '../src/core/research/documents';
import { workerDocumentReader } from '../src/core/research/worker-reader';
import { JobRunner } from '../src/core/jobs/runner';
import { report, withPeakMemory } from './support/measure';

const PDF_PAGES = 300;
const LINES_PER_PAGE = 45;

/** A text-heavy report: every page full of sentences, as an annual report or a research note. */
async function writeReport(file: string): Promise<void> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Lumora Analytics annual report');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= PDF_PAGES; p += 1) {
    const page = pdf.addPage([612, 792]);
    for (let line = 0; line < LINES_PER_PAGE; line += 1) {
      page.drawText(
        `Page ${p}, line ${line}: Lumora Analytics expanded its forecasting service to region ${p * 100 + line}.`,
        { x: 40, y: 760 - line * 16, size: 9, font },
      );
    }
  }
  fs.writeFileSync(file, await pdf.save());
}

/**
 * Indexing runs on the thread that asks for it (the app's main process), so what matters besides speed is
 * the longest time the event loop is held at once: a 1 ms timer records the largest gap between its ticks.
 */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 1);
  try {
    const result = await work();
    stallMs = Math.max(stallMs, performance.now() - last);
    return { result, stallMs };
  } finally {
    clearInterval(timer);
  }
}

export async function run(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-library-bench-'));
  const folder = path.join(root, 'library');
  fs.mkdirSync(folder);
  try {
    await writeReport(path.join(folder, 'annual-report.pdf'));
    const size = fs.statSync(path.join(folder, 'annual-report.pdf')).size;
    const jobs = new JobRunner();
    const readers: [string, DocumentFilesReader | undefined][] = [
      ['in the calling thread', undefined],
      ['in a job worker (the app)', workerDocumentReader(jobs)],
    ];
    let inThreadMs = 0;
    for (const [where, readDocuments] of readers) {
      const db = openDatabase(fs.mkdtempSync(path.join(root, 'data-')));
      const library = new ResearchLibrary(db, { readDocuments });
      const first = await withPeakMemory(() => longestStall(() => library.index(folder)));
      const again = await withPeakMemory(() => longestStall(() => library.index(folder)));
      const searchStarted = performance.now();
      const hit = library.search('Lumora region 15012', 1, false)[0];
      const searchMs = performance.now() - searchStarted;
      db.close();
      if (hit?.url.endsWith('#page=150') !== true) throw new Error(`expected page 150 to match, got ${hit?.url}`);
      inThreadMs ||= first.wallMs;
      report(
        `PDF of ${PDF_PAGES} pages (${(size / 1024 / 1024).toFixed(1)} MB) read ${where}`,
        `${first.wallMs.toFixed(0)} ms`,
        { value: first.wallMs / inThreadMs, goal: 'worker ≈ 1 + its start' },
      );
      report('  pages per second', `${((PDF_PAGES / first.wallMs) * 1000).toFixed(0)}`);
      report('  longest event-loop stall', `${first.result.stallMs.toFixed(1)} ms`, {
        value: first.result.stallMs / first.wallMs,
        goal: 'a small share of the index time',
      });
      report('  peak RSS of this process', `${first.peakRssMb.toFixed(0)} MB`);
      report('  re-index, PDF unchanged (not read)', `${again.wallMs.toFixed(1)} ms`, {
        value: again.wallMs / first.wallMs,
        goal: '≈ 0',
      });
      report('  search hitting page 150', `${searchMs.toFixed(2)} ms`);
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
