// Bad files (issue 12): a corpus generated at run time in the OS temp folder, each file read the app's way
// (lead preview and import in job workers, the research library's worker reader) in a child process of its
// own, so that each peak RSS is that file's. Per file: wall time against an ordinary file of the same kind
// read the same way in the same run, peak RSS of the process (goal < 300 MB) and the calling thread's
// event-loop delay, max and 99th percentile (goal < 100 ms: the Electron main process stays responsive),
// against the same loop left idle just before (on a loaded machine the scheduler alone stalls it), and the
// most CPU time the loop's thread spent between two ticks of a 10 ms timer: its own work, without the time it
// waited for a core (Linux), so that a delay can be told to be ours or the scheduler's.
import { setTimeout as wait } from 'node:timers/promises';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { JobRunner } from '../src/core/jobs/runner';
import { DEFAULT_LIMITS, ResearchLibrary } from '../src/core/research/library';
import { workerDocumentReader } from '../src/core/research/worker-reader';
import { createAppServices } from '../src/core/services/app-services';
import { openConfBackend } from '../src/core/settings/conf-backend';
import { openDatabase } from '../src/core/store/database';
import {
  angleBracketHtml,
  escapeFilterNames,
  inflatingPdf,
  largeArticleHtml,
  largeNotesMarkdown,
  longWorkbook,
  repeatedFormPdf,
  sharedStringsBomb,
  strayQuoteCsv,
  textBeforeHiddenBombPdf,
  wideWorkbook,
} from '../tests/support/bad-files';
import { MemorySecretStore } from '../tests/support/memory-secrets';
import { report, withPeakMemory } from './support/measure';

type Reader = 'preview' | 'import' | 'library';

const IDLE_MS = 2000;

interface Case {
  label: string;
  reader: Reader;
  /** Writes the bad file into the folder; returns its path. */
  bad: (folder: string) => Promise<string>;
  /** An ordinary file of the same kind, read the same way: the reference. */
  ordinary: (folder: string) => Promise<string>;
}

async function ordinaryWorkbook(folder: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Leads');
  sheet.addRow(['First Name', 'Last Name', 'Email', 'Company']);
  for (let i = 0; i < 1000; i++)
    sheet.addRow([`First${i}`, `Last${i}`, `lead${i}@company${i}.example`, `Company ${i}`]);
  const file = path.join(folder, 'ordinary.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

async function ordinaryHtml(folder: string): Promise<string> {
  const file = path.join(folder, 'ordinary.html');
  const paragraph =
    '<p>Lumora Analytics opened a fulfilment centre in Boise, Idaho, to serve <a href="/grocery">grocery</a> customers.</p>\n';
  fs.writeFileSync(
    file,
    `<html><head><title>Press</title></head><body>${paragraph.repeat(Math.ceil((400 * 1024) / paragraph.length))}</body></html>`,
  );
  return file;
}

async function ordinaryPdf(folder: string): Promise<string> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= 20; p++) {
    const page = pdf.addPage([612, 792]);
    for (let line = 0; line < 45; line++)
      page.drawText(`Page ${p}, line ${line}: Lumora Analytics expanded its forecasting service.`, {
        x: 40,
        y: 760 - line * 16,
        size: 9,
        font,
      });
  }
  const file = path.join(folder, 'ordinary.pdf');
  fs.writeFileSync(file, await pdf.save());
  return file;
}

function ordinaryCsv(folder: string): Promise<string> {
  const file = path.join(folder, 'ordinary.csv');
  fs.writeFileSync(file, fs.readFileSync(strayQuoteCsv(folder), 'utf8').replace('"Met at expo', 'Met at expo'));
  return Promise.resolve(file);
}

const CASES: Case[] = [
  {
    label: 'shared-strings bomb xlsx (300 KB → 286 MB), preview',
    reader: 'preview',
    bad: (f) => sharedStringsBomb(f),
    ordinary: ordinaryWorkbook,
  },
  {
    label: 'shared-strings bomb xlsx, import',
    reader: 'import',
    bad: (f) => sharedStringsBomb(f),
    ordinary: ordinaryWorkbook,
  },
  {
    label: 'wide xlsx (16,384 columns × 20 rows), preview',
    reader: 'preview',
    bad: (f) => wideWorkbook(f, 16_384, 20),
    ordinary: ordinaryWorkbook,
  },
  {
    label: 'long xlsx (1,100,000 rows), import',
    reader: 'import',
    bad: (f) => longWorkbook(f, 1_100_000),
    ordinary: ordinaryWorkbook,
  },
  {
    label: 'HTML of 400 KB of `<`, library index',
    reader: 'library',
    bad: async (f) => angleBracketHtml(f),
    ordinary: ordinaryHtml,
  },
  {
    label: 'HTML page of 9.5 MB (7 MB of text; the size limit is 10 MB), library index',
    reader: 'library',
    bad: async (f) => largeArticleHtml(f),
    ordinary: ordinaryHtml,
  },
  {
    label: 'Markdown notes of 9.5 MB (all text), library index',
    reader: 'library',
    bad: async (f) => largeNotesMarkdown(f),
    ordinary: ordinaryHtml,
  },
  {
    label: 'PDF of 1 MB inflating to 1 GB, library index',
    reader: 'library',
    bad: (f) => inflatingPdf(f, 1024),
    ordinary: ordinaryPdf,
  },
  {
    label: 'PDF of 30 MB of text in one stream, library index',
    reader: 'library',
    bad: (f) => inflatingPdf(f, 30, 'text'),
    ordinary: ordinaryPdf,
  },
  {
    label: 'PDF of 30 MB of text in 30 streams, library index',
    reader: 'library',
    bad: (f) => inflatingPdf(f, 30, 'text in many streams'),
    ordinary: ordinaryPdf,
  },
  {
    label: 'PDF of 46 MB of blank page content (inside the 48 MB budget), library index',
    reader: 'library',
    bad: (f) => inflatingPdf(f, 46),
    ordinary: ordinaryPdf,
  },
  {
    label: 'PDF of a 200 MB page behind an escaped filter name, library index',
    reader: 'library',
    bad: async (f) => escapeFilterNames(await inflatingPdf(f, 200)),
    ordinary: ordinaryPdf,
  },
  {
    label: 'PDF of 300,000 pieces of text, then a hidden 200 MB stream, library index',
    reader: 'library',
    bad: (f) => textBeforeHiddenBombPdf(f),
    ordinary: ordinaryPdf,
  },
  {
    label: 'PDF of 20 KB holding one 20 MB string, library index',
    reader: 'library',
    bad: (f) => inflatingPdf(f, 20, 'one string'),
    ordinary: ordinaryPdf,
  },
  {
    label: 'PDF of 55 KB drawing a form of 1,000 text lines 5,000 times, library index',
    reader: 'library',
    bad: (f) => repeatedFormPdf(f),
    ordinary: ordinaryPdf,
  },
  {
    label: 'stray-quote CSV (1,000 rows), import',
    reader: 'import',
    bad: async (f) => strayQuoteCsv(f),
    ordinary: ordinaryCsv,
  },
];

interface Measured {
  wallMs: number;
  peakRssMb: number;
  stallMs: number;
  /** The 99th percentile of the loop's delay while the file was read. */
  stallP99Ms: number;
  /** The longest stall of the idle loop over `IDLE_MS` before the read. */
  idleStallMs: number;
  idleP99Ms: number;
  /** The most CPU time the loop's thread spent between two ticks of a 10 ms timer while the file was read. */
  loopWorkMs: number | undefined;
  outcome: string;
}

/** The calling thread's CPU time in ms so far, from Linux's per-thread scheduler statistics; undefined elsewhere. */
function threadCpuMs(): number | undefined {
  try {
    return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

/**
 * Tracks the most CPU time the calling thread spent between two ticks of a 10 ms timer: the loop's own work
 * (our code and its garbage collection) without the time it waited for a core, which a delay also counts.
 */
function longestLoopWork(): { stop: () => number | undefined } {
  let last = threadCpuMs();
  let longest = 0;
  const tick = () => {
    const now = threadCpuMs();
    if (now !== undefined && last !== undefined) longest = Math.max(longest, now - last);
    last = now;
  };
  const timer = setInterval(tick, 10);
  return {
    stop: () => {
      clearInterval(timer);
      tick();
      return last === undefined ? undefined : longest;
    },
  };
}

/** Reads one file the app's way in this process and measures it (run in a child: see `measureInChild`). */
async function measure(reader: Reader, file: string): Promise<Measured> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-intel-bench-badfiles-data-'));
  const services = createAppServices({
    dataDir,
    settingsBackend: openConfBackend(dataDir),
    secrets: new MemorySecretStore(),
    env: {},
  });
  const libraryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-intel-bench-badfiles-library-'));
  const db = openDatabase(libraryDir);
  const library = new ResearchLibrary(db, {
    limits: DEFAULT_LIMITS,
    readDocuments: workerDocumentReader(new JobRunner()),
  });
  const folder = path.dirname(file);
  const read = async (): Promise<string> => {
    if (reader === 'preview') return `${(await services.leads.preview(file)).headers.length} columns`;
    if (reader === 'import') {
      const summary = await services.leads.startImport({ file, dryRun: true });
      return `${summary.imported} rows, ${summary.rejected} rejected`;
    }
    const summary = await library.index(folder);
    return summary.warnings.length ? `warning: ${summary.warnings[0]!.message}` : `${summary.added} indexed`;
  };
  const idle = monitorEventLoopDelay({ resolution: 10 });
  idle.enable();
  await wait(IDLE_MS);
  idle.disable();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const loopWork = longestLoopWork();
  // It measures from its timer's first tick on: a read that started at once could hold the loop unseen.
  await wait(50);
  try {
    const { result, peakRssMb, wallMs } = await withPeakMemory(() =>
      read().catch((error: unknown) => `error: ${(error as Error).message.replace(`${file}: `, '')}`),
    );
    // The histogram records a stall when its timer next fires: a read that held the loop to its end needs one more turn.
    await wait(50);
    delay.disable();
    const loopWorkMs = loopWork.stop();
    return {
      loopWorkMs,
      wallMs,
      peakRssMb,
      stallMs: delay.max / 1e6,
      stallP99Ms: delay.percentile(99) / 1e6,
      idleStallMs: idle.max / 1e6,
      idleP99Ms: idle.percentile(99) / 1e6,
      outcome: result,
    };
  } finally {
    db.close();
    services.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(libraryDir, { recursive: true, force: true });
  }
}

const self = fileURLToPath(import.meta.url);

function measureInChild(reader: Reader, file: string): Measured {
  const out = execFileSync(process.execPath, ['--import', 'tsx', self], {
    env: { ...process.env, BADFILES_READER: reader, BADFILES_FILE: file },
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Measured;
}

/** `BENCH_BADFILES=bomb,HTML npm run bench badfiles` measures the cases whose label holds one of the words. */
function chosenCases(): Case[] {
  const words = process.env.BENCH_BADFILES?.split(',');
  return words ? CASES.filter((c) => words.some((word) => c.label.includes(word))) : CASES;
}

export async function run(): Promise<void> {
  for (const c of chosenCases()) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-intel-bench-badfiles-'));
    const referenceFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-intel-bench-badfiles-'));
    try {
      const bad = await c.bad(folder);
      const reference = measureInChild(c.reader, await c.ordinary(referenceFolder));
      const measured = measureInChild(c.reader, bad);
      report(c.label, `${(measured.wallMs / 1000).toFixed(2)} s`, {
        value: measured.wallMs / reference.wallMs,
        goal: `against an ordinary file: ${(reference.wallMs / 1000).toFixed(2)} s`,
      });
      report(`  outcome: ${measured.outcome}`.slice(0, 150), '');
      report('  peak RSS (goal < 300 MB)', `${measured.peakRssMb.toFixed(0)} MB`, {
        value: measured.peakRssMb / reference.peakRssMb,
        goal: `ordinary file: ${reference.peakRssMb.toFixed(0)} MB`,
      });
      report('  event-loop delay, max (goal < 100 ms)', `${measured.stallMs.toFixed(0)} ms`, {
        value: measured.stallMs / Math.max(1, measured.idleStallMs),
        goal: `idle loop: ${measured.idleStallMs.toFixed(0)} ms, ordinary file: ${reference.stallMs.toFixed(0)} ms`,
      });
      report('  event-loop delay, p99', `${measured.stallP99Ms.toFixed(0)} ms`, {
        value: measured.stallP99Ms / Math.max(1, measured.idleP99Ms),
        goal: `idle loop: ${measured.idleP99Ms.toFixed(0)} ms, ordinary file: ${reference.stallP99Ms.toFixed(0)} ms`,
      });
      report('  most CPU of the loop between two 10 ms ticks', `${measured.loopWorkMs?.toFixed(0) ?? '-'} ms`, {
        value: (measured.loopWorkMs ?? 0) / Math.max(1, reference.loopWorkMs ?? 0),
        goal: `ordinary file: ${reference.loopWorkMs?.toFixed(0) ?? '-'} ms`,
      });
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
      fs.rmSync(referenceFolder, { recursive: true, force: true });
    }
  }
}

if (process.env.BADFILES_FILE) {
  console.log(JSON.stringify(await measure(process.env.BADFILES_READER as Reader, process.env.BADFILES_FILE)));
  process.exit(0);
}
