import type { CompanyReport } from './domain';
import { reportToHtml } from './html';
import { reportToMarkdown } from './markdown';

/** The formats a report is exported in from the app. */
export const REPORT_FORMATS = ['pdf', 'html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * Prints a self-contained HTML page to PDF bytes. In the app, Electron's print-to-PDF in a hidden window
 * (`src/main/print-pdf.ts`); the page's print stylesheet sets the paper, so any Chromium prints it alike.
 */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

/** A report in an export format: PDF is the HTML export printed for paper (sources as numbered endnotes). */
export async function renderReport(
  report: CompanyReport,
  format: ReportFormat,
  printPdf: PdfPrinter,
): Promise<string | Uint8Array> {
  if (format === 'md') return reportToMarkdown(report);
  const html = reportToHtml(report);
  return format === 'html' ? html : printPdf(html);
}
