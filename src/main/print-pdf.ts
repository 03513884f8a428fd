import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import type { PdfPrinter } from '../core/intel/report-export';
import { hardenWebContents } from './hardening';

/**
 * Electron's print-to-PDF: the export HTML (no script, its own CSP that loads nothing) in a hidden window with
 * JavaScript off and an in-memory session of its own, printed with the page's `@page` size and margins. The page
 * goes through a temporary file because a data: URL is capped at 2 MB.
 */
export const printHtmlToPdf: PdfPrinter = async (html) => {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'crm-report-'));
  const file = path.join(folder, 'report.html');
  const window = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, partition: 'report-print' },
  });
  hardenWebContents(window.webContents);
  try {
    await fs.writeFile(file, html);
    await window.loadFile(file);
    return await window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: false });
  } finally {
    window.destroy();
    await fs.rm(folder, { recursive: true, force: true });
  }
};
