import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppServices } from '../../services/app-services';
import type { Handler } from '../dispatch';
import type { FileTokens } from '../file-tokens';
import type { reportExportChannels } from '../channels/report-export';
import { UserFacingError } from '../../errors';
import { renderReport, type PdfPrinter } from '../../intel/report-export';
import { writingExport } from '../../export/write-error';

type ReportExportChannel = keyof typeof reportExportChannels;

/** A process that cannot print (the command line, a test without a browser) says so when asked for a PDF. */
export const noPdfPrinter: PdfPrinter = () =>
  Promise.reject(new UserFacingError('no_pdf_printer', 'This window cannot print to PDF; export HTML and print it.'));

export function createReportExportHandlers(
  services: AppServices,
  files: FileTokens,
  printPdf: PdfPrinter,
): { [C in ReportExportChannel]: Handler<C> } {
  return {
    'intel:exportReport': async ({ runId, format, file }) => {
      const out = path.resolve(files.resolve(file, 'save'));
      const report = services.intel.report(runId);
      if (!report) throw new UserFacingError('not_found', `There is no stored report for run ${runId}.`);
      const content = await renderReport(report, format, printPdf);
      await writingExport(out, fs.writeFile(out, content));
      return { path: out, bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength };
    },
  };
}
