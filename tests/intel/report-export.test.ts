import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intelHarness } from './support';
import { dispatch } from '../../src/core/ipc/dispatch';
import { createHandlers } from '../../src/core/ipc/handlers';
import { FileTokens } from '../../src/core/ipc/file-tokens';
import { readPdfText } from '../../src/core/research/pdf';
import type { CompanyReport } from '../../src/core/intel/domain';
import { reportToMarkdown } from '../../src/core/intel/markdown';
import { chromiumPdfPrinter } from '../support/chromium-pdf';
import { tempDir } from '../support/temp-dir';

let harness: Awaited<ReturnType<typeof intelHarness>>;
let printer: Awaited<ReturnType<typeof chromiumPdfPrinter>>;
let report: CompanyReport;
beforeAll(async () => {
  harness = await intelHarness();
  printer = await chromiumPdfPrinter();
  report = await harness.services.intel.lookup('Lumora Analytics', { workflow: 'comprehensive' });
}, 120_000);
afterAll(async () => {
  await printer?.close();
  await harness?.close();
});

/** The handler table as main serves it, with a save token for `file` as main's save dialog issues it. */
function exporter(printPdf = printer.print) {
  const files = new FileTokens();
  const handlers = createHandlers(harness.services, files, { printPdf });
  return {
    handlers,
    exportTo: (file: string, format: string, runId = report.run.id) =>
      dispatch(handlers, 'intel:exportReport', { runId, format, file: files.issue(file, 'save').token }),
  };
}

describe('intel:exportReport', () => {
  it('prints the report to a PDF on paper with the sources as numbered endnotes and their URLs', async () => {
    const file = path.join(tempDir(), 'lumora.pdf');
    const result = await exporter().exportTo(file, 'pdf');
    expect(result).toMatchObject({ ok: true, data: { path: file, bytes: fs.statSync(file).size } });
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await readPdfText(new Uint8Array(bytes), { maxPages: 50, maxTextChars: 1_000_000 });
    expect(pdf.totalPages).toBeGreaterThan(0);
    const text = pdf.pages.join('\n');
    expect(text).toContain('Lumora Analytics');
    // Every source is an endnote with its URL, in the report's numbering (the text of each cites [n]).
    expect(report.sources.length).toBeGreaterThan(2);
    const flat = text.replace(/\s+/g, '');
    let at = flat.lastIndexOf('Sources');
    for (const source of report.sources) {
      const url = flat.indexOf(source.url.replace(/\s+/g, ''), at);
      expect(url, `endnote ${source.id} ${source.url}`).toBeGreaterThan(at);
      at = url;
    }
    expect(text).toMatch(/\[1\]/);
  });

  it('lays the page out for A4 paper', async () => {
    const html = fs.readFileSync(await exported('html'), 'utf8');
    expect(html).toMatch(/@page\{size:A4/);
    const { getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync(await exported('pdf'))));
    // A4 is 595 x 842 points: the page box a printer gets, from the stylesheet's @page (not Letter, Chromium's default).
    const { width, height } = (await pdf.getPage(1)).getViewport({ scale: 1 });
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    await pdf.destroy();
  });

  it('writes HTML and Markdown as the command line prints them', async () => {
    const html = fs.readFileSync(await exported('html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<ol class="sources">');
    expect(html).toContain(`<li id="source-1" value="1">`);
    const markdown = fs.readFileSync(await exported('md'), 'utf8');
    expect(markdown).toBe(reportToMarkdown(report));
  });

  it('refuses a path that is no save token, an unknown run, a window without a printer and a folder that is not there', async () => {
    const { handlers, exportTo } = exporter();
    const folder = tempDir();
    const raw = await dispatch(handlers, 'intel:exportReport', {
      runId: report.run.id,
      format: 'html',
      file: path.join(folder, 'x.html'),
    });
    expect(raw).toMatchObject({ ok: false });
    const openToken = new FileTokens().issue(path.join(folder, 'x.html'), 'open').token;
    expect(
      await dispatch(handlers, 'intel:exportReport', { runId: report.run.id, format: 'html', file: openToken }),
    ).toMatchObject({ ok: false, error: { code: 'file_not_chosen' } });
    expect(await exportTo(path.join(folder, 'none.md'), 'md', 9999)).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('9999') },
    });
    const files = new FileTokens();
    const bare = createHandlers(harness.services, files);
    expect(
      await dispatch(bare, 'intel:exportReport', {
        runId: report.run.id,
        format: 'pdf',
        file: files.issue(path.join(folder, 'x.pdf'), 'save').token,
      }),
    ).toMatchObject({ ok: false, error: { code: 'no_pdf_printer' } });
    const missing = path.join(folder, 'gone', 'x.pdf');
    expect(await exportTo(missing, 'pdf')).toMatchObject({
      ok: false,
      error: { code: 'cannot_write', message: expect.stringContaining(path.join(folder, 'gone')) },
    });
    expect(fs.readdirSync(folder)).toEqual([]);
  });
});

async function exported(format: 'pdf' | 'html' | 'md'): Promise<string> {
  const file = path.join(tempDir(), `lumora.${format}`);
  const result = await exporter().exportTo(file, format);
  if (!result.ok) throw new Error(result.error.message);
  return file;
}
