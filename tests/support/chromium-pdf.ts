import { chromium, type Browser } from 'playwright-core';
import type { PdfPrinter } from '../../src/core/intel/report-export';

/**
 * The app's PDF printer played by Debian's Chromium (Electron cannot run here): the same HTML, printed with
 * the page's own `@page` size and margins as Electron's `printToPDF({ preferCSSPageSize: true })` does.
 * Given a browser (the e2e harness's), it prints there; otherwise it launches one, closed by `close()`.
 */
export async function chromiumPdfPrinter(shared?: Browser): Promise<{ print: PdfPrinter; close(): Promise<void> }> {
  const browser =
    shared ?? (await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] }));
  return {
    async print(html) {
      const page = await browser.newPage({ javaScriptEnabled: false });
      try {
        await page.setContent(html);
        return await page.pdf({ preferCSSPageSize: true, printBackground: false });
      } finally {
        await page.close();
      }
    },
    close: async () => {
      if (!shared) await browser.close();
    },
  };
}
